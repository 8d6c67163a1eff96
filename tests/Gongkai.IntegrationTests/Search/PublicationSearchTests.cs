using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Search;
using static Gongkai.IntegrationTests.Search.SearchDocuments;

namespace Gongkai.IntegrationTests.Search;

/// <summary>The index itself, each test on an index of its own: what matches, filters, order, paging, highlighting.</summary>
public sealed class PublicationSearchTests
{
    [Fact]
    public void Two_character_words_are_found_and_documents_without_them_are_not()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "关于规范行政执法的通知", "申请人对答复不服的，可以依法申请行政复议或者提起行政诉讼。"),
            Doc(2, "关于做好政务服务工作的通知", "各部门应当主动公开本部门的政务服务事项。"),
            Doc(3, "关于做好防汛工作的通知", "各镇街要落实防汛责任，做好物资储备。"),
        ]);

        Assert.Equal([1L], index.Search.Search(Query("复议")).Ids());
        Assert.Equal([2L], index.Search.Search(Query("公开")).Ids());
        Assert.Equal([1L], index.Search.Search(Query("行政复议")).Ids());
        // Every word required; a phrase, not loose characters: 复 and 议 both occur in doc 1 only as 复议.
        Assert.Empty(index.Search.Search(Query("复议 防汛")).Hits);
        Assert.Empty(index.Search.Search(Query("议复")).Hits);
        Assert.Equal([3L], index.Search.Search(Query("防汛 物资")).Ids());
    }

    [Fact]
    public void Longer_words_are_found_only_where_their_characters_stand_together()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "通知一", "申请人可以依法申请行政复议。"),
            Doc(2, "通知二", "依法办理行政，复议期间另行通知。"),
            Doc(3, "通知三", "做好政府信息公开工作。"),
            Doc(4, "通知四", "做好政府信息，公开工作；政府信息公 开"),
            Doc(5, "通知五", "", attachments: "附件：政府信息公开申请表"),
        ]);

        Assert.Equal([1L], index.Search.Search(Query("行政复议")).Ids());
        Assert.Equal([1L], index.Search.Search(Query("申请行政复议")).Ids());
        Assert.Equal([3L], index.Search.Search(Query("信息公开工作")).Ids());
        Assert.Equal([3L, 5L], index.Search.Search(Query("政府信息公开")).Ids().Order());
        Assert.Equal([5L], index.Search.Search(Query("政府信息公开申请表")).Ids());
        Assert.Empty(index.Search.Search(Query("复议行政")).Hits);
    }

    [Fact]
    public void Title_matches_rank_first_and_real_words_above_chance_bigrams()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "关于防汛物资的通知", "各单位做好复议工作。"),
            Doc(2, "关于行政复议工作的通知", "各单位做好相关工作。"),
            // 公开 here is only two characters side by side (办公 开会): found, but ranked below the real word.
            Doc(3, "通知甲", "今天在办公开会"),
            Doc(4, "通知乙", "今天依法公开了"),
        ]);

        Assert.Equal([2L, 1L], index.Search.Search(Query("复议")).Ids());
        Assert.Equal([4L, 3L], index.Search.Search(Query("公开")).Ids());
    }

    [Fact]
    public async Task Searches_running_while_documents_are_saved_never_fail()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(Doc(1, "关于白杨林的通知"));
        using var stop = new CancellationTokenSource();
        var searches = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var found = 0;
            do
            {
                // At least once: on a busy machine a task may only start after the saves are done.
                found = Math.Max(found, index.Search.Search(Query("白杨林")).Total);
            }
            while (!stop.IsCancellationRequested);

            return found;
        })).ToList();

        for (var i = 2; i <= 21; i++)
        {
            index.Search.Upsert(Doc(i, $"关于白杨林第{i}期的通知"));
        }

        stop.Cancel();
        Assert.All(await Task.WhenAll(searches), found => Assert.InRange(found, 1, 21));
        Assert.Equal(21, index.Search.Search(Query("白杨林")).Total);
    }

    [Fact]
    public void One_character_words_and_words_cut_by_digits_are_found()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "关于调整契税征收标准的通知", "依照第3条规定执行。"),
            Doc(2, "关于调整水价的通知", "按照12号文件办理。"),
        ]);

        Assert.Equal([1L], index.Search.Search(Query("税")).Ids());
        Assert.Equal([1L], index.Search.Search(Query("第3条")).Ids());
        Assert.Equal([2L], index.Search.Search(Query("12号")).Ids());
    }

    [Fact]
    public void A_document_number_typed_whole_finds_its_document_in_any_bracket_style()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "关于印发实施方案的通知", number: "利政发〔2020〕12号"),
            Doc(2, "关于印发工作要点的通知", number: "利政发〔2020〕13号"),
            Doc(3, "关于印发工作计划的通知", number: "利政办发〔2021〕12号"),
        ]);

        Assert.Equal([1L], index.Search.Search(Query("利政发〔2020〕12号")).Ids());
        Assert.Equal([1L], index.Search.Search(Query("利政发[2020]12号")).Ids());
        Assert.Equal([1L], index.Search.Search(Query("利政发（2020）12号")).Ids());
        Assert.Equal([1L, 2L], index.Search.Search(Query("利政发〔2020〕", SearchOrder.Newest)).Ids().Order());
        Assert.Equal([1L], index.Search.Search(Query("IDX-1")).Ids());
    }

    [Fact]
    public void Filters_narrow_the_results_and_each_facet_counts_with_the_other_filters_applied()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "棕榈湾管理办法", published: "2023-05-01", type: PublicationType.Regulation, category: "法规文件", issuer: "示例区人民政府"),
            Doc(2, "棕榈湾实施细则", published: "2024-05-01", type: PublicationType.NormativeDocument, category: "法规文件", issuer: "示例区人民政府", repealed: "2024-09-01"),
            Doc(3, "棕榈湾工作方案", published: "2024-06-01", type: PublicationType.Other, category: "规划计划", issuer: "示例区发展和改革局"),
            Doc(4, "棕榈湾补充通知", published: "2024-07-01", type: PublicationType.NormativeDocument, category: "规划计划", issuer: "示例区人民政府", expired: "2025-01-01", agency: 2),
        ]);
        SearchResults Find(SearchQuery q) => index.Search.Search(q);
        var all = new SearchQuery("棕榈湾");

        Assert.Equal([2L, 3L, 4L], Find(all with { Year = 2024 }).Ids().Order());
        Assert.Equal([2L, 4L], Find(all with { Type = PublicationType.NormativeDocument }).Ids().Order());
        Assert.Equal([3L, 4L], Find(all with { Category = "规划计划" }).Ids().Order());
        Assert.Equal([3L], Find(all with { Issuer = "示例区发展和改革局" }).Ids());
        Assert.Equal([1L, 3L, 4L], Find(all with { InForceOn = Day("2024-12-31") }).Ids().Order());
        Assert.Equal([1L, 3L], Find(all with { InForceOn = Day("2025-01-01") }).Ids().Order());
        Assert.Equal([4L], Find(all with { AgencyIds = [2] }).Ids());
        Assert.Empty(Find(all with { AgencyIds = [] }).Hits);
        Assert.Equal([4L], Find(all with { Year = 2024, Category = "规划计划", Issuer = "示例区人民政府" }).Ids());
        Assert.Equal([2L, 3L, 4L], Find(new SearchQuery("", Year: 2024)).Ids().Order());

        var facets = Find(all with { Year = 2024, Type = PublicationType.NormativeDocument }).Facets;
        // Years counted among normative documents (any year); types among 2024's documents.
        Assert.Equal([new YearCount(2024, 2)], facets.Years);
        Assert.Equal([new TypeCount(PublicationType.NormativeDocument, 2), new TypeCount(PublicationType.Other, 1)], facets.Types);
        Assert.Equal([new ValueCount("法规文件", 1), new ValueCount("规划计划", 1)], facets.Categories);
    }

    [Fact]
    public void Newest_order_puts_the_latest_publication_first()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "蓝鲸计划（一）", published: "2022-01-10"),
            Doc(2, "蓝鲸计划（二）", published: "2024-03-10"),
            Doc(3, "蓝鲸计划（三）", published: "2023-07-10"),
        ]);

        var newest = index.Search.Search(Query("蓝鲸", SearchOrder.Newest));
        var browse = index.Search.Search(Query(""));

        Assert.Equal([2L, 3L, 1L], newest.Ids());
        Assert.Equal([2L, 3L, 1L], browse.Ids());
        Assert.Equal([Day("2024-03-10"), Day("2023-07-10"), Day("2022-01-10")], newest.Hits.Select(h => h.PublishedOn));
    }

    [Fact]
    public void Page_31_of_20_among_700_matches_holds_the_601st_to_620th()
    {
        using var index = new TemporaryIndex();
        var start = Day("2020-01-01");
        // Document i published i days after the start: newest first, the n-th result is document 701 - n.
        var documents = Enumerable.Range(1, 700).Select(i => Doc(i, $"关于云杉项目第{i}批资金的公示", "云杉项目资金已按规定拨付。", published: $"{start.AddDays(i):yyyy-MM-dd}")).ToList();
        index.Search.Rebuild(documents, documents.Count);

        var page31 = index.Search.Search(Query("云杉", SearchOrder.Newest, page: 31));
        var page35 = index.Search.Search(Query("云杉", SearchOrder.Relevance, page: 35));
        var relevance = Enumerable.Range(1, 35).SelectMany(p => index.Search.Search(Query("云杉", page: p)).Ids()).ToList();

        Assert.Equal(700, page31.Total);
        Assert.Equal(35, page31.PageCount);
        Assert.Equal(Enumerable.Range(601, 20).Select(n => 701L - n), page31.Ids());
        Assert.Equal(20, page35.Hits.Count);
        // Pages of the relevance order never repeat or skip a document.
        Assert.Equal(700, relevance.Distinct().Count());
    }

    [Fact]
    public void Paging_stops_at_the_cap_and_says_so()
    {
        var beyond = Query("云杉", page: PublicationSearch.MaxResults / 20 + 1);

        Assert.Null(Query("云杉", page: PublicationSearch.MaxResults / 20).Problem());
        Assert.Contains($"只能查看前 {PublicationSearch.MaxResults} 条", beyond.Problem());
        Assert.Contains("最多 100 个字", Query(new string('字', 101)).Problem());
        using var index = new TemporaryIndex();
        index.Search.Upsert(Doc(1, "云杉项目"));
        var clamped = index.Search.Search(beyond);
        Assert.Equal(1, clamped.Total);
        Assert.Empty(clamped.Hits);
    }

    [Fact]
    public void Matches_are_marked_and_a_documents_own_markup_is_encoded()
    {
        using var index = new TemporaryIndex();
        var body = "各部门：\n<script>alert('x')</script>\r\n申请人可以依法申请行政复议。" + new string('文', 300) + "复议期间不停止执行。";
        index.Search.Upsert(
        [
            Doc(1, "关于行政复议<b>工作</b>的通知", body),
            Doc(2, "关于防汛的通知", "<script>alert('y')</script>" + new string('汛', 200), attachments: "附件：行政复议申请书样式"),
        ]);

        var hits = index.Search.Search(Query("复议")).Hits.ToDictionary(h => h.Id);
        var browse = index.Search.Search(Query("防汛")).Hits.Single();

        Assert.Equal("关于行政<mark>复议</mark>&lt;b&gt;工作&lt;/b&gt;的通知", hits[1].TitleHtml);
        Assert.Contains("<mark>复议</mark>", hits[1].SnippetHtml);
        Assert.Contains("&lt;script&gt;", hits[1].SnippetHtml);
        Assert.DoesNotContain("<script>", hits[1].SnippetHtml);
        // One line: the body's line breaks are plain spaces.
        Assert.Contains("各部门： &lt;script&gt;", hits[1].SnippetHtml);
        Assert.DoesNotContain("&#xA;", hits[1].SnippetHtml);
        Assert.DoesNotContain("\n", hits[1].SnippetHtml);
        Assert.InRange(hits[1].SnippetHtml.Replace("<mark>", "").Replace("</mark>", "").Length, 40, 200);
        // Found only in the attachments: the snippet comes from there.
        Assert.Contains("行政<mark>复议</mark>申请书", hits[2].SnippetHtml);
        // Not found in the body: its start, encoded.
        Assert.StartsWith("&lt;script&gt;alert(", browse.SnippetHtml);
        Assert.EndsWith("…", browse.SnippetHtml);
        Assert.Equal("关于<mark>防汛</mark>的通知", browse.TitleHtml);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(")]
    [InlineData("AND")]
    [InlineData("*")]
    [InlineData("?!。，、")]
    [InlineData("\\")]
    [InlineData("[")]
    [InlineData("~1")]
    [InlineData("-")]
    [InlineData("NOT OR")]
    [InlineData("title:")]
    [InlineData("/")]
    [InlineData("{}")]
    public void Punctuation_and_query_syntax_never_fail_and_find_nothing(string text)
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(Doc(1, "关于做好政务公开工作的通知", "AND OR NOT * ( ) \" 政务公开。"));

        var results = index.Search.Search(Query(text));

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Theory]
    [InlineData("政务公开 AND")]
    [InlineData("\"政务公开\"")]
    [InlineData("(政务公开)")]
    [InlineData("政务公开*")]
    [InlineData("title:政务公开")]
    [InlineData("政务公开~")]
    public void Query_syntax_around_words_is_read_as_punctuation(string text)
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(Doc(1, "关于做好政务公开工作的通知"));

        Assert.Equal(text.StartsWith("title:", StringComparison.Ordinal) ? [] : [1L], index.Search.Search(Query(text)).Ids());
    }

    [Fact]
    public void An_upsert_is_found_at_once_and_replaces_the_old_text()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(Doc(1, "关于白鹭湿地保护的通知"));
        var before = index.Search.Search(Query("白鹭")).Total;

        index.Search.Upsert(Doc(1, "关于红树林保护的通知"));

        Assert.Equal(1, before);
        Assert.Equal(0, index.Search.Search(Query("白鹭")).Total);
        Assert.Equal([1L], index.Search.Search(Query("红树林")).Ids());
        Assert.Equal(1, index.Search.Count);
    }

    [Fact]
    public void Delete_removes_the_document_at_once_and_survives_a_restart()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert([Doc(1, "关于金丝猴保护的通知"), Doc(2, "关于金丝猴栖息地的公告")]);

        index.Search.Delete(1);
        var afterDelete = index.Search.Search(Query("金丝猴")).Ids();
        index.Reopen();

        Assert.Equal([2L], afterDelete);
        Assert.Equal([2L], index.Search.Search(Query("金丝猴")).Ids());
        Assert.False(index.Search.IsStale);
    }

    [Fact]
    public void Rebuild_replaces_everything_and_a_failed_rebuild_leaves_the_old_index()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert([Doc(1, "关于银杏大道的通知"), Doc(2, "关于银杏广场的通知")]);
        var progress = new List<int>();

        IEnumerable<SearchDocument> Failing()
        {
            yield return Doc(3, "关于梧桐大道的通知");
            throw new InvalidOperationException("database gone");
        }

        var failed = Assert.Throws<InvalidOperationException>(() => index.Search.Rebuild(Failing(), 2));
        var afterFailure = index.Search.Search(Query("银杏", SearchOrder.Newest)).Ids().Order().ToList();
        index.Search.Upsert(Doc(4, "关于银杏公园的通知"));
        var count = index.Search.Rebuild([Doc(5, "关于梧桐大道的通知"), Doc(6, "关于梧桐公园的通知")], 2, new SynchronousProgress(progress.Add));

        Assert.Equal("database gone", failed.Message);
        Assert.Equal([1L, 2L], afterFailure);
        Assert.Equal(2, count);
        Assert.Equal(2, index.Search.Count);
        Assert.Empty(index.Search.Search(Query("银杏")).Hits);
        Assert.Equal([5L, 6L], index.Search.Search(Query("梧桐")).Ids().Order());
        Assert.Equal(2, progress[^1]);
    }

    [Fact]
    public void A_hit_carries_the_documents_metadata_and_its_validity_today()
    {
        using var index = new TemporaryIndex();
        index.Search.Upsert(
        [
            Doc(1, "珊瑚礁保护办法", number: "示政发〔2019〕3号", published: "2019-04-01", category: "法规文件", repealed: "2021-01-01"),
            Doc(2, "珊瑚礁保护办法解读", type: PublicationType.Other, category: null, interprets: 1),
        ]);

        var hits = index.Search.Search(Query("珊瑚礁")).Hits.ToDictionary(h => h.Id);

        Assert.Equal("示政发〔2019〕3号", hits[1].DocumentNumber);
        Assert.Equal("示例区人民政府", hits[1].Issuer);
        Assert.Equal(PublicationType.NormativeDocument, hits[1].Type);
        Assert.Equal("法规文件", hits[1].Category);
        Assert.False(hits[1].InForce);
        Assert.Equal("已废止", hits[1].Validity);
        Assert.True(hits[2].InForce);
        Assert.Equal("—", hits[2].Validity);
        Assert.Equal(1L, hits[2].InterpretsId);
        Assert.Null(hits[2].Category);
        Assert.True(hits[1].Score > 0);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
