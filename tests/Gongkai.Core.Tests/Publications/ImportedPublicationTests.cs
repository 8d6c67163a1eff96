using Gongkai.Core.Publications;

namespace Gongkai.Core.Tests.Publications;

/// <summary>
/// A document already published on an agency's former website enters the catalog as published on its original day
/// (<see cref="Publication.Imported"/>): 主动公开, its dates held to the rules of publishing, and its review and missing
/// interpretation explained rather than invented.
/// </summary>
public sealed class ImportedPublicationTests
{
    private static readonly DateOnly Written = new(2019, 6, 3);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void An_imported_document_is_published_proactively_on_its_original_day()
    {
        Assert.Null(Publication.Imported("关于加强物业管理的通知", PublicationType.Other, Written, Written.AddDays(5), Today, "命令行", Now, out var document));

        var state = document!.State;
        Assert.Equal((PublicationStatus.Published, DisclosureAttribute.Proactive, Written.AddDays(5), "命令行", Now),
            (state.Status, state.Attribute, state.PublishedOn!.Value, state.PublishedBy!, state.PublishedAt!.Value));
        Assert.Equal(("命令行", Publication.ImportedOpinion), (state.ReviewedBy!, state.ReviewOpinion!));
        Assert.Null(state.NoInterpretationReason);
        Assert.Equal("文件已发布。", document.Publish(Today, Today, null, "publisher", Now, null, [], out _)!.Message);
    }

    [Fact]
    public void An_imported_normative_document_says_why_no_interpretation_came_with_it()
    {
        Assert.Null(Publication.Imported("示例区物业管理办法", PublicationType.NormativeDocument, Written, Written, Today, "命令行", Now, out var document));

        Assert.Equal(Publication.ImportedNoInterpretationReason, document!.State.NoInterpretationReason);
    }

    [Fact]
    public void An_imported_document_is_refused_when_published_before_it_was_written_or_after_today()
    {
        var early = Publication.Imported("通知", PublicationType.Other, Written, Written.AddDays(-1), Today, "命令行", Now, out var none);
        var future = Publication.Imported("通知", PublicationType.Other, Written, Today.AddDays(1), Today, "命令行", Now, out var alsoNone);

        Assert.Equal(new PublicationRefusal("PublishedOn", "发布日期不能早于成文日期（2019-06-03）。"), early);
        Assert.Equal(new PublicationRefusal("PublishedOn", "发布日期不能晚于今天。"), future);
        Assert.Null(none);
        Assert.Null(alsoNone);
    }
}
