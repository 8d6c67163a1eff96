using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>Staff enter the Art. 20 figures of an agency's year; publishers and office heads may change them.</summary>
public sealed class Article20Model(GongkaiDbContext db, StaffAccess access, IArticle20Source source, RequestStore store, AuditTrail audit, TimeProvider clock, ReportLocks locks, ReportLifecycle lifecycle) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    public List<Agency> Agencies { get; private set; } = [];
    public Article20Figures Figures { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public List<string> Errors { get; } = [];

    /// <summary>第二十条第（一）项 is counted from the catalog's documents (its cells are shown, not entered).</summary>
    public bool CountedFromRecords { get; private set; }
    public bool MayEdit => User.IsInRole(StaffRoles.Publisher) || User.IsInRole(StaffRoles.Approver);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        var values = new List<(Article20Table Table, string Row, string Column, decimal Value)>();
        foreach (var table in Figures.Tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.Columns)
                {
                    var text = Request.Form[$"{table.Item}|{row}|{column}"].ToString().Trim();
                    if (text.Length == 0)
                    {
                        text = "0";
                    }

                    if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    {
                        Errors.Add($"{table.Item} · {row} · {column}：“{text}”不是数字。");
                    }
                    else if (Article20Figures.Validate(table, column, value) is { } problem)
                    {
                        Errors.Add($"{table.Item} · {row} · {column}：{problem}");
                    }
                    else
                    {
                        values.Add((table, row, column, value));
                    }
                }
            }
        }

        if (await locks.LockedByAsync(AgencyId!.Value, Year!.Value, ct) is { } lockedBy)
        {
            Errors.Add($"{lockedBy}，第二十条数据不能再修改；如确需更正，请先由审核人撤回定稿并说明原因。");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var agencyId = AgencyId!.Value;
        await lifecycle.ContentChangingAsync(agencyId, Year!.Value, subtree: false, ct);
        var year = Year!.Value;
        var existing = await db.Article20Figures.Where(f => f.AgencyId == agencyId && f.Year == year).ToListAsync(ct);
        foreach (var (table, row, column, value) in values)
        {
            var record = existing.FirstOrDefault(f => f.Item == table.Item && f.Row == row && f.Column == column);
            if (record is null)
            {
                db.Article20Figures.Add(new Article20FigureRecord { AgencyId = agencyId, Year = year, Item = table.Item, Row = row, Column = column, Value = value, UpdatedBy = User.Identity!.Name!, UpdatedAt = clock.GetUtcNow() });
            }
            else if (record.Value != value)
            {
                (record.Value, record.UpdatedBy, record.UpdatedAt) = (value, User.Identity!.Name!, clock.GetUtcNow());
            }
        }

        audit.Add(AuditActions.Article20Saved, $"{AgencyName} {year} 年", null, agencyId);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "已保存主动公开数据。";
        return Redirect($"/admin/reports/article20?agency={agencyId}&year={year}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        AgencyId ??= StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id;
        Year ??= store.Today().Year - 1;
        if (AgencyId is not { } agencyId || Year is not (>= 2019 and <= 2100))
        {
            return NotFound();
        }

        if (!await access.CanAccessAsync(User, agencyId, ct))
        {
            return Forbid();
        }

        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.FullName).SingleAsync(ct);
        Figures = await source.GetAsync([agencyId], Year.Value, ReportFormats.ForYear(Year.Value), ct);
        CountedFromRecords = await db.Publications.AnyAsync(p => p.AgencyId == agencyId
            && (p.Type == Gongkai.Core.Publications.PublicationType.Regulation || p.Type == Gongkai.Core.Publications.PublicationType.NormativeDocument), ct);
        return null;
    }
}
