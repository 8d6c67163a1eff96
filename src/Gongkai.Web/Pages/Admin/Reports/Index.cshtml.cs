using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>The year's report generated from the records, with its rules checked and every figure linked to its cases.</summary>
public sealed class IndexModel(ReportBuilder builder, ReportLifecycle lifecycle, StaffAccess access, Gongkai.Infrastructure.Persistence.GongkaiDbContext db, AuditTrail audit, RequestDay day, StaffAuthorization authz, ReportContentStore content) : PageModel
{
    public const int MaxSectionLength = ReportContentStore.MaxSectionLength;

    public bool MayWrite => StaffAuthorization.May(User, StaffOperations.Reports.Write);
    public bool MayApprove => StaffAuthorization.May(User, StaffOperations.Reports.Approve);

    public AnnualReportRecord? Record { get; private set; }
    public List<ReportCorrectionRecord> Corrections { get; private set; } = [];
    public DateOnly? Deadline { get; private set; }
    public string? DeadlineWarning { get; private set; }

    private string Back => $"/admin/reports?agency={AgencyId}&year={Year}{(Subtree ? "&subtree=true" : "")}{(Format is { } f ? $"&format={f}" : "")}";

    /// <summary>The report as a file: .docx, .html, .pdf, .xlsx or .json (an approved report as approved).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? type, CancellationToken ct)
    {
        var extension = "." + (type ?? "").Trim().TrimStart('.').ToLowerInvariant();
        if (AgencyId is not { } agencyId || Year is not { } year || !ReportExports.ContentTypes.TryGetValue(extension, out var contentType))
        {
            return BadRequest();
        }

        if (!await access.CanAccessAsync(User, agencyId, ct))
        {
            return Forbid();
        }

        try
        {
            var report = await builder.BuildAsync(agencyId, year, Subtree, Format, withHistory: true, ct: ct);
            return File(ReportExports.Export(report, extension), contentType, ReportExports.FileName(report, extension));
        }
        catch (ReportException e)
        {
            Error = e.Message;
            return await OnGetAsync(ct);
        }
    }

