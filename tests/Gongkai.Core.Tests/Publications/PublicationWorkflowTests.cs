using Gongkai.Core.Publications;

namespace Gongkai.Core.Tests.Publications;

/// <summary>
/// 先审查、后公开 in Core, without a database: review by someone other than the drafter, publication of what was
/// reviewed, a rule or normative document published with its interpretation (同步发布) or with the reason why not,
/// repeal and expiry; each refusal says why and changes nothing.
/// </summary>
public sealed class PublicationWorkflowTests
{
    private static readonly DateOnly Written = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static Publication Draft(PublicationType type = PublicationType.Other, DisclosureAttribute attribute = DisclosureAttribute.Proactive, long? interprets = null) =>
        Publication.Draft(interprets is null ? "关于加强物业管理的通知" : "《关于加强物业管理的通知》政策解读", type, attribute, Written, "drafter", interprets);

    private static Publication Reviewed(PublicationType type = PublicationType.Other, DisclosureAttribute attribute = DisclosureAttribute.Proactive, long? interprets = null)
    {
        var document = Draft(type, attribute, interprets);
        Assert.Null(document.Review(null, "reviewer", Now));
        return document;
    }

    private static PublicationRefusal? Publish(Publication document, string? reason = null, Publication? policy = null, params Publication[] interpretations) =>
        document.Publish(Today, Today, reason, "publisher", Now, policy, interpretations, out _);

    private static void Refused(Publication document, Func<Publication, PublicationRefusal?> step, string field, string message)
    {
        var before = document.State;

        var refusal = step(document);

        Assert.Equal(new PublicationRefusal(field, message), refusal);
        Assert.Equal(before, document.State);
    }

    [Fact]
    public void A_draft_is_reviewed_by_someone_other_than_its_drafter_once()
    {
        var document = Draft();
        Refused(document, d => d.Review(null, "drafter", Now), "Status", "保密审查须由起草人以外的审核人进行。");
        Refused(document, d => d.Review(new string('意', 501), "reviewer", Now), "Opinion", "审查意见不能超过 500 个字。");

        Assert.Null(document.Review(null, "reviewer", Now));

        Assert.Equal((PublicationStatus.Reviewed, "reviewer", Now, Publication.DefaultOpinion), (document.Status, document.State.ReviewedBy!, document.State.ReviewedAt!.Value, document.State.ReviewOpinion!));
        Refused(document, d => d.Review("同意", "other", Now), "Status", "文件已通过保密审查。");
    }

    [Fact]
    public void A_change_to_a_reviewed_document_sends_it_back_for_review_and_a_published_one_cannot_stop_being_proactive()
    {
        var reviewed = Reviewed();
        Assert.Null(reviewed.Edit("关于加强物业管理的通知（修订）", PublicationType.Other, DisclosureAttribute.Proactive, Written));
        Assert.Equal((PublicationStatus.Draft, (string?)null, (string?)null), (reviewed.Status, reviewed.State.ReviewedBy, reviewed.State.ReviewOpinion));

        var published = Reviewed();
        Assert.Null(Publish(published));
        Refused(published, d => d.Edit("关于加强物业管理的通知", PublicationType.Other, DisclosureAttribute.OnRequest, Written), "Attribute",
            "已发布的文件不能改为非主动公开；如需撤下，请先与机构负责人确认并记录原因。");
        Assert.Null(published.Edit("关于加强物业管理的通知（更正）", PublicationType.Other, DisclosureAttribute.Proactive, Written));
        Assert.Equal(PublicationStatus.Published, published.Status);
    }

    [Fact]
    public void Only_a_reviewed_proactive_document_is_published_on_a_day_between_its_writing_and_today()
    {
        Refused(Draft(), d => Publish(d), "PublishedOn", "文件尚未通过保密审查，不能发布（先审查、后公开）。");
        Refused(Reviewed(attribute: DisclosureAttribute.OnRequest), d => Publish(d), "PublishedOn", "公开属性为“依申请公开”的文件不在网站主动发布。");
        var document = Reviewed();
        Refused(document, d => d.Publish(Written.AddDays(-1), Today, null, "publisher", Now, null, [], out _), "PublishedOn", "发布日期不能早于成文日期（2026-03-02）。");
        Refused(document, d => d.Publish(Today.AddDays(1), Today, null, "publisher", Now, null, [], out _), "PublishedOn", "发布日期不能晚于今天。");

        Assert.Null(document.Publish(new DateOnly(2026, 3, 5), Today, null, "publisher", Now, null, [], out var together));

        Assert.Empty(together);
        Assert.Equal((PublicationStatus.Published, new DateOnly(2026, 3, 5), "publisher"), (document.Status, document.State.PublishedOn!.Value, document.State.PublishedBy!));
        Refused(document, d => Publish(d), "PublishedOn", "文件已发布。");
    }

