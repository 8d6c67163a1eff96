namespace Gongkai.Core.Requests.SameInformation;

/// <summary>
/// Requests from several applicants to one agency for what reads as the same information: a candidate for 主动公开
/// under Art. 44. A person decides; the group only says which requests to look at together.
/// </summary>
/// <param name="RequestIds">Members ordered by received date, then id.</param>
/// <param name="ApplicantCount">Distinct applicants among the members (always at least the options' minimum).</param>
/// <param name="RepresentativeRequestId">The medoid: the request every other member was compared with.</param>
/// <param name="RepresentativeTitle">The medoid's title, as the applicant wrote it.</param>
public sealed record SameInformationGroup(
    int AgencyId,
    IReadOnlyList<long> RequestIds,
    int ApplicantCount,
    long RepresentativeRequestId,
    string RepresentativeTitle,
    DateOnly FirstReceivedOn,
    DateOnly LastReceivedOn,
    SameInformationSimilarity Similarity);

/// <summary>
/// How alike the members are to the representative: the lowest and the mean weighted Jaccard similarity over the
/// members (the representative's own identical copies count 1). A member that cites the representative's 文号 counts
/// 1 as well, whatever its wording; <paramref name="ByDocumentNumber"/> says how many members joined that way.
/// </summary>
public sealed record SameInformationSimilarity(double Minimum, double Mean, int ByDocumentNumber);
