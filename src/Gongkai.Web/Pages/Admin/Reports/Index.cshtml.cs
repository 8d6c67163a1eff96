using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>The year's report generated from the records, with its rules checked and every figure linked to its cases.</summary>
public sealed class IndexModel(ReportBuilder builder, StaffAccess access, RequestStore store, Gongkai.Infrastructure.Persistence.GongkaiDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int MaxSectionLength = 20000;

    public bool MayWrite => User.IsInRole(Gongkai.Infrastructure.Identity.StaffRoles.Publisher) || User.IsInRole(Gongkai.Infrastructure.Identity.StaffRoles.Approver);

    /// <summary>Saves a written section (一, 五 or 六) of the agency's report for the year.</summary>
    public async Task<IActionResult> OnPostNarrativeAsync(int section, string? text, CancellationToken ct)
    {
        if (!MayWrite || AgencyId is not { } agencyId || Year is not { } year || !await access.CanAccessAsync(User, agencyId, ct))
        {
            return Forbid();
        }

        if (!AnnualReportModel.WrittenSections.Contains(section))
        {
            return BadRequest();
        }

        var clean = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (clean.Length > MaxSectionLength)
        {
            Error = $"第{section}部分不能超过 {MaxSectionLength} 个字，未保存。";
            return await OnGetAsync(ct);
        }

        var record = await db.ReportNarratives.FirstOrDefaultAsync(n => n.AgencyId == agencyId && n.Year == year && n.Subtree == Subtree && n.Section == section, ct);
        if (record is null)
        {
            db.ReportNarratives.Add(new ReportNarrativeRecord { AgencyId = agencyId, Year = year, Subtree = Subtree, Section = section, Text = clean, UpdatedBy = User.Identity!.Name!, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            (record.Text, record.UpdatedBy, record.UpdatedAt) = (clean, User.Identity!.Name!, clock.GetUtcNow());
        }

        audit.Add(Gongkai.Infrastructure.Auditing.AuditActions.ReportSectionSaved, $"{year} 年度报告第{section}部分", null, agencyId);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "已保存。";
        return Redirect($"/admin/reports?agency={agencyId}&year={year}{(Subtree ? "&subtree=true" : "")}");
    }

    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "subtree")] public bool Subtree { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public AnnualReportModel? Report { get; private set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true, Name = "section")] public int? EditSection { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        AgencyId ??= StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id;
        Year ??= store.Today().Year - 1;
        if (AgencyId is not { } agencyId)
        {
            return Page();
        }

        if (!await access.CanAccessAsync(User, agencyId, ct))
        {
            return Forbid();
        }

        try
        {
            Report = await builder.BuildAsync(agencyId, Year.Value, Subtree, ct: ct);
        }
        catch (ReportException e)
        {
            Error ??= e.Message;
        }

        return Page();
    }

    /// <summary>The list of requests a cell counts; null where a cell sums several outcomes (2019 其他处理).</summary>
    public string? CellLink(RequestTableRow row, int column)
    {
        var cell = row.Code switch
        {
            "1" => "new",
            "2" => "carried-in",
            "4" => "carried-out",
            "3.7" => "decided",
            _ when row.Outcomes.Count == 1 => row.Outcomes[0].ToString(),
            _ => null,
        };
        if (cell is null || Report is null)
        {
            return null;
        }

        var type = ReportFormats.RequestColumns[column].Type;
        var agency = Subtree ? $"&agency={AgencyId}" : "";
        return $"/admin/requests?year={Report.Year}&cell={cell}{(type is null ? "" : "&type=" + type)}{agency}";
    }
}
