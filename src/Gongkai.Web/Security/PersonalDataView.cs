using System.Security.Claims;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Requests;

namespace Gongkai.Web.Security;

/// <summary>Whose personal data: an information request's applicant, or the writer of a letter.</summary>
public enum PersonalDataOf
{
    Applicant,
    Writer,
}

/// <summary>An applicant as one staff member may see them: every string already masked or not.</summary>
public sealed record ApplicantView(bool Full, string Name, string? ContactPerson, string IdNumber, string Phone, string? Email, string? Address, string? Postcode)
{
    /// <summary>
    /// Art. 43: the help asked for. A difficulty or disability is health information: named only in the full view;
    /// others see that help was asked for, so that it is given.
    /// </summary>
    public string? Assistance { get; init; }
}

/// <summary>A letter's writer as one staff member may see them; null where the writer left the field empty.</summary>
public sealed record WriterView(bool Full, string? Name, string? Phone, string? Email, string? Address);

/// <summary>
/// The one place that decides whether a staff member sees an applicant's or a writer's name, ID number, phone,
/// e-mail and address in full, and that records each time they do. In full: only the roles that handle the case
/// (<see cref="StaffOperations.Requests.ReadPersonalData"/>, <see cref="StaffOperations.Letters.ReadPersonalData"/>),
/// only for a record in their agency subtree, and only on the record itself — a page, file or export of one case or of
/// the year's ledger, each audited. Everyone else, and every list, sees the masked view.
/// </summary>
public sealed class PersonalDataView(StaffAccess access, StaffAuthorization authorization, AuditTrail audit)
{
    /// <summary>The role half of the decision; <see cref="MayReadAsync"/> adds the agency.</summary>
    public static bool RoleMayRead(ClaimsPrincipal user, PersonalDataOf of) => StaffAuthorization.May(user, Operation(of));

    public Task<bool> MayReadAsync(ClaimsPrincipal user, PersonalDataOf of, int agencyId) => authorization.MayAsync(user, Operation(of), agencyId);

    private static StaffOperation Operation(PersonalDataOf of) => of switch
    {
        PersonalDataOf.Applicant => StaffOperations.Requests.ReadPersonalData,
        PersonalDataOf.Writer => StaffOperations.Letters.ReadPersonalData,
        _ => throw new ArgumentOutOfRangeException(nameof(of), of, null),
    };

    /// <summary>The decision for many records at once (an export): by the record's agency.</summary>
    public async Task<Func<int, bool>> ReaderAsync(ClaimsPrincipal user, PersonalDataOf of, CancellationToken ct = default)
    {
        if (!RoleMayRead(user, of))
        {
            return _ => false;
        }

        var scope = await access.ScopeAsync(user, ct);
        return agencyId => scope is null || scope.Contains(agencyId);
    }

    public async Task<ApplicantView> ApplicantAsync(ClaimsPrincipal user, RequestRecord request, CancellationToken ct = default) =>
        Applicant(request, await MayReadAsync(user, PersonalDataOf.Applicant, request.AgencyId));

    public async Task<WriterView> WriterAsync(ClaimsPrincipal user, LetterRecord letter, CancellationToken ct = default) =>
        Writer(letter, await MayReadAsync(user, PersonalDataOf.Writer, letter.AgencyId));

    /// <summary>
    /// An organisation's name is not personal data and stays whole; a natural person's is masked (张**), as is an
    /// organisation's contact person.
    /// </summary>
    public static ApplicantView Applicant(RequestRecord r, bool full) => full
        ? new ApplicantView(true, r.ApplicantName, r.ContactPerson, r.IdNumber, r.Phone, r.Email, r.Address, r.Postcode)
        {
            Assistance = r.Assistance == AssistanceNeeds.None && r.AssistanceDetail is null ? null
                : r.Assistance.DisplayName() + (r.AssistanceDetail is { } detail ? "；" + detail : ""),
        }
        : new ApplicantView(false,
            r.ApplicantType == ApplicantType.NaturalPerson ? PersonalData.MaskName(r.ApplicantName) : r.ApplicantName,
            r.ContactPerson is null ? null : PersonalData.MaskName(r.ContactPerson),
            IdentityDocument.Mask(r.IdType, r.IdNumber),
            PersonalData.MaskPhone(r.Phone),
            r.Email is null ? null : PersonalData.MaskEmail(r.Email),
            r.Address is null ? null : PersonalData.MaskAddress(r.Address),
            // A postcode names a district, no more than the masked address keeps.
            r.Postcode)
        {
            Assistance = r.Assistance == AssistanceNeeds.None && r.AssistanceDetail is null ? null : "申请人请求提供帮助（详情仅承办人员可见）",
        };

    /// <summary>A row of a list: masked for everyone, so that no list puts many people's data on one screen.</summary>
    public static ApplicantView Listed(RequestRecord r) => Applicant(r, full: false);

    public static WriterView Writer(LetterRecord l, bool full) => full
        ? new WriterView(true, l.WriterName, l.Phone, l.Email, l.Address)
        : new WriterView(false,
            l.WriterName is null ? null : PersonalData.MaskName(l.WriterName),
            l.Phone is null ? null : PersonalData.MaskPhone(l.Phone),
            l.Email is null ? null : PersonalData.MaskEmail(l.Email),
            l.Address is null ? null : PersonalData.MaskAddress(l.Address));

    public static WriterView Listed(LetterRecord l) => Writer(l, full: false);

    /// <summary>
    /// Records that personal data was shown unmasked: which record and what was shown, never the data. Saved with the
    /// caller's next SaveChanges, in the same request.
    /// </summary>
    public void Read(string target, string shown, int? agencyId) => audit.Add(AuditActions.PersonalDataRead, target, shown, agencyId);

    /// <summary>What a view shows, by field name, for the audit entry: "姓名、证件号码、联系电话".</summary>
    public static string Shown(ApplicantView v) => string.Join("、", new[]
    {
        ("姓名", true), ("联系人", v.ContactPerson is not null), ("证件号码", true), ("联系电话", true),
        ("电子邮箱", v.Email is not null), ("通信地址", v.Address is not null),
    }.Where(f => f.Item2).Select(f => f.Item1));

    public static string Shown(WriterView v) => string.Join("、", new[]
    {
        ("姓名", v.Name is not null), ("联系电话", v.Phone is not null), ("电子邮箱", v.Email is not null), ("通信地址", v.Address is not null),
    }.Where(f => f.Item2).Select(f => f.Item1));

    public static string ApplicantTarget(RequestRecord r) => RequestStore.FormatCode(r.TrackingCode);

    public static string WriterTarget(LetterRecord l) => $"来信 {l.Id}";
}
