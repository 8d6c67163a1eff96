namespace Gongkai.Core.Requests;

public enum RequestStatus
{
    /// <summary>Came in online, by e-mail, fax or ordinary mail; the office has not yet confirmed it, so no clock runs.</summary>
    AwaitingConfirmation,
    /// <summary>Received; the office is working on it (consultations may be open).</summary>
    Processing,
    /// <summary>A correction notice went out; the clock will start afresh when the corrected request arrives.</summary>
    AwaitingCorrection,
    /// <summary>A fee notice went out; the clock is paused until the fee is paid.</summary>
    AwaitingFee,
    /// <summary>An outcome is recorded (a reply, or a closure such as a lapsed correction); the notice is to be delivered.</summary>
    Decided,
    Delivered,
    Archived,
    /// <summary>Withdrawn before the office confirmed receiving it: never a request the report counts.</summary>
    Cancelled,
}

public static class RequestStatuses
{
    public static string DisplayName(this RequestStatus status) => status switch
    {
        RequestStatus.AwaitingConfirmation => "待确认收到",
        RequestStatus.Processing => "办理中",
        RequestStatus.AwaitingCorrection => "待补正",
        RequestStatus.AwaitingFee => "待缴费",
        RequestStatus.Decided => "已答复待送达",
        RequestStatus.Delivered => "已送达",
        RequestStatus.Archived => "已归档",
        RequestStatus.Cancelled => "已撤回（未受理）",
    };

    /// <summary>Still counted as open: carried over to next year if the year ends now.</summary>
    public static bool IsOpen(this RequestStatus status) => status switch
    {
        RequestStatus.Processing or RequestStatus.AwaitingCorrection or RequestStatus.AwaitingFee => true,
        RequestStatus.AwaitingConfirmation or RequestStatus.Decided or RequestStatus.Delivered or RequestStatus.Archived or RequestStatus.Cancelled => false,
    };
}

/// <summary>A step that the law or the workflow does not allow now; the message says why, in Chinese.</summary>
public sealed class RequestRuleException(string message) : Exception(message);

/// <summary>When and by whom a step is taken, and today's China date (a step cannot be dated in the future).</summary>
public sealed record Step(DateOnly On, Actor By, DateOnly Today, string? Note = null);
