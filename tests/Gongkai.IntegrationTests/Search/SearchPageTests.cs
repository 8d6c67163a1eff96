using System.Globalization;
using System.Net;
using System.Text.Json;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Nodes;
using Gongkai.Infrastructure.Publications;
using Gongkai.Infrastructure.Search;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.IntegrationTests.Search;

/// <summary>Search through the real host: documents saved, indexed as a store would, found on /search and /api/search.</summary>
public sealed class SearchPageTests
{
    /// <summary>Four random Chinese characters: a word no other test's documents contain.</summary>
    private static string UniqueWord() => new(Enumerable.Range(0, 4).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)).ToArray());

    private static PublicationRecord Record(int agencyId, string title, string body = "", string? published = "2024-05-08",
        DisclosureAttribute attribute = DisclosureAttribute.Proactive, string? number = null) => CatalogDocuments.Through(new()
        {
            AgencyId = agencyId,
            IndexNumber = "IDX-" + Guid.NewGuid().ToString("N")[..12],
            Title = title,
            DocumentNumber = number,
            Issuer = "示例区人民政府办公室",
            Type = PublicationType.NormativeDocument,
            Category = "法规文件",
            Attribute = attribute,
            WrittenOn = new DateOnly(2024, 5, 1),
            Body = body,
        }, published is null ? null : DateOnly.Parse(published, CultureInfo.InvariantCulture));

    /// <summary>Saves the record and indexes it, as a page that publishes would.</summary>
    private static async Task<long> SaveAsync(GongkaiApp app, PublicationRecord record)
    {
        await app.WithDbAsync(db =>
        {
            db.Publications.Add(record);
            return db.SaveChangesAsync();
        });
        await IndexAsync(app, record.Id);
        return record.Id;
    }

    private static async Task<bool> IndexAsync(GongkaiApp app, long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SearchIndexer>().IndexAsync(id);
    }

    private static SearchResults Find(GongkaiApp app, string text) => app.Services.GetRequiredService<PublicationSearch>().Search(new SearchQuery(text));

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_saved_document_is_found_on_the_search_page_with_its_title_marked_and_its_details(Db db)
    {
        var app = GongkaiApp.For(db);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var word = UniqueWord();
        var id = await SaveAsync(app, Record(office.Id, $"关于{word}工作的通知", $"各单位要做好{word}相关工作，依法受理行政复议申请。", number: "示政办发〔2024〕7号"));

        var response = await app.Browser().GetAsync("/search?q=" + Uri.EscapeDataString(word));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("共找到 1 条", html);
        Assert.Contains($"<a href=\"/catalog/{id}\">关于<mark>{word}</mark>工作的通知</a>", html);
        Assert.Contains($"各单位要做好<mark>{word}</mark>相关工作", html);
        Assert.Contains("文号：示政办发〔2024〕7号", html);
        Assert.Contains("发文机关：示例区人民政府办公室", html);
        Assert.Contains("发布日期：2024-05-08", html);
        Assert.Contains("有效性：现行有效", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Indexing_follows_the_database_only_published_proactive_documents_are_found(Db db)
    {
        var app = GongkaiApp.For(db);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var word = UniqueWord();
        var published = await SaveAsync(app, Record(office.Id, $"{word}实施方案"));
        var draft = await SaveAsync(app, Record(office.Id, $"{word}工作要点", published: null));
        var onRequest = await SaveAsync(app, Record(office.Id, $"{word}内部规程", attribute: DisclosureAttribute.OnRequest));
        var before = Find(app, word).Ids();

        await app.WithDbAsync(async d =>
        {
            var record = await d.Publications.SingleAsync(p => p.Id == published);
            record.Attribute = DisclosureAttribute.NotDisclosed;
            record.AttributeReason = "测试";
            return await d.SaveChangesAsync();
        });
        var withdrawn = await IndexAsync(app, published);
        var after = Find(app, word).Ids();
        var missing = await IndexAsync(app, long.MaxValue);

        Assert.Equal([published], before);
        Assert.DoesNotContain(draft, before);
        Assert.DoesNotContain(onRequest, before);
        Assert.True(withdrawn);
        Assert.Empty(after);
        Assert.True(missing);
    }

    [Fact]
    public async Task Every_portal_page_has_the_search_box_in_its_header()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var bureau = await app.AgencyAsync("示例区教育局");

        var home = await app.Browser().GetStringAsync("/");
        var guide = await app.Browser().GetStringAsync($"/guide?agency={bureau.Id}");

        Assert.Contains("<form class=\"site-search\" method=\"get\" action=\"/search\" role=\"search\" aria-label=\"站内搜索\">", home);
        Assert.Contains("<label for=\"site-search-q\">站内搜索</label>", home);
        Assert.Contains("<input id=\"site-search-q\" name=\"q\" type=\"search\"", home);
        Assert.Contains($"<input type=\"hidden\" name=\"agency\" value=\"{bureau.Id}\" />", guide);
        Assert.Contains("action=\"/search\"", guide);
    }

    [Fact]
    public async Task An_over_long_query_and_a_query_without_results_are_explained_in_chinese()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();
        var word = UniqueWord();

        var tooLong = await client.GetAsync("/search?q=" + Uri.EscapeDataString(new string('查', 101)));
        var nothing = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString(word));
        var punctuation = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("\" ( AND *"));

        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("搜索词太长：最多 100 个字", await tooLong.Content.ReadAsStringAsync());
        Assert.Contains($"没有找到与“{word}”相关的政府信息", nothing);
        Assert.Contains("共找到 0 条", punctuation);
    }

    [Fact]
    public async Task The_pager_numbers_pages_and_works_past_page_25()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var word = UniqueWord();
        var first = new DateOnly(2020, 1, 1);
        // Straight into the index (the page reads only the index): 530 documents, document i published i days after the start.
        app.Services.GetRequiredService<PublicationSearch>().Upsert(Enumerable.Range(1, 530).Select(i => new SearchDocument(
            900_000_000L + i, office.Id, $"{word}公示（第{i}号）", null, $"PAGER-{word}-{i}", office.FullName, "公示公告", PublicationType.Other,
            first.AddDays(i), first.AddDays(i), null, null, $"{word}的公示内容。", "", null, null)));

        var html = await app.Browser().GetStringAsync($"/search?agency={office.Id}&q={Uri.EscapeDataString(word)}&order=newest&page=26");

        Assert.Contains("共找到 530 条", html);
        Assert.Contains("第 26 页，共 27 页", html);
        Assert.Contains($"aria-current=\"page\" class=\"current\">26</a>", html);
        Assert.Contains($"page=27\" rel=\"next\">下一页</a>", html);
        Assert.Contains("<ol class=\"results\" start=\"501\">", html);
        // Newest first: the 501st result is document 30.
        Assert.Contains($"<a href=\"/catalog/{900_000_030L}\">", html);
        Assert.Contains($"<a href=\"/catalog/{900_000_011L}\">", html);
        Assert.DoesNotContain($"<a href=\"/catalog/{900_000_010L}\">", html);
    }

    [Fact]
    public async Task The_api_answers_json_and_refuses_bad_input_with_problem_details()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var word = UniqueWord();
        var id = await SaveAsync(app, Record(office.Id, $"关于{word}的通知"));
        var client = app.Browser();

        using var found = JsonDocument.Parse(await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(word)}&agency={office.Id}&type=normativeDocument&year=2024&valid=true"));
        var elsewhere = await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(word)}&agency={(await app.AgencyAsync("示例区教育局")).Id}");
        var bad = new Dictionary<string, HttpResponseMessage>
        {
            ["q"] = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(new string('查', 101))),
            ["type"] = await client.GetAsync("/api/search?q=x&type=Law"),
            ["page"] = await client.GetAsync("/api/search?q=x&page=0"),
            ["cap"] = await client.GetAsync("/api/search?q=x&page=101"),
            ["agency"] = await client.GetAsync("/api/search?q=x&agency=abc"),
            ["order"] = await client.GetAsync("/api/search?q=x&order=random"),
        };
        var unknownAgency = await client.GetAsync("/api/search?q=x&agency=999999");

        var root = found.RootElement;
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        var hit = root.GetProperty("hits")[0];
        Assert.Equal(id, hit.GetProperty("id").GetInt64());
        Assert.Equal($"关于<mark>{word}</mark>的通知", hit.GetProperty("titleHtml").GetString());
        Assert.Equal("NormativeDocument", hit.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("facets").GetProperty("years")[0].GetProperty("count").GetInt32());
        Assert.Contains("\"total\":0", elsewhere);
        foreach (var (name, response) in bad)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains("搜索词太长", await bad["q"].Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownAgency.StatusCode);
    }

    [Fact]
    public async Task At_start_an_empty_index_is_rebuilt_from_the_published_documents()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        var follower = app.Services.GetRequiredService<ChangeFeedFollower>();
        await follower.CatchUpAsync();
        var agency = await app.NewAgencyAsync(null);
        var word = UniqueWord();
        var record = Record(agency.Id, $"{word}管理办法");
        var search = app.Services.GetRequiredService<PublicationSearch>();
        await app.WithDbAsync(db =>
        {
            db.Publications.Add(record);
            return db.SaveChangesAsync();
        });
        // As if the index folder had been deleted after the feed's old entries were pruned: it cannot catch up.
        await app.WithDbAsync(db => db.ChangeFeed.ExecuteDeleteAsync());
        search.Rebuild([], 0, feedPosition: 0);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO \"ChangeFeed\" (\"Id\", \"Topic\", \"EntityId\", \"At\") VALUES (1000, 'letter', 1, '2026-01-01 00:00:00')"));

        await follower.CatchUpAsync();

        Assert.Equal(1, search.Count);
        Assert.Equal([record.Id], Find(app, word).Ids());
        Assert.StartsWith(app.Database.DataDirectory, search.IndexPath, StringComparison.Ordinal);
    }
}