    /// <summary>One of the report's charts as PNG (n: 0 by outcome, 1 year over year).</summary>
    public async Task<IActionResult> OnGetChartAsync(int n, CancellationToken ct)
    {
        if (AgencyId is not { } agencyId || Year is not { } year || !await access.CanAccessAsync(User, agencyId, ct))
        {
            return Forbid();
        }

        var charts = ReportCharts.For(await builder.BuildAsync(agencyId, year, Subtree, Format, withHistory: true, ct: ct));
        return n >= 0 && n < charts.Count ? File(charts[n].Png, "image/png") : NotFound();
    }

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) =>
        StepAsync(StaffOperations.Reports.Write, (agencyId, year, by) => lifecycle.ReviewAsync(agencyId, year, Subtree, by, ct), "已提交审核。", AuditActions.ReportReviewed, ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        StepAsync(StaffOperations.Reports.Approve, (agencyId, year, by) => lifecycle.ApproveAsync(agencyId, year, Subtree, by, Format, ct), "已定稿：本年度数字已锁定。", AuditActions.ReportApproved, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        // A late publication is shown beside the report's dates, with the Art. 49 deadline.
        StepAsync(StaffOperations.Reports.Write, (agencyId, year, by) => lifecycle.PublishAsync(agencyId, year, Subtree, by, day.Today, ct), "已在门户网站“年度报告”栏目发布。", AuditActions.ReportPublished, ct);

    public Task<IActionResult> OnPostReopenAsync(string? reason, CancellationToken ct) =>
        StepAsync(StaffOperations.Reports.Approve, (agencyId, year, by) => lifecycle.ReopenAsync(agencyId, year, Subtree, by, reason, ct), "已撤回定稿，可以更正；更正原因已记录。", AuditActions.ReportReopened, ct, reason);

    private async Task<IActionResult> StepAsync(StaffOperation operation, Func<int, int, string, Task> step, string done, string action, CancellationToken ct, string? detail = null)
    {
        if (AgencyId is not { } agencyId || Year is not { } year || !await authz.MayAsync(User, operation, agencyId))
        {
            return Forbid();
        }

        await using var transaction = await audit.BeginStepAsync(ct);
        try
        {
            await step(agencyId, year, User.Identity!.Name!);
        }
        catch (Exception e) when (e is ReportLifecycleException or ReportException)
        {
            db.ChangeTracker.Clear();
            Error = e.Message;
            return await OnGetAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            db.ChangeTracker.Clear();
            Error = "报告刚被其他人改动，请刷新后重试。";
            return await OnGetAsync(ct);
        }

        audit.Add(action, $"{year} 年度报告{(Subtree ? "（含下级机关）" : "")}", detail, agencyId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = done;
        return Redirect(Back);
    }

    /// <summary>Saves a written section (一, 五 or 六) of the agency's report for the year.</summary>
    public async Task<IActionResult> OnPostNarrativeAsync(int section, string? text, CancellationToken ct)
    {
        if (AgencyId is not { } agencyId || Year is not { } year || !await authz.MayAsync(User, StaffOperations.Reports.Write, agencyId))
        {
            return Forbid();
        }

        if (!AnnualReportModel.WrittenSections.Contains(section))
        {
            return BadRequest();
        }

        // The entry joins the unit of work: the store saves it with the section in one SaveChanges, a refusal clears both.
        audit.Add(Gongkai.Infrastructure.Auditing.AuditActions.ReportSectionSaved, $"{year} 年度报告第{section}部分", null, agencyId);
        try
        {
            await content.SaveNarrativeAsync(agencyId, year, Subtree, section, text, User.Identity!.Name!, ct);
        }
        catch (ReportLifecycleException e)
        {
            db.ChangeTracker.Clear();
            Error = e.Message;
            return await OnGetAsync(ct);
        }

        TempData["Message"] = "已保存。";
        return Redirect($"/admin/reports?agency={agencyId}&year={year}{(Subtree ? "&subtree=true" : "")}");
    }

    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "subtree")] public bool Subtree { get; set; }
    /// <summary>Another format than the year's: allowed, with a warning (null: the year's own).</summary>
    [BindProperty(SupportsGet = true, Name = "format")] public ReportFormat? Format { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public AnnualReportModel? Report { get; private set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true, Name = "section")] public int? EditSection { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        AgencyId ??= StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id;
        Year ??= day.Today.Year - 1;
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
            Report = await builder.BuildAsync(agencyId, Year.Value, Subtree, Format, withHistory: true, ct: ct);
            Record = await lifecycle.FindAsync(agencyId, Year.Value, Subtree, ct);
            Corrections = Record is null ? [] : await lifecycle.CorrectionsAsync(Record.Id, ct);
            Deadline = ReportLifecycle.Deadline(Report.Agency, Subtree, Year.Value);
            var today = day.Today;
            DeadlineWarning = (Record?.PublishedOn, today > Deadline) switch
            {
                ({ } on, _) when on > Deadline => $"发布日期 {on:yyyy-MM-dd} 晚于法定时限 {Deadline:yyyy-MM-dd}（{ReportLifecycle.DeadlineRule(Report.Agency, Subtree)}）。",
                (null, true) => $"已超过法定发布时限 {Deadline:yyyy-MM-dd} 仍未发布（{ReportLifecycle.DeadlineRule(Report.Agency, Subtree)}）。",
                (null, false) when Deadline.Value.DayNumber - today.DayNumber <= 30 => $"距法定发布时限 {Deadline:yyyy-MM-dd} 还有 {Deadline.Value.DayNumber - today.DayNumber} 天。",
                _ => null,
            };
        }
        catch (ReportException e)
        {
            Error ??= e.Message;
        }

        return Page();
    }

    /// <summary>The list of requests a cell counts; null where a cell sums several outcomes (2019 其他处理).</summary>
    public string? CellLink(RequestTableRow row, ApplicantColumn column)
    {
        var cell = row.Id switch
        {
            RequestsRow.NewlyReceived => "new",
            RequestsRow.CarriedIn => "carried-in",
            RequestsRow.CarriedOut => "carried-out",
            RequestsRow.Total => "decided",
            _ when row.Outcomes.Count == 1 => row.Outcomes[0].ToString(),
            _ => null,
        };
        if (cell is null || Report is null)
        {
            return null;
        }

        var type = column.Type();
        // The list counts exactly what the cell counts: this agency alone, or with the agencies under it.
        var agency = $"&agency={AgencyId}{(Subtree ? "" : "&only=true")}";
        return $"/admin/requests?year={Report.Year}&cell={cell}{(type is null ? "" : "&type=" + type)}{agency}";
    }
}
