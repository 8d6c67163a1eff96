namespace Gongkai.Core.Publications;

/// <summary>Why a step was refused, and which field of the form it concerns.</summary>
public sealed record PublicationRefusal(string Field, string Message);

/// <summary>Where a document stands in "先审查、后公开" and in its validity: everything its workflow decides.</summary>
public sealed record PublicationState
{
    public required string Title { get; init; }
    public required PublicationType Type { get; init; }
    public required DisclosureAttribute Attribute { get; init; }
    /// <summary>成文日期.</summary>
    public required DateOnly WrittenOn { get; init; }
    public required PublicationStatus Status { get; init; }
    /// <summary>Who drafted it: the confidentiality review is someone else's.</summary>
    public string? CreatedBy { get; init; }
    /// <summary>For a policy interpretation (政策解读): the policy it interprets.</summary>
    public long? InterpretsId { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? ReviewOpinion { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? PublishedBy { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Why a normative document was published without an interpretation the same day (同步发布).</summary>
    public string? NoInterpretationReason { get; init; }
    public DateOnly? RepealedOn { get; init; }
    public string? RepealedBy { get; init; }
    public DateOnly? ExpiredOn { get; init; }
}

/// <summary>
/// A document of the catalog on its way to the public (先审查、后公开, Arts. 17, 19–20, 26): drafted, cleared by a
/// confidentiality review (保密审查) by someone other than the drafter, published when its attribute is 主动公开 —
/// a rule or normative document together with its policy interpretation (同步发布) or with the reason why not — and
/// later repealed (废止) or expired (失效). A change to a reviewed draft sends it back for review. Each command returns
/// why it is refused and changes nothing then.
/// </summary>
public sealed class Publication
{
    public const string DefaultOpinion = "经保密审查，可以公开。";

    private Publication(PublicationState state) => State = state;

    public PublicationState State { get; private set; }

    public PublicationStatus Status => State.Status;

    /// <summary>A new draft.</summary>
    public static Publication Draft(string title, PublicationType type, DisclosureAttribute attribute, DateOnly writtenOn, string createdBy, long? interpretsId = null) =>
        new(new PublicationState { Title = title, Type = type, Attribute = attribute, WrittenOn = writtenOn, Status = PublicationStatus.Draft, CreatedBy = createdBy, InterpretsId = interpretsId });

    /// <summary>A document as stored, to take its next step.</summary>
    public static Publication Restore(PublicationState state) => new(state);

    /// <summary>What an imported document's review says: it was cleared before its first publication, not here.</summary>
    public const string ImportedOpinion = "从原网站导入的已发布文件：保密审查已在原发布前进行，本系统未重新审查。";

    /// <summary>Why an imported rule or normative document has no interpretation published with it here.</summary>
    public const string ImportedNoInterpretationReason = "从原网站导入的已发布文件，政策解读未随目录导入。";

    /// <summary>
    /// A 主动公开 document that was already published on the agency's former website (<c>gongkai publications import</c>),
    /// entered as published on its original day. The dates obey the rules of <see cref="Publish"/>; the review and the
    /// reason for no interpretation say that they happened before the import rather than naming a reviewer who did not
    /// review it. Interpretations are not imported as such.
    /// </summary>
    public static PublicationRefusal? Imported(string title, PublicationType type, DateOnly writtenOn, DateOnly publishedOn, DateOnly today, string importedBy, DateTimeOffset at, out Publication? document)
    {
        document = null;
        var refusal = publishedOn < writtenOn ? $"发布日期不能早于成文日期（{writtenOn:yyyy-MM-dd}）。"
            : publishedOn > today ? "发布日期不能晚于今天。"
            : null;
        if (refusal is not null)
        {
            return new("PublishedOn", refusal);
        }

        document = new(new PublicationState
        {
            Title = title,
            Type = type,
            Attribute = DisclosureAttribute.Proactive,
            WrittenOn = writtenOn,
            Status = PublicationStatus.Published,
            CreatedBy = importedBy,
            ReviewedBy = importedBy,
            ReviewedAt = at,
            ReviewOpinion = ImportedOpinion,
            PublishedOn = publishedOn,
            PublishedBy = importedBy,
            PublishedAt = at,
            NoInterpretationReason = type is PublicationType.Regulation or PublicationType.NormativeDocument ? ImportedNoInterpretationReason : null,
        });
        return null;
    }

    /// <summary>
    /// The office changes the document. A published document stays published (its page and the index follow) and
    /// cannot stop being 主动公开 that way; a reviewed one goes back to draft: what was reviewed is what gets published.
    /// </summary>
    public PublicationRefusal? Edit(string title, PublicationType type, DisclosureAttribute attribute, DateOnly writtenOn)
    {
        if (State.Status == PublicationStatus.Published && attribute != DisclosureAttribute.Proactive)
        {
            return new("Attribute", "已发布的文件不能改为非主动公开；如需撤下，请先与机构负责人确认并记录原因。");
        }

        State = State with { Title = title, Type = type, Attribute = attribute, WrittenOn = writtenOn };
        if (State.Status == PublicationStatus.Reviewed)
        {
            State = State with { Status = PublicationStatus.Draft, ReviewedBy = null, ReviewedAt = null, ReviewOpinion = null };
        }

        return null;
    }

    /// <summary>保密审查: an approver other than the drafter clears a draft for publication, with an opinion.</summary>
    public PublicationRefusal? Review(string? opinion, string user, DateTimeOffset at)
    {
        if (State.Status != PublicationStatus.Draft)
        {
            return new("Status", State.Status == PublicationStatus.Published ? "文件已发布。" : "文件已通过保密审查。");
        }

        if (string.Equals(State.CreatedBy, user, StringComparison.Ordinal))
        {
            return new("Status", "保密审查须由起草人以外的审核人进行。");
        }

        opinion = opinion?.Trim();
        if (opinion?.Length > 500)
        {
            return new("Opinion", "审查意见不能超过 500 个字。");
        }

        State = State with { Status = PublicationStatus.Reviewed, ReviewedBy = user, ReviewedAt = at, ReviewOpinion = string.IsNullOrEmpty(opinion) ? DefaultOpinion : opinion };
        return null;
    }

    /// <summary>
    /// Publishes a reviewed, proactive document on <paramref name="day"/>. An interpretation needs its policy
    /// published first (it is published with it). A rule or normative document is published together with its
    /// reviewed proactive interpretations — returned in <paramref name="together"/>, published too — unless one was
    /// published already; without any, <paramref name="noInterpretationReason"/> says why.
    /// </summary>
    /// <param name="policy">For an interpretation: the policy it interprets.</param>
    /// <param name="interpretations">For a rule or normative document: its interpretations.</param>
    public PublicationRefusal? Publish(DateOnly day, DateOnly today, string? noInterpretationReason, string user, DateTimeOffset at,
        Publication? policy, IReadOnlyList<Publication> interpretations, out IReadOnlyList<Publication> together)
    {
        together = [];
        var refusal = State.Status switch
        {
            PublicationStatus.Published => "文件已发布。",
            PublicationStatus.Draft => "文件尚未通过保密审查，不能发布（先审查、后公开）。",
            _ when State.Attribute != DisclosureAttribute.Proactive => $"公开属性为“{PublicationNames.Of(State.Attribute)}”的文件不在网站主动发布。",
            _ when day < State.WrittenOn => $"发布日期不能早于成文日期（{State.WrittenOn:yyyy-MM-dd}）。",
            _ when day > today => "发布日期不能晚于今天。",
            _ => null,
        };
        if (refusal is not null)
        {
            return new("PublishedOn", refusal);
        }

        string? reason = null;
        var with = new List<Publication>();
        if (State.InterpretsId is not null)
        {
            if (policy is null || policy.Status != PublicationStatus.Published)
            {
                return new("PublishedOn", $"所解读的文件《{policy?.State.Title}》尚未发布：请在发布该文件时一并发布本解读（同步发布）。");
            }
        }
        else if (State.Type is PublicationType.NormativeDocument or PublicationType.Regulation)
        {
            with = interpretations.Where(i => i.Status == PublicationStatus.Reviewed && i.State.Attribute == DisclosureAttribute.Proactive).ToList();
            if (!interpretations.Any(i => i.Status == PublicationStatus.Published) && with.Count == 0)
            {
                reason = noInterpretationReason?.Trim();
                if (interpretations.FirstOrDefault(i => i.Status == PublicationStatus.Draft) is { } draft && string.IsNullOrEmpty(reason))
                {
                    return new("NoInterpretationReason", $"政策解读《{draft.State.Title}》尚未通过保密审查：请先审查，以便与文件同步发布；或填写不同步发布解读的理由。");
                }

                if (string.IsNullOrEmpty(reason))
                {
                    return new("NoInterpretationReason", $"{PublicationNames.Of(State.Type)}应与政策解读同步发布：请先起草解读并通过保密审查，或填写不同步发布解读的理由。");
                }

                if (reason.Length is < 4 or > 500)
                {
                    return new("NoInterpretationReason", "不同步发布解读的理由须为 4 至 500 个字。");
                }
            }
        }

        State = State with { NoInterpretationReason = reason ?? State.NoInterpretationReason };
        foreach (var item in with.Prepend(this))
        {
            item.State = item.State with { Status = PublicationStatus.Published, PublishedOn = day, PublishedBy = user, PublishedAt = at };
        }

        together = with;
        return null;
    }

    /// <summary>Records that the document was repealed (废止) on a date by another document, or expired (失效) on a date.</summary>
    public PublicationRefusal? EndValidity(bool repealed, DateOnly? on, string? by, DateOnly today)
    {
        var what = repealed ? "废止" : "失效";
        var refusal = on switch
        {
            null => $"请填写{what}日期。",
            { } d when d < State.WrittenOn => $"{what}日期（{d:yyyy-MM-dd}）不能早于成文日期（{State.WrittenOn:yyyy-MM-dd}）。",
            { } d when d > today.AddYears(1) => $"{what}日期不能晚于一年以后。",
            _ when State.RepealedOn is not null || State.ExpiredOn is not null => $"文件已于 {(State.RepealedOn ?? State.ExpiredOn):yyyy-MM-dd} {(State.RepealedOn is not null ? "废止" : "失效")}。",
            _ when repealed && string.IsNullOrWhiteSpace(by) => "请填写废止该文件的文件名称或文号。",
            _ when by?.Trim().Length > 300 => "废止文件的名称不能超过 300 个字。",
            _ => null,
        };
        if (refusal is not null)
        {
            return new(repealed ? "RepealedOn" : "ExpiredOn", refusal);
        }

        State = repealed ? State with { RepealedOn = on, RepealedBy = by!.Trim() } : State with { ExpiredOn = on };
        return null;
    }
}

/// <summary>The names of the catalog's kinds, attributes and stages as pages, notices and exports print them.</summary>
public static class PublicationNames
{
    public static string Of(PublicationType type) => type switch
    {
        PublicationType.Regulation => "规章",
        PublicationType.NormativeDocument => "行政规范性文件",
        PublicationType.Other => "其他文件",
    };

    public static string Of(DisclosureAttribute attribute) => attribute switch
    {
        DisclosureAttribute.Proactive => "主动公开",
        DisclosureAttribute.OnRequest => "依申请公开",
        DisclosureAttribute.NotDisclosed => "不予公开",
    };

    public static string Of(PublicationStatus status) => status switch
    {
        PublicationStatus.Draft => "草稿",
        PublicationStatus.Reviewed => "已通过保密审查",
        PublicationStatus.Published => "已发布",
    };
}