    [Fact]
    public void A_normative_document_is_published_with_its_reviewed_interpretation_the_same_day()
    {
        var policy = Reviewed(PublicationType.NormativeDocument);
        var interpretation = Reviewed(interprets: 1);
        var onRequest = Reviewed(attribute: DisclosureAttribute.OnRequest, interprets: 1);

        Assert.Null(policy.Publish(Today, Today, null, "publisher", Now, null, [interpretation, onRequest], out var together));

        Assert.Same(interpretation, Assert.Single(together));
        Assert.Equal((PublicationStatus.Published, Today), (interpretation.Status, interpretation.State.PublishedOn!.Value));
        Assert.Equal(PublicationStatus.Reviewed, onRequest.Status);
        Assert.Null(policy.State.NoInterpretationReason);
    }

    [Fact]
    public void Without_a_reviewed_interpretation_a_normative_document_needs_the_reason_why_not()
    {
        var draftInterpretation = Draft(interprets: 1);
        Refused(Reviewed(PublicationType.NormativeDocument), d => Publish(d, null, null, draftInterpretation), "NoInterpretationReason",
            "政策解读《《关于加强物业管理的通知》政策解读》尚未通过保密审查：请先审查，以便与文件同步发布；或填写不同步发布解读的理由。");
        Refused(Reviewed(PublicationType.Regulation), d => Publish(d), "NoInterpretationReason",
            "规章应与政策解读同步发布：请先起草解读并通过保密审查，或填写不同步发布解读的理由。");
        Refused(Reviewed(PublicationType.NormativeDocument), d => Publish(d, "无"), "NoInterpretationReason", "不同步发布解读的理由须为 4 至 500 个字。");

        var document = Reviewed(PublicationType.NormativeDocument);
        Assert.Null(Publish(document, " 仅调整实施日期，内容未变 "));
        Assert.Equal("仅调整实施日期，内容未变", document.State.NoInterpretationReason);

        // An interpretation published already (with an earlier version) is enough.
        var published = Reviewed(interprets: 1);
        Assert.Null(Publish(published, null, document));
        Assert.Null(Publish(Reviewed(PublicationType.NormativeDocument), null, null, published));
    }

    [Fact]
    public void An_interpretation_is_published_only_after_its_policy()
    {
        var policy = Reviewed(PublicationType.NormativeDocument);
        Refused(Reviewed(interprets: 1), d => Publish(d, null, policy), "PublishedOn",
            "所解读的文件《关于加强物业管理的通知》尚未发布：请在发布该文件时一并发布本解读（同步发布）。");

        Assert.Null(Publish(policy, "政策解读另行发布"));
        Assert.Null(Publish(Reviewed(interprets: 1), null, policy));
    }

    [Fact]
    public void A_document_is_repealed_by_another_or_expires_once_on_a_plausible_day()
    {
        var document = Reviewed(PublicationType.NormativeDocument);
        Refused(document, d => d.EndValidity(true, null, "示政发〔2026〕3号", Today), "RepealedOn", "请填写废止日期。");
        Refused(document, d => d.EndValidity(false, Written.AddDays(-1), null, Today), "ExpiredOn", "失效日期（2026-03-01）不能早于成文日期（2026-03-02）。");
        Refused(document, d => d.EndValidity(true, Today.AddYears(1).AddDays(1), "示政发〔2026〕3号", Today), "RepealedOn", "废止日期不能晚于一年以后。");
        Refused(document, d => d.EndValidity(true, Today, " ", Today), "RepealedOn", "请填写废止该文件的文件名称或文号。");
        Refused(document, d => d.EndValidity(true, Today, new string('文', 301), Today), "RepealedOn", "废止文件的名称不能超过 300 个字。");

        Assert.Null(document.EndValidity(true, Today, " 示政发〔2026〕3号 ", Today));

        Assert.Equal((Today, "示政发〔2026〕3号"), (document.State.RepealedOn!.Value, document.State.RepealedBy!));
        Refused(document, d => d.EndValidity(false, Today, null, Today), "ExpiredOn", "文件已于 2026-03-10 废止。");
    }
}
