using Gongkai.Core.Publications;

namespace Gongkai.Infrastructure.Search;

/// <summary>The order of results: best match first, or newest published first.</summary>
public enum SearchOrder
{
    /// <summary>相关度.</summary>
    Relevance,
    /// <summary>发布日期（新的在前）.</summary>
    Newest,
}

/// <summary>
/// One search of the published documents. <paramref name="Text"/> is what the visitor typed: words separated by
/// spaces, every word required. Empty text with filters browses everything, newest first.
/// <paramref name="AgencyIds"/> null means every agency; <paramref name="InForceOn"/> keeps only documents neither
/// repealed nor expired by the end of that day.
/// </summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyCollection<int>? AgencyIds = null,
    string? Category = null,
    int? Year = null,
    string? Issuer = null,
    PublicationType? Type = null,
    DateOnly? InForceOn = null,
    SearchOrder Order = SearchOrder.Relevance,
    int Page = 1,
    int PageSize = 20)
{
    /// <summary>The longest query text accepted (characters).</summary>
    public const int MaxTextLength = 100;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// Why this query cannot be answered as asked, in Chinese for the visitor (null when it can). The search itself
    /// never throws on such input; it clamps. Pages and the API check this first so that people are told.
    /// </summary>
    public string? Problem()
    {
        if (Text.Length > MaxTextLength)
        {
            return $"搜索词太长：最多 {MaxTextLength} 个字，请精简后再搜索。";
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            return $"每页条数应在 1 到 {MaxPageSize} 之间。";
        }

        if (Page < 1)
        {
            return "页码应为正整数。";
        }

        if ((long)(Page - 1) * PageSize >= PublicationSearch.MaxResults)
        {
            return $"只能查看前 {PublicationSearch.MaxResults} 条结果，请增加关键词或使用筛选条件缩小范围。";
        }

        return null;
    }
}

/// <summary>
/// One page of results. <paramref name="Total"/> counts every match (an estimate when <see cref="IsEstimate"/>); only the first
/// <see cref="PublicationSearch.MaxResults"/> can be paged to.
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets)
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>
    /// <see cref="Total"/> and the facet counts are estimates: more documents matched than a search reads in a large
    /// index (<see cref="PublicationSearch.MatchBudget"/>).
    /// </summary>
    public bool IsEstimate { get; init; }

    /// <summary>More matched than can be paged to: the visitor should narrow the search.</summary>
    public bool IsCapped => Total > PublicationSearch.MaxResults;

    /// <summary>Pages that can be opened (at least 1).</summary>
    public int PageCount => Math.Max(1, (Math.Min(Total, PublicationSearch.MaxResults) + PageSize - 1) / PageSize);

    public static SearchResults Empty(int page, int pageSize) => new(0, [], SearchFacets.None) { Page = page, PageSize = pageSize };
}

/// <summary>
/// One matching document. <paramref name="TitleHtml"/> and <paramref name="SnippetHtml"/> are HTML-encoded with the
/// matched words wrapped in <c>&lt;mark&gt;</c>: safe to write into a page as they are.
/// <paramref name="InForce"/> is as of today (neither repealed nor expired).
/// </summary>
public sealed record SearchHit(
    long Id,
    string TitleHtml,
    string SnippetHtml,
    string? DocumentNumber,
    string Issuer,
    DateOnly PublishedOn,
    PublicationType Type,
    string? Category,
    bool InForce,
    long? InterpretsId,
    float Score)
{
    /// <summary>有效性 as the catalog prints it: 现行有效, 已废止, 已失效, or — for documents that have none.</summary>
    public string Validity { get; init; } = "—";
}

/// <summary>
/// How many results each filter value would give, for filter links. Each dimension is counted with every other
/// filter of the query applied but not its own, so the counts stay right when a value is already chosen.
/// </summary>
public sealed record SearchFacets(
    IReadOnlyList<YearCount> Years,
    IReadOnlyList<TypeCount> Types,
    IReadOnlyList<ValueCount> Categories,
    IReadOnlyList<ValueCount> Issuers)
{
    public static SearchFacets None { get; } = new([], [], [], []);
}

/// <summary>Results published in one year.</summary>
public sealed record YearCount(int Year, int Count);

/// <summary>Results of one document type.</summary>
public sealed record TypeCount(PublicationType Type, int Count);

/// <summary>Results with one category or issuer.</summary>
public sealed record ValueCount(string Value, int Count);
