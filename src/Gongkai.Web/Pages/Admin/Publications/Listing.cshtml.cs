using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Publications;

/// <summary>公开目录清单: what an agency published in a period, shown and exported (.xlsx, .docx) with counts by issuer and type.</summary>
public sealed class ListingModel(GongkaiDbContext db, StaffAccess access, RequestDay day) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "subtree")] public bool Subtree { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public CatalogListing? Listing { get; private set; }
    public string? Error { get; private set; }

    /// <summary>本月, 上月, 本年, 上年: the periods people ask for most.</summary>
    public IReadOnlyList<(string Label, DateOnly From, DateOnly To)> QuickPeriods
    {
        get
        {
            var today = day.Today;
            var month = new DateOnly(today.Year, today.Month, 1);
            var year = new DateOnly(today.Year, 1, 1);
            return
            [
                ("本月", month, month.AddMonths(1).AddDays(-1)),
                ("上月", month.AddMonths(-1), month.AddDays(-1)),
                ("本年", year, year.AddYears(1).AddDays(-1)),
                ("上年", year.AddYears(-1), year.AddDays(-1)),
            ];
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? (Listing is { } l ? File(l.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", l.FileName(".xlsx")) : Page());

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? (Listing is { } l ? File(l.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", l.FileName(".docx")) : Page());

    public string Link(DateOnly from, DateOnly to, string? handler = null) =>
        $"/admin/publications/listing?agency={AgencyId}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{(Subtree ? "&subtree=true" : "")}{(handler is null ? "" : "&handler=" + handler)}";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        AgencyId ??= StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id;
        var agency = Agencies.FirstOrDefault(a => a.Id == AgencyId);
        if (AgencyId is null)
        {
            return NotFound();
        }

        if (agency is null || !await access.CanAccessAsync(User, agency.Id, ct))
        {
            return Forbid();
        }

        if (From is null && To is null)
        {
            (_, From, To) = QuickPeriods[0];
        }

        if (From is not { } from || To is not { } to)
        {
            Error = "请填写起止日期。";
            return null;
        }

        if (from > to)
        {
            Error = "开始日期不能晚于结束日期。";
            return null;
        }

        IReadOnlyCollection<int> ids = Subtree ? (await access.TreeAsync(ct)).Subtree(agency.Id) : [agency.Id];
        Listing = await CatalogListing.LoadAsync(db, Subtree ? $"{agency.FullName}（含下级机关）" : agency.FullName, ids, from, to, ct);
        return null;
    }
}
