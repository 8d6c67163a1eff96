namespace Gongkai.Core.Requests.SameInformation;

/// <summary>
/// What the grouping reads of one request: its agency, the words the applicant used for the information (所需信息名称,
/// 文号, 描述), when it arrived and who sent it. <paramref name="ApplicantKey"/> is opaque (a hash of the identity
/// document, say) so that the grouping never sees personal data and can still tell one applicant asking twice from
/// two applicants: Art. 44 speaks of 多个申请人.
/// </summary>
public sealed record SameInformationText(
    long RequestId,
    int AgencyId,
    string Title,
    string? DocumentNumber,
    string? Description,
    DateOnly ReceivedOn,
    string ApplicantKey);
