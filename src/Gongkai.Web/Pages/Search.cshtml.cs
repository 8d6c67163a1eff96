using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Search;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>站内搜索: full-text search of the documents the agency and those under it published, with filters and paging.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongkai.Web.Security.RateLimits.Search)]
public sealed class SearchModel(PublicationSearch search, PortalContext portal, RequestDay day) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public PublicationType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "issuer")] public string? Issuer { get; set; }
    [BindProperty(SupportsGet = true, Name = "valid")] public bool InForceOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "order")] public SearchOrder Order { get; set; }

    /// <summary>From <c>?page=</c>, read by hand: for model binding, "page" is the route value naming the Razor page.</summary>
    public int PageNumber { get; private set; } = 1;

    public Agency? Agency { get; private set; }

    /// <summary>Why the search was not run, for the visitor.</summary>
    public string? Problem { get; private set; }

    public SearchResults? Results { get; private set; }

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    public async Task OnGetAsync()
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is null)
        {
            return;
        }

        if (Request.Query["page"] is [{ } pageText] && int.TryParse(pageText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page))
        {
            PageNumber = page;
        }

        Text = Text?.Trim() ?? "";
        Category = string.IsNullOrWhiteSpace(Category) ? null : Category;
        Issuer = string.IsNullOrWhiteSpace(Issuer) ? null : Issuer;
        var agencies = (await portal.AgenciesUnderAsync(Agency)).Select(a => a.Id).Append(Agency.Id).ToList();
        var query = new SearchQuery(Text, agencies, Category, Year, Issuer, Type, InForceOnly ? day.Today : null, Order, PageNumber, PageSize);
        Problem = query.Problem();
        if (Problem is null)
        {
            Results = search.Search(query);
        }
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>This search with some parameters changed (null removes one); any change but the page goes back to page 1.</summary>
    public string Link(int? page = null, string? year = "", string? type = "", string? category = "", string? issuer = "", string? order = "")
    {
        var parameters = new List<(string, string?)>
        {
            ("agency", Agency?.Id.ToString(CultureInfo.InvariantCulture)),
            ("q", Text),
            ("year", year == "" ? Year?.ToString(CultureInfo.InvariantCulture) : year),
            ("type", type == "" ? Type?.ToString() : type),
            ("category", category == "" ? Category : category),
            ("issuer", issuer == "" ? Issuer : issuer),
            ("valid", InForceOnly ? "true" : null),
            ("order", order == "" ? (Order == SearchOrder.Newest ? "newest" : null) : order),
            ("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null),
        };
        return "/search?" + string.Join("&", parameters.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    /// <summary>Page numbers to show: the first, the last, and those near the current one; 0 marks a gap.</summary>
    public static IReadOnlyList<int> PagerNumbers(int current, int count)
    {
        var shown = new SortedSet<int> { 1, count };
        for (var p = Math.Max(1, current - 3); p <= Math.Min(count, current + 3); p++)
        {
            shown.Add(p);
        }

        var numbers = new List<int>();
        var last = 0;
        foreach (var p in shown)
        {
            if (p - last > 1)
            {
                numbers.Add(0);
            }

            numbers.Add(p);
            last = p;
        }

        return numbers;
    }
}
