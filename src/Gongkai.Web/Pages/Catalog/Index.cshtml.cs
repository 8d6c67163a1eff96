using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>政府信息公开目录: the proactively disclosed documents of the agency and those under it, filtered and paged.</summary>
public sealed class IndexModel(GongkaiDbContext db, PortalContext portal, RequestDay day) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public PublicationType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "issuer")] public string? Issuer { get; set; }
    [BindProperty(SupportsGet = true, Name = "valid")] public bool InForceOnly { get; set; }
    /// <summary>From <c>?page=</c> (<see cref="Paging.Requested"/>).</summary>
    public int PageNumber { get; private set; } = 1;

    public Agency? Agency { get; private set; }
    public List<PublicationRecord> Documents { get; private set; } = [];
    public List<string> Categories { get; private set; } = [];
    public List<string> Issuers { get; private set; } = [];
    /// <summary>Documents per category, for browsing the catalog by its tree.</summary>
    public Dictionary<string, int> CategoryCounts { get; private set; } = [];
    /// <summary>The current agency's catalog tree (categories in use only).</summary>
    public List<CatalogCategory> Tree { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is null)
        {
            return;
        }

        var ids = (await portal.AgenciesUnderAsync(Agency)).Select(a => a.Id).Append(Agency.Id).ToList();
        var query = db.Publications.AsNoTracking().Where(p => ids.Contains(p.AgencyId) && p.Attribute == DisclosureAttribute.Proactive && p.Status == PublicationStatus.Published);
        CategoryCounts = await query.Where(p => p.Category != null).GroupBy(p => p.Category!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Categories = CategoryCounts.Keys.Order(StringComparer.Ordinal).ToList();
        Issuers = await query.Select(p => p.Issuer).Distinct().OrderBy(i => i).ToListAsync(ct);
        var agencyId = Agency.Id;
        Tree = await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Order).ToListAsync(ct);
        if (Year is { } year)
        {
            var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(p => p.PublishedOn >= start && p.PublishedOn <= end);
        }

        if (Type is { } type)
        {
            query = query.Where(p => p.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(Category))
        {
            query = query.Where(p => p.Category == Category);
        }

        if (!string.IsNullOrWhiteSpace(Issuer))
        {
            query = query.Where(p => p.Issuer == Issuer);
        }

        if (InForceOnly)
        {
            var today = day.Today;
            query = query.Where(p => p.RepealedOn == null && (p.ExpiredOn == null || p.ExpiredOn > today));
        }

        Total = await query.CountAsync(ct);
        PageNumber = Paging.Within(Paging.Requested(Request), Total, PageSize);
        Documents = await query.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public string PageLink(int page) =>
        $"/catalog?agency={Agency?.Id}&page={page}{(Year is { } y ? $"&year={y}" : "")}{(Type is { } t ? $"&type={t}" : "")}{(Category is { Length: > 0 } c ? "&category=" + Uri.EscapeDataString(c) : "")}{(Issuer is { Length: > 0 } i ? "&issuer=" + Uri.EscapeDataString(i) : "")}{(InForceOnly ? "&valid=true" : "")}";
}
