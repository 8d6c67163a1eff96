using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>
/// Tables typed in by hand for a historic year without records (e.g. a report published before the system): every
/// cell, totals included, as printed — so the rules show where the old report's arithmetic fails.
/// </summary>
public sealed class TablesModel(ReportBuilder builder, ReportLifecycle lifecycle, GongkaiDbContext db, AuditTrail audit, RequestDay day, StaffAuthorization authz) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public int AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "subtree")] public bool Subtree { get; set; }

    public AnnualReportModel? Report { get; private set; }
    public List<string> Errors { get; } = [];


    private async Task<bool> AllowedAsync(CancellationToken ct)
    {
        AgencyId = AgencyId == 0 ? StaffClaims.AgencyOf(User) ?? 0 : AgencyId;
        Year = Year == 0 ? day.Today.Year - 1 : Year;
        return await authz.MayAsync(User, StaffOperations.Reports.Write, AgencyId);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct))
        {
            return Forbid();
        }

        try
        {
            Report = await builder.BuildAsync(AgencyId, Year, Subtree, live: true, ct: ct);
        }
        catch (ReportException e)
        {
            Errors.Add(e.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool clear, CancellationToken ct)
    {
        if (!await AllowedAsync(ct))
        {
            return Forbid();
        }

        var format = ReportFormats.ForYear(Year);
        EnteredTables? tables = null;
        if (!clear)
        {
            tables = new EnteredTables([], []);
            foreach (var row in ReportFormats.RequestRows(format).Where(r => r.Kind != RowKind.Heading))
            {
                tables.Requests[row.Code] = ApplicantColumns.All.Select(c => Cell($"r|{row.Code}|{(int)c}", $"表三 · {row.Label} · {c.Label()}")).ToArray();
            }

            foreach (var (kind, group, subgroup) in ReportFormats.AppealGroups)
            {
                tables.Appeals[kind.ToString()] = AppealColumns.All.Select(c => Cell($"a|{kind}|{(int)c}", $"表四 · {group}{subgroup} · {c.Label()}")).ToArray();
            }
        }

        if (Errors.Count == 0)
        {
            try
            {
                await lifecycle.EnterTablesAsync(AgencyId, Year, Subtree, tables, ct);
                audit.Add(AuditActions.ReportTablesEntered, $"{Year} 年度报告{(Subtree ? "（含下级机关）" : "")}", clear ? "清除手工录入的表格" : null, AgencyId);
                await db.SaveChangesAsync(ct);
                TempData["Message"] = clear ? "已清除手工录入的表格。" : "已保存手工录入的表格；勾稽关系检查结果见报告页。";
                return Redirect($"/admin/reports?agency={AgencyId}&year={Year}{(Subtree ? "&subtree=true" : "")}");
            }
            catch (Exception e) when (e is ReportLifecycleException or ReportException)
            {
                db.ChangeTracker.Clear();
                Errors.Add(e.Message);
            }
        }

        return await OnGetAsync(ct);
    }

    private int Cell(string name, string label)
    {
        var text = Request.Form[name].ToString().Trim();
        if (text.Length == 0)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 10_000_000)
        {
            Errors.Add($"{label}：“{text}”不是件数（应为不小于 0 的整数）。");
        }

        return value;
    }

    public int Value(RequestsRow row, ApplicantColumn column) => Report?.Requests[row, column] ?? 0;

    public int Appeal(AppealKind kind, AppealColumn column) => Report?.Appeals[kind, column] ?? 0;
}
