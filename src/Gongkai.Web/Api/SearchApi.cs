using System.Globalization;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Search;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using static Gongkai.Web.Api.Problems;

namespace Gongkai.Web.Api;

/// <summary><c>GET /api/search</c>: the portal's full-text search as JSON (public information).</summary>
public static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/search", Search).WithTags("全文检索").RequireRateLimiting(Gongkai.Web.Security.RateLimits.Search)
            .WithSummary("搜索主动公开的政府信息：q 为搜索词（空格分隔，须全部包含，最多 100 字；为空时按发布日期浏览），可按 agency（含下级机关）、year、type、category、issuer、valid=true（仅现行有效）筛选，order=relevance|newest，page、pageSize（1–100）");

    /// <summary>The query string as typed; every value is checked here, so that a mistake gets a clear answer.</summary>
    public sealed record SearchParameters(string? Q, string? Agency, string? Year, string? Type, string? Category, string? Issuer, string? Valid, string? Order, string? Page, string? PageSize);

    private static async Task<Results<Ok<SearchResults>, ProblemHttpResult>> Search(
        [AsParameters] SearchParameters p, PublicationSearch search, GongkaiDbContext db, PortalContext portal, RequestDay day, CancellationToken ct)
    {
        var (agency, agencyProblem) = await AgencyParameter.FindAsync(p.Agency, db, ct);
        if (agencyProblem is not null)
        {
            return agencyProblem;
        }

        var agencies = agency is null ? null : (await portal.AgenciesUnderAsync(agency)).Select(a => a.Id).Append(agency.Id).ToList();

        int? year = null;
        if (!string.IsNullOrWhiteSpace(p.Year))
        {
            if (!int.TryParse(p.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1949 or > 9999)
            {
                return BadRequest("参数 year 应为四位年份，如 2024。");
            }

            year = y;
        }

        PublicationType? type = null;
        if (!string.IsNullOrWhiteSpace(p.Type))
        {
            if (!Enum.TryParse<PublicationType>(p.Type, ignoreCase: true, out var t) || !Enum.IsDefined(t) || int.TryParse(p.Type, out _))
            {
                return BadRequest($"参数 type 应为 {string.Join("、", Enum.GetNames<PublicationType>())} 之一。");
            }

            type = t;
        }

        var order = SearchOrder.Relevance;
        if (!string.IsNullOrWhiteSpace(p.Order) && (!Enum.TryParse(p.Order, ignoreCase: true, out order) || !Enum.IsDefined(order) || int.TryParse(p.Order, out _)))
        {
            return BadRequest("参数 order 应为 relevance（相关度）或 newest（发布日期）。");
        }

        bool inForceOnly = false;
        if (!string.IsNullOrWhiteSpace(p.Valid) && !bool.TryParse(p.Valid, out inForceOnly))
        {
            return BadRequest("参数 valid 应为 true 或 false。");
        }

        if (!TryPositive(p.Page, 1, out var page) || !TryPositive(p.PageSize, 20, out var pageSize))
        {
            return BadRequest("参数 page 和 pageSize 应为正整数。");
        }

        var query = new SearchQuery((p.Q ?? "").Trim(), agencies, Blank(p.Category), year, Blank(p.Issuer), type,
            inForceOnly ? day.Today : null, order, page, pageSize);
        return query.Problem() is { } problem ? BadRequest(problem) : TypedResults.Ok(search.Search(query));
    }

    private static bool TryPositive(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
