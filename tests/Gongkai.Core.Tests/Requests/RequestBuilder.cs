using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Makes requests in a given state with readable dates; "today" is far enough ahead for any step.</summary>
internal static class RequestBuilder
{
    public static readonly WorkingDayCalendar Official = ProductCalendar();
    public static readonly Actor Clerk = new("clerk", "登记员小王");
    public static readonly Actor Handler = new("handler", "承办人小李");
    public static readonly Actor Head = new("approver", "张科长");
    private static readonly DateOnly Today = new(2026, 12, 31);

    public static Step On(string iso, Actor? by = null) => new(Day(iso), by ?? Handler, Today);

    public static InformationRequest InPerson(string receivedOn, ApplicantType type = ApplicantType.NaturalPerson) =>
        InformationRequest.Submit(Channel.InPerson, type, On(receivedOn, Clerk));

    public static InformationRequest OnlineConfirmed(string submittedOn, string confirmedOn)
    {
        var request = InformationRequest.Submit(Channel.Online, ApplicantType.NaturalPerson, On(submittedOn, Actor.Applicant));
        request.ConfirmReceipt(On(confirmedOn, Clerk));
        return request;
    }

    public static StatutoryDeadline Clock(this InformationRequest request, string asOf) => StatutoryClock.Compute(request, Official, Day(asOf));
}
