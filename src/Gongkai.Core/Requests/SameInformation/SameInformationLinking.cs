namespace Gongkai.Core.Requests.SameInformation;

/// <summary>One request offered for linking to a document: its agency, its opaque applicant key, and the document it is already linked to.</summary>
public sealed record LinkCandidate(long RequestId, int AgencyId, string ApplicantKey, long? LinkedPublicationId);

/// <summary>The catalog document the requests are to be linked to.</summary>
public sealed record LinkTarget(long PublicationId, int AgencyId, bool Proactive, bool Published);

/// <summary>
/// Art. 44: requests from several applicants to one agency for the same information may be answered by publishing
/// it proactively. Decides whether a group of requests may be tied to a catalog document — before it is published
/// (a draft made for the group) or once it is; a refusal says why in Chinese, and nothing is linked.
/// </summary>
public static class SameInformationLinking
{
    /// <summary>Null when the requests may be linked to the document, else the reason they may not.</summary>
    /// <param name="asked">The request ids the office chose.</param>
    /// <param name="found">Those of them that exist within the office's reach.</param>
    /// <param name="target">The document; null when it does not exist or is out of reach.</param>
    /// <param name="mustBePublished">Linking for good (the document is out); false for a draft prepared for the group.</param>
    public static string? Refusal(IReadOnlyCollection<long> asked, IReadOnlyCollection<LinkCandidate> found, LinkTarget? target, bool mustBePublished)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(found);
        var ids = asked.Distinct().ToList();
        if (ids.Count < 2)
        {
            return "请选择同一组中至少两件申请（《条例》第四十四条：多个申请人就相同政府信息提出的申请）。";
        }

        var missing = ids.Where(id => found.All(f => f.RequestId != id)).ToList();
        if (missing.Count > 0)
        {
            return $"申请不存在或不在您可以办理的机关范围内：{string.Join("、", missing)}。";
        }

        var agencies = found.Select(f => f.AgencyId).Distinct().ToList();
        if (agencies.Count > 1)
        {
            return "所选申请须是向同一行政机关提出的（《条例》第四十四条）。";
        }

        if (found.Select(f => f.ApplicantKey).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return "所选申请来自同一申请人；《条例》第四十四条所指的是多个申请人就相同政府信息提出的申请。";
        }

        if (target is null)
        {
            return "政府信息公开目录中没有这件文件，或它不属于您可以办理的机关。";
        }

        var other = found.FirstOrDefault(f => f.LinkedPublicationId is { } linked && linked != target.PublicationId);
        if (other is not null)
        {
            return $"第 {other.RequestId} 号申请已关联到第 {other.LinkedPublicationId} 号主动公开文件，不能再关联到其他文件。";
        }

        if (target.AgencyId != agencies[0])
        {
            return "主动公开的文件须由收到这些申请的行政机关发布（《条例》第四十四条：纳入本机关主动公开的范围）。";
        }

        if (!target.Proactive)
        {
            return "所选文件的公开属性不是“主动公开”，不能作为这些申请的主动公开文件。";
        }

        return mustBePublished && !target.Published ? "所选文件尚未发布：发布后才能将申请关联到它。" : null;
    }
}
