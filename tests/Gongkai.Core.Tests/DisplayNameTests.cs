using Gongkai.Core.Agencies;
using Gongkai.Core.Appeals;
using Gongkai.Core.Calendar;
using Gongkai.Core.Interaction;
using Gongkai.Core.Publications;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests;

/// <summary>
/// Every enum that people see by name is named in Core, beside the enum: each member has a Chinese name of its own,
/// so that a member added later cannot show up blank or be mistaken for another on a page, a notice or an export.
/// </summary>
public sealed class DisplayNameTests
{
    public static TheoryData<string, string[]> Names() => new()
    {
        { "AgencyLevel.DisplayName", Each<AgencyLevel>(x => x.DisplayName()) },
        { "AgencyLevel.PortalHeading", Each<AgencyLevel>(x => x.PortalHeading()) },
        { "AppealKind", Each<AppealKind>(x => x.DisplayName()) },
        { "AppealResult", Each<AppealResult>(x => x.DisplayName()) },
        { "DayKind", Each<DayKind>(x => x.DisplayName()) },
        { "Festival", Each<Festival>(x => x.DisplayName()) },
        { "PublicationType", Each<PublicationType>(PublicationNames.Of) },
        { "DisclosureAttribute", Each<DisclosureAttribute>(PublicationNames.Of) },
        { "PublicationStatus", Each<PublicationStatus>(PublicationNames.Of) },
        { "InteractionChannel", Each<InteractionChannel>(InteractionNames.Of) },
        { "LetterStatus", Each<LetterStatus>(InteractionNames.Of) },
        { "LetterRating", Each<LetterRating>(InteractionNames.Of) },
        { "ApplicantType", Each<ApplicantType>(x => x.DisplayName()) },
        { "AssistanceNeeds", Each<AssistanceNeeds>(x => x.DisplayName()) },
        { "Channel", Each<Channel>(x => x.DisplayName()) },
        { "ClockState", Each<ClockState>(x => x.DisplayName()) },
        { "DeliveryMethod", Each<DeliveryMethod>(x => x.DisplayName()) },
        { "IdentityDocumentType", Each<IdentityDocumentType>(x => x.DisplayName()) },
        { "NoticeKind", Each<NoticeKind>(x => x.DisplayName()) },
        { "ObtainMethod", Each<ObtainMethod>(x => x.DisplayName()) },
        { "Outcome", Each<Outcome>(x => x.DisplayName()) },
        { "OutcomeCategory", Each<OutcomeCategory>(x => x.DisplayName()) },
        { "ProvisionForm", Each<ProvisionForm>(x => x.DisplayName()) },
        { "RequestStatus", Each<RequestStatus>(x => x.DisplayName()) },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_member_has_a_chinese_name_of_its_own(string names, string[] shown)
    {
        Assert.All(shown, name => Assert.True(name.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{names}: “{name}” is not a Chinese name."));
        Assert.Equal(shown.Length, shown.Distinct(StringComparer.Ordinal).Count());
    }

    private static string[] Each<T>(Func<T, string> name) where T : struct, Enum => Enum.GetValues<T>().Select(name).ToArray();
}
