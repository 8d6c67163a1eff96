using System.Text.Json;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Search;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.IntegrationTests.Search.SearchDocuments;

namespace Gongkai.IntegrationTests.Search;

/// <summary>
/// A search by relevance past <see cref="PublicationSearch.MatchBudget"/> matches (made small here): it reads a
/// spread of the matches and every heading match, and says its total and counts are estimates.
/// </summary>
public sealed class BoundedSearchTests
{
    private const string Common = "政府信息公开 申请";

    /// <summary>400 documents that all match <see cref="Common"/>; the last 10 hold it in their title.</summary>
    private static TemporaryIndex Catalog(int budget)
    {
        var index = new TemporaryIndex();
        index.Search.Budget = budget;
        index.Search.BudgetFrom = 0;
        index.Search.Upsert(Enumerable.Range(1, 400).Select(i => i <= 390
            ? Doc(i, $"关于第{i}项重点工作的通知", $"各单位要做好政府信息公开工作，依法受理申请。第{i}项工作按计划推进。",
                published: i % 2 == 0 ? "2024-03-01" : "2023-03-01")
            : Doc(i, $"关于做好政府信息公开申请办理工作的通知（{i}）", "各单位要做好政府信息公开工作，依法受理申请。",
                published: i % 2 == 0 ? "2024-03-01" : "2023-03-01")));
        return index;
    }

    [Fact]
    public void Past_the_budget_every_heading_match_is_ranked_and_the_total_is_an_estimate()
    {
        using var bounded = Catalog(budget: 40);
        using var exact = Catalog(budget: PublicationSearch.MatchBudget);

        var first = bounded.Search.Search(Query(Common));
        var truth = exact.Search.Search(Query(Common));

        Assert.True(first.IsEstimate);
        Assert.False(truth.IsEstimate);
        Assert.Equal(400, truth.Total);
        // The ten title matches were beyond the part that was read, and still come first, as in the exact search.
        Assert.Equal(Enumerable.Range(391, 10).Select(i => (long)i).Order(), first.Ids().Take(10).Order());
        Assert.Equal(truth.Ids().Take(10).Order(), first.Ids().Take(10).Order());
        // The estimate: a tenth of the index was read, and a tenth of the matches found.
        Assert.InRange(first.Total, 360, 440);
        var years = first.Facets.Years.ToDictionary(y => y.Year, y => y.Count);
        Assert.InRange(years[2024], 160, 240);
        Assert.InRange(years[2023], 160, 240);

        var second = bounded.Search.Search(Query(Common, page: 2));
        Assert.Equal(20, second.Hits.Count);
        Assert.Empty(second.Ids().Intersect(first.Ids()));
        Assert.True(second.Hits.Max(h => h.Score) <= first.Hits.Min(h => h.Score));
    }

    [Fact]
    public void The_pages_of_a_bounded_search_follow_one_order()
    {
        using var index = new TemporaryIndex();
        (index.Search.Budget, index.Search.BudgetFrom) = (40, 0);
        // 400 matches; every fifth holds the words in a title of its own length, and bodies say them more or less often.
        index.Search.Upsert(Enumerable.Range(1, 400).Select(i => Doc(i,
            i % 5 == 0 ? $"关于{new string('做', i % 7)}好政府信息公开申请工作的通知" : $"关于第{i}项重点工作的通知",
            string.Concat(Enumerable.Repeat("各单位要做好政府信息公开工作，依法受理申请。", 1 + i % 4)))));

        var oneLongPage = index.Search.Search(Query(Common, pageSize: 100));
        var fivePages = Enumerable.Range(1, 5).SelectMany(p => index.Search.Search(Query(Common, page: p, pageSize: 20)).Ids()).ToList();

        Assert.True(oneLongPage.IsEstimate);
        Assert.Equal(100, fivePages.Distinct().Count());
        Assert.Equal(oneLongPage.Ids(), fivePages);
        // All 80 heading matches rank above the rest here (their title scores), so the first 80 are exactly they.
        Assert.All(fivePages.Take(80), id => Assert.Equal(0, id % 5));
    }

    [Fact]
    public void Within_the_budget_date_order_and_filters_stay_exact()
    {
        using var index = Catalog(budget: 40);

        // Fewer matches than the budget: read to the end, exact.
        var few = index.Search.Search(Query("申请办理"));
        Assert.False(few.IsEstimate);
        Assert.Equal(10, few.Total);

        // Date order reads every match.
        var newest = index.Search.Search(Query(Common, SearchOrder.Newest));
        Assert.False(newest.IsEstimate);
        Assert.Equal(400, newest.Total);

        // A filter applies to both passes: only 2023's title matches come first.
        var in2023 = index.Search.Search(new SearchQuery(Common, Year: 2023));
        Assert.True(in2023.IsEstimate);
        Assert.All(in2023.Hits, h => Assert.Equal(2023, h.PublishedOn.Year));
        Assert.Equal([391L, 393, 395, 397, 399], in2023.Ids().Take(5).Order());
    }

    [Fact]
    public async Task The_search_page_and_the_api_say_the_figures_are_estimates()
    {
        // A host of its own: the budget is set on its index.
        using var app = new GongkaiApp(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var search = app.Services.GetRequiredService<PublicationSearch>();
        (search.Budget, search.BudgetFrom) = (40, 0);
        search.Upsert(Enumerable.Range(1, 400).Select(i => Doc(900_000_000L + i, $"第{i}项重点工作的通知", "做好政府信息公开工作，依法受理申请。",
            agency: office.Id, issuer: office.FullName)));

        var html = await app.Browser().GetStringAsync($"/search?agency={office.Id}&q={Uri.EscapeDataString(Common)}");
        using var json = JsonDocument.Parse(await app.Browser().GetStringAsync($"/api/search?agency={office.Id}&q={Uri.EscapeDataString(Common)}"));

        Assert.Matches("共找到约 [0-9]+ 条", html);
        Assert.Contains("2024 年（约 ", html);
        Assert.True(json.RootElement.GetProperty("isEstimate").GetBoolean());
    }
}
