using System.Security.Claims;
using Gongkai.Infrastructure.Identity;

namespace Gongkai.Web.Security;

/// <summary>
/// Which roles may take which step on a request — with <see cref="StaffAccess"/> (which agencies), the whole of
/// who may do what to a request. Supervisors read; publishers and administrators see requests with personal data
/// masked and take no step.
/// </summary>
public static class RequestPermissions
{
    public enum Action
    {
        Register,
        ConfirmReceipt,
        RequestCorrection,
        ReceiveCorrection,
        LapseCorrection,
        StartConsultation,
        EndConsultation,
        Extend,
        SetReasonableDeadline,
        RequestReasons,
        RecordReasons,
        RecordAssistance,
        SendFeeNotice,
        RecordFeePaid,
        LapseFee,
        Decide,
        Deliver,
        RecordDelivery,
        Archive,
        Withdraw,
        ReadPersonalData,
    }

    private static readonly string[] Intake = [StaffRoles.Clerk, StaffRoles.Handler];
    private static readonly string[] Handling = [StaffRoles.Handler, StaffRoles.Approver];
    private static readonly string[] HeadOnly = [StaffRoles.Approver];
    private static readonly string[] Caseworkers = [StaffRoles.Clerk, StaffRoles.Handler, StaffRoles.Approver];

    public static IReadOnlyList<string> RolesFor(Action action) => action switch
    {
        Action.Register => [StaffRoles.Clerk],
        Action.ConfirmReceipt or Action.ReceiveCorrection or Action.RecordFeePaid or Action.Deliver or Action.RecordDelivery or Action.Archive or Action.Withdraw => Intake,
        Action.RequestCorrection or Action.LapseCorrection or Action.StartConsultation or Action.EndConsultation
            or Action.SendFeeNotice or Action.LapseFee or Action.Decide or Action.RequestReasons or Action.RecordReasons => Handling,
        // Art. 43: whoever meets the applicant gives the help and records it.
        Action.RecordAssistance => Caseworkers,
        // Art. 33 ¶2: an extension needs the head of the disclosure office.
        Action.Extend or Action.SetReasonableDeadline => HeadOnly,
        Action.ReadPersonalData => Caseworkers,
    };

    public static bool May(ClaimsPrincipal user, Action action) => RolesFor(action).Any(user.IsInRole);
}
