using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Supervision;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Supervision;

/// <summary>
/// The 政务公开办's dashboard: every agency of the viewer's tree for a period, each figure a link to its cases; the
/// table as .xlsx and one agency's 通报 as .docx. Supervisors and administrators, within their subtree.
/// </summary>
[Authorize(Policy = StaffPolicies.Supervision)]
public sealed class IndexModel(SupervisionDashboard dashboard, StaffAccess access, GongkaiDbContext db, RequestDay day, SupervisedReportStore external) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }
    /// <summary>Part of an agency's name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    /// <summary>Only the agencies with something to look at (<see cref="SupervisionFigures.NeedsAttention"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "attention")] public bool AttentionOnly { get; set; }
    /// <summary>tree (the default), late, overdue, days, received, appeals, article26 or name.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }

    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
    [
        ("tree", "按机关层级"), ("late", "逾期办结最多"), ("overdue", "超期未办结最多"), ("days", "平均用时最长"),
        ("received", "收到申请最多"), ("appeals", "复议诉讼纠正最多"), ("article26", "逾期公开文件最多"), ("report", "年度报告问题"),
    ];

    public SupervisionPeriod Period { get; private set; } = null!;
    public IReadOnlyList<SupervisionPeriod> Choices { get; private set; } = [];
    public DateOnly CountedTo { get; private set; }
    public List<SupervisionFigures> Rows { get; private set; } = [];
    public SupervisionFigures Total { get; private set; } = null!;
    public int AgencyCount { get; private set; }
    public string? Error { get; private set; }
    /// <summary>Published reports of the period's report year checked by the viewer's tree (/admin/supervision/reports).</summary>
    public (int Checked, int WithErrors, int Unread) External { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The table as shown (same period, filter and order), with its total line, as .xlsx.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        return File(SupervisionExports.Xlsx(Rows, Total, Period, CountedTo), SupervisionExports.XlsxType, SupervisionExports.FileName(Period, ".xlsx"));
    }

    /// <summary>One agency's 通报 for the period, as .docx, issued by the viewer's agency.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int agency, CancellationToken ct)
    {
        var today = day.Today;
        Period = SupervisionPeriod.Parse(PeriodKey, today, out var error) ?? SupervisionPeriod.Default(today);
        if (error is not null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var scope = await access.ScopeAsync(User, ct);
        if (scope is not null && !scope.Contains(agency))
        {
            return Forbid();
        }

        var target = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agency, ct);
        if (target is null)
        {
            return NotFound();
        }

        var issuerId = StaffClaims.AgencyOf(User);
        var issuer = issuerId is { } id ? await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.FullName).FirstOrDefaultAsync(ct) : null;
        var notice = await dashboard.NoticeAsync(target, Period, today, issuer ?? "政务公开工作主管部门", ct);
        return File(SupervisionExports.Docx(notice), SupervisionExports.DocxType, SupervisionExports.NoticeFileName(notice));
    }

    /// <summary>Counts the viewer's agencies; false (with <see cref="Error"/>) when the period cannot be read.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = day.Today;
        Choices = SupervisionPeriod.Choices(today);
        var parsed = SupervisionPeriod.Parse(PeriodKey, today, out var error);
        Error = error;
        Period = parsed ?? SupervisionPeriod.Default(today);
        CountedTo = Period.CountedTo(today);

        var scope = await access.ScopeAsync(User, ct);
        External = await external.CountAsync(scope, Period.ReportYear, ct);
        var all = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var visible = AgencyTree.InTreeOrder(all.Where(a => scope is null || scope.Contains(a.Id)));
        var tree = new AgencyTree(all.Select(a => (a.Id, a.ParentId)));
        var top = visible.Count == 0 ? 0 : visible.Min(a => tree.Depth(a.Id));
        AgencyCount = visible.Count;
        var figures = await dashboard.ForAsync(visible, Period, today, ct);
        var rows = figures.Select(f => f with { Depth = tree.Depth(f.AgencyId) - top }).ToList();
        Total = SupervisionFigures.Sum(rows, 0, $"合计（{rows.Count} 个机关）");

        IEnumerable<SupervisionFigures> shown = rows;
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            shown = shown.Where(r => r.Agency.Contains(text, StringComparison.Ordinal));
        }

        if (AttentionOnly)
        {
            shown = shown.Where(r => r.NeedsAttention);
        }

        Rows = (Sort switch
        {
            "late" => shown.OrderByDescending(r => r.DecidedLate),
            "overdue" => shown.OrderByDescending(r => r.OverdueNow),
            "days" => shown.OrderByDescending(r => r.AverageWorkingDays ?? -1),
            "received" => shown.OrderByDescending(r => r.Received),
            "appeals" => shown.OrderByDescending(r => r.AppealsCorrected).ThenByDescending(r => r.Appeals),
            "article26" => shown.OrderByDescending(r => r.Article26Late),
            "report" => shown.OrderBy(r => r.Report?.Timeliness switch { Infrastructure.Supervision.ReportTimeliness.Missing => 0, Infrastructure.Supervision.ReportTimeliness.Late => 1, _ => 2 })
                .ThenByDescending(r => r.Report?.Errors ?? 0),
            "name" => shown.OrderBy(r => r.Agency, StringComparer.Ordinal),
            _ => shown.OrderBy(_ => 0),
        }).ToList();
        if (Query is not null || AttentionOnly)
        {
            Total = SupervisionFigures.Sum(Rows, 0, $"合计（筛选出的 {Rows.Count} 个机关）");
        }

        return error is null;
    }

    /// <summary>The request list's address for a figure of one agency (its own requests, not those under it).</summary>
    public string Requests(SupervisionFigures row, string filter) =>
        $"/admin/requests?agency={row.AgencyId}&only=true&{filter}";

    public string InPeriod(string on) => $"from={Period.From:yyyy-MM-dd}&to={CountedTo:yyyy-MM-dd}&on={on}";

    public string Self(string? sort = null, string? handler = null) =>
        $"/admin/supervision?period={Uri.EscapeDataString(Period.Key)}"
        + (string.IsNullOrWhiteSpace(Query) ? "" : $"&q={Uri.EscapeDataString(Query)}")
        + (AttentionOnly ? "&attention=true" : "")
        + ((sort ?? Sort) is { Length: > 0 } s ? $"&sort={Uri.EscapeDataString(s)}" : "")
        + (handler is null ? "" : $"&handler={handler}");
}
