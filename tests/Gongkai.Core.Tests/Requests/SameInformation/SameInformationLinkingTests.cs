using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests.SameInformation;

namespace Gongkai.Core.Tests.Requests.SameInformation;

public sealed class SameInformationLinkingTests
{
    private static readonly LinkTarget Published = new(90, 2, Proactive: true, Published: true);

    private static LinkCandidate Request(long id, string applicant, int agency = 2, long? linkedTo = null) => new(id, agency, applicant, linkedTo);

    private static string? Refusal(IReadOnlyCollection<LinkCandidate> found, LinkTarget? target = null, bool mustBePublished = true, IReadOnlyCollection<long>? asked = null) =>
        SameInformationLinking.Refusal(asked ?? found.Select(f => f.RequestId).ToList(), found, target ?? Published, mustBePublished);

    [Fact]
    public void Two_applicants_of_the_document_s_agency_may_be_linked_to_a_published_proactive_document() =>
        Assert.Null(Refusal([Request(1, "甲"), Request(2, "乙")]));

    [Fact]
    public void A_draft_may_be_prepared_for_the_group_but_not_linked_until_published()
    {
        var draft = Published with { Published = false };

        Assert.Null(Refusal([Request(1, "甲"), Request(2, "乙")], draft, mustBePublished: false));
        Assert.Contains("尚未发布", Refusal([Request(1, "甲"), Request(2, "乙")], draft));
    }

    [Theory]
    [InlineData("one", "至少两件")]
    [InlineData("missing", "不在您可以办理的机关范围内")]
    [InlineData("agencies", "同一行政机关")]
    [InlineData("applicant", "同一申请人")]
    [InlineData("linked", "已关联到第 91 号")]
    [InlineData("other agency's document", "收到这些申请的行政机关")]
    [InlineData("not proactive", "不是“主动公开”")]
    [InlineData("no document", "没有这件文件")]
    public void What_may_not_be_linked_is_refused_with_the_reason(string @case, string reason)
    {
        var pair = new[] { Request(1, "甲"), Request(2, "乙") };
        var refusal = @case switch
        {
            "one" => Refusal([Request(1, "甲")]),
            "missing" => Refusal(pair, asked: [1, 2, 3]),
            "agencies" => Refusal([Request(1, "甲"), Request(2, "乙", agency: 3)]),
            "applicant" => Refusal([Request(1, "甲"), Request(2, "甲")]),
            "linked" => Refusal([Request(1, "甲"), Request(2, "乙", linkedTo: 91)]),
            "other agency's document" => Refusal(pair, Published with { AgencyId = 3 }),
            "not proactive" => Refusal(pair, Published with { Proactive = false }),
            _ => SameInformationLinking.Refusal([1, 2], pair, null, true),
        };

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal);
    }

    [Fact]
    public void The_report_sentence_counts_groups_and_requests_and_is_absent_without_groups()
    {
        Assert.Null(ReportDraft.SameInformationSentence(0, 0));
        Assert.Contains("依申请公开转为主动公开2组，涉及申请7件", ReportDraft.SameInformationSentence(2, 7));
    }
}
