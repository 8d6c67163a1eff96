using Gongkai.Core.Publications;

namespace Gongkai.Core.Tests.Publications;

/// <summary>
/// An issue of the gazette in Core, without a database: composed with its numbers, print details and documents in
/// order, revised, published once it prints something and taken off; every refusal says why and changes nothing.
/// </summary>
public sealed class GazetteIssueTests
{
    private const int Agency = 7;

    private static readonly Dictionary<long, GazetteCandidate> Documents = new()
    {
        [1] = new(1, Agency, "关于加强物业管理的通知", PublicationStatus.Published, DisclosureAttribute.Proactive),
        [2] = new(2, Agency, "示例区养老服务补贴办法", PublicationStatus.Published, DisclosureAttribute.Proactive),
        [3] = new(3, Agency, "尚在审查的草稿", PublicationStatus.Reviewed, DisclosureAttribute.Proactive),
        [4] = new(4, Agency, "依申请公开的文件", PublicationStatus.Published, DisclosureAttribute.OnRequest),
        [5] = new(5, Agency + 1, "其他机关的文件", PublicationStatus.Published, DisclosureAttribute.Proactive),
    };

    private static GazetteInput Input(params GazetteEntry[] entries) =>
        new(2024, 3, 27, new DateOnly(2024, 6, 28), 1500, " 区政务服务中心 \r\n\r\n区图书馆\n", entries);

    private static GazetteIssue Composed(params GazetteEntry[] entries) =>
        GazetteIssue.Compose(Agency, Input(entries), numberTaken: false, Documents, out var refusals) ?? throw new InvalidOperationException(string.Join(" ", refusals.Values));

    [Fact]
    public void An_issue_keeps_its_numbers_and_prints_its_documents_in_the_order_given()
    {
        var issue = Composed(new(2, 2), new(1, 1), new(2, 5));

        Assert.Equal(Agency, issue.State.AgencyId);
        Assert.Equal([1L, 2L], issue.State.Documents);
        Assert.Equal("区政务服务中心\n区图书馆", issue.State.DistributionPoints);
        Assert.Equal("2024年第3期（总第27期）", issue.IssueLabel());
        Assert.False(issue.State.IsPublished);
    }

    [Fact]
    public void Documents_without_an_order_keep_their_sequence_after_the_ordered_ones()
    {
        var issue = Composed(new(2, null), new(1, null));

        Assert.Equal([2L, 1L], issue.State.Documents);
        Assert.Equal([1L, 2L], Composed(new(2, null), new(1, 1)).State.Documents);
    }

    [Fact]
    public void Each_field_is_checked_and_every_reason_is_given_at_once()
    {
        var input = new GazetteInput(1900, 100, 0, new DateOnly(2023, 12, 31), -1, new string('点', 2001), [new(3, null), new(4, null), new(5, null), new(99, null)]);

        Assert.Null(GazetteIssue.Compose(Agency, input, numberTaken: true, Documents, out var refusals));

        Assert.Equal(new Dictionary<string, string>
        {
            ["Year"] = "请填写年份（如 2024）。",
            ["Number"] = "期号应为 1 至 99 的整数。",
            ["TotalNumber"] = "总期号应为正整数；不编总期号的不填。",
            ["IssuedOn"] = "出版日期应在 1900 年内。",
            ["PrintRun"] = "印数不能为负数。",
            ["DistributionPoints"] = "发放点不能超过 2000 个字。",
            ["Document3"] = "《尚在审查的草稿》尚未主动公开发布，不能编入公报。",
            ["Document4"] = "《依申请公开的文件》尚未主动公开发布，不能编入公报。",
            ["Document5"] = "编号 5 的文件不是本机关公开目录中的文件。",
            ["Document99"] = "编号 99 的文件不是本机关公开目录中的文件。",
        }, refusals);
    }

    [Fact]
    public void The_date_falls_in_the_issue_s_year_and_a_number_is_used_once_a_year()
    {
        Assert.Null(GazetteIssue.Compose(Agency, Input() with { IssuedOn = new DateOnly(2025, 1, 2) }, false, Documents, out var late));
        Assert.Equal("出版日期应在 2024 年内。", late["IssuedOn"]);

        Assert.Null(GazetteIssue.Compose(Agency, Input() with { IssuedOn = null, PrintRun = null }, false, Documents, out var missing));
        Assert.Equal(["IssuedOn", "PrintRun"], missing.Keys.Order());

        Assert.Null(GazetteIssue.Compose(Agency, Input(), numberTaken: true, Documents, out var taken));
        Assert.Equal(new Dictionary<string, string> { ["Number"] = "2024年第3期已存在。" }, taken);
    }

    [Fact]
    public void A_revision_replaces_the_issue_and_keeps_it_on_the_portal_while_a_refused_one_changes_nothing()
    {
        var issue = Composed(new GazetteEntry(1, null));
        Assert.Empty(issue.Publish());

        Assert.Empty(issue.Revise(Input(new(2, null), new(1, null)) with { Number = 4, TotalNumber = null }, false, Documents));
        Assert.Equal([2L, 1L], issue.State.Documents);
        Assert.Equal("2024年第4期", issue.IssueLabel());
        Assert.True(issue.State.IsPublished);

        var before = issue.State;
        Assert.Equal(["Document3"], issue.Revise(Input(new GazetteEntry(3, null)), false, Documents).Keys);
        Assert.Same(before, issue.State);
    }

    [Fact]
    public void An_issue_is_published_only_with_documents_and_can_be_taken_off()
    {
        var empty = Composed();
        Assert.Equal(new Dictionary<string, string> { ["Items"] = "本期还没有编入文件，不能发布。" }, empty.Publish());
        Assert.False(empty.State.IsPublished);

        var issue = Composed(new GazetteEntry(1, null));
        Assert.Empty(issue.Publish());
        Assert.True(issue.State.IsPublished);
        issue.Unpublish();
        Assert.False(issue.State.IsPublished);
    }

    [Fact]
    public void The_masthead_follows_the_agency_s_name()
    {
        Assert.Equal("《示例区人民政府公报》", GazetteIssue.Masthead("示例区人民政府"));
        Assert.Equal("《示例区政府公报》", GazetteIssue.Masthead("示例区"));
        Assert.Equal("2024年6月28日", GazetteIssue.ChineseDate(new DateOnly(2024, 6, 28)));
    }
}
