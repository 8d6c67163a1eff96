using System.Text.Json.Serialization;

namespace Gongkai.Core.Requests;

/// <summary>Who took a step: the account's user name and the name people see.</summary>
public sealed record Actor(string UserName, string DisplayName)
{
    public static readonly Actor System = new("system", "系统");
    public static readonly Actor Applicant = new("applicant", "申请人");
}

/// <summary>
/// One step in a request's life, as recorded: the China date it happened (<see cref="On"/>), who took it and why.
/// A request's history is its events, appended and never changed; its state and its clock are computed from them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Submitted), "submitted")]
[JsonDerivedType(typeof(ReceiptConfirmed), "receipt-confirmed")]
[JsonDerivedType(typeof(CorrectionRequested), "correction-requested")]
[JsonDerivedType(typeof(CorrectionReceived), "correction-received")]
[JsonDerivedType(typeof(CorrectionLapsed), "correction-lapsed")]
[JsonDerivedType(typeof(ConsultationStarted), "consultation-started")]
[JsonDerivedType(typeof(ConsultationEnded), "consultation-ended")]
[JsonDerivedType(typeof(Extended), "extended")]
[JsonDerivedType(typeof(ReasonableDeadlineSet), "reasonable-deadline-set")]
[JsonDerivedType(typeof(FeeNoticeSent), "fee-notice-sent")]
[JsonDerivedType(typeof(FeePaid), "fee-paid")]
[JsonDerivedType(typeof(FeeLapsed), "fee-lapsed")]
[JsonDerivedType(typeof(Decided), "decided")]
[JsonDerivedType(typeof(Delivered), "delivered")]
[JsonDerivedType(typeof(Archived), "archived")]
[JsonDerivedType(typeof(Withdrawn), "withdrawn")]
[JsonDerivedType(typeof(DeadlineRecomputed), "deadline-recomputed")]
[JsonDerivedType(typeof(NoticeDelivered), "notice-delivered")]
[JsonDerivedType(typeof(ReasonsRequested), "reasons-requested")]
[JsonDerivedType(typeof(ReasonsStated), "reasons-stated")]
[JsonDerivedType(typeof(AssistanceProvided), "assistance-provided")]
[JsonDerivedType(typeof(HandlerAssigned), "handler-assigned")]
public abstract record RequestEvent
{
    public required DateOnly On { get; init; }
    public required Actor By { get; init; }
    public string? Note { get; init; }
}

/// <summary>The request came in. For in-person and registered-mail requests the day of receipt is known at once.</summary>
public sealed record Submitted : RequestEvent
{
    public required Channel Channel { get; init; }
    public required ApplicantType ApplicantType { get; init; }
    public DateOnly? ReceivedOn { get; init; }
    /// <summary>Brought in from a historic ledger: its steps were taken outside Gongkai and no notices are written.</summary>
    public bool Imported { get; init; }
}

public sealed record ReceiptConfirmed : RequestEvent;

public sealed record CorrectionRequested : RequestEvent
{
    public required string Items { get; init; }
    /// <summary>A period given as a date. Null when it is given in working days (<see cref="PeriodWorkingDays"/>).</summary>
    public DateOnly? CorrectBy { get; init; }
    /// <summary>"自收到本通知之日起 N 个工作日内补正": counted from the day the applicant received the notice.</summary>
    public int? PeriodWorkingDays { get; init; }
    /// <summary>The day the applicant received the notice. Null: the day it was sent, unless <see cref="AwaitingDelivery"/>.</summary>
    public DateOnly? DeliveredOn { get; init; }
    /// <summary>Sent by post and not yet signed for: a period in working days has not started.</summary>
    public bool AwaitingDelivery { get; init; }
    /// <summary>Set when the notice went out later than the 7 working days Art. 30 allows; the notice still stands.</summary>
    public bool Late { get; init; }
}

public sealed record CorrectionReceived : RequestEvent
{
    /// <summary>What the applicant wrote when correcting online on the tracking page; null when the office registered it.</summary>
    public string? Supplied { get; init; }
}

public sealed record CorrectionLapsed : RequestEvent;

public enum ConsultationKind
{
    /// <summary>征求第三方意见 (Art. 32).</summary>
    ThirdParty,
    /// <summary>征求其他机关意见 (Art. 34).</summary>
    Agency,
}

public sealed record ConsultationStarted : RequestEvent
{
    public required int Number { get; init; }
    public required ConsultationKind Kind { get; init; }
    public required string Party { get; init; }
    /// <summary>The day the consultee received the letter, when known; its 15 working days run from it. Null: the day it was sent.</summary>
    public DateOnly? DeliveredOn { get; init; }
}

public sealed record ConsultationEnded : RequestEvent
{
    public required int Number { get; init; }
    /// <summary>The answer, or that the 15 working days ran out without one.</summary>
    public required string Opinion { get; init; }
}

public sealed record Extended : RequestEvent
{
    public required int WorkingDays { get; init; }
    public required Actor ApprovedBy { get; init; }
    public required string Reason { get; init; }
}

/// <summary>Art. 35: a longer reasonable period set by decision for a request whose volume is plainly excessive.</summary>
public sealed record ReasonableDeadlineSet : RequestEvent
{
    public required DateOnly Deadline { get; init; }
    public required string Reason { get; init; }
}

public sealed record FeeNoticeSent : RequestEvent
{
    public required FeeBasis Basis { get; init; }
    public required decimal Amount { get; init; }
    public required string Explanation { get; init; }
    /// <summary>The day the applicant received the notice; the 20 working days to pay run from it. Null: the day it was sent, unless <see cref="AwaitingDelivery"/>.</summary>
    public DateOnly? DeliveredOn { get; init; }
    /// <summary>Sent by post and not yet signed for: no time to pay runs until the delivery is recorded.</summary>
    public bool AwaitingDelivery { get; init; }
}

public sealed record FeePaid : RequestEvent;

public sealed record FeeLapsed : RequestEvent;

public sealed record Decided : RequestEvent
{
    public required Outcome Outcome { get; init; }
    public required string Reason { get; init; }
    public required string LegalBasis { get; init; }
    public bool OnTheSpot { get; init; }
}

public enum DeliveryMethod
{
    /// <summary>当场领取.</summary>
    PickUp,
    /// <summary>邮寄.</summary>
    Mail,
    /// <summary>电子邮件.</summary>
    Email,
    /// <summary>在线（本平台）.</summary>
    Online,
    /// <summary>传真.</summary>
    Fax,
    /// <summary>公告送达: the applicant cannot be reached; delivered on the day the announcement says.</summary>
    Announcement,
}

public static class DeliveryMethods
{
    /// <summary>As the request's history and the notices to the applicant print it (…以邮寄方式向您送达).</summary>
    public static string DisplayName(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.PickUp => "当面领取",
        DeliveryMethod.Mail => "邮寄",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Online => "在线送达",
        DeliveryMethod.Fax => "传真",
        DeliveryMethod.Announcement => "公告送达",
    };
}

public sealed record Delivered : RequestEvent
{
    public required DeliveryMethod Method { get; init; }
    public string? TrackingNumber { get; init; }
    /// <summary>
    /// The day the applicant received the reply (signed for; the e-mail sent; the day an announcement deems it
    /// delivered). The applicant's time to seek review or sue runs from it. Null: the day of this step, unless
    /// <see cref="AwaitingDelivery"/>.
    /// </summary>
    public DateOnly? DeliveredOn { get; init; }
    /// <summary>Posted and not yet signed for.</summary>
    public bool AwaitingDelivery { get; init; }
}

public sealed record Archived : RequestEvent;

public sealed record Withdrawn : RequestEvent
{
    public required string Reason { get; init; }
}

/// <summary>The holiday schedule changed while the request was open, and its due date moved.</summary>
public sealed record DeadlineRecomputed : RequestEvent
{
    public DateOnly? OldDue { get; init; }
    public DateOnly? NewDue { get; init; }
    public required string Reason { get; init; }
}

/// <summary>What a delivery recorded after the fact is for.</summary>
public enum DeliveredNotice
{
    FeeNotice,
    Consultation,
    Correction,
    Reply,
}

/// <summary>
/// A notice or letter reached its addressee on <see cref="DeliveredOn"/> (e.g. the day signed for by post), learnt
/// and recorded on <see cref="RequestEvent.On"/>: periods that run "自收到…" are counted from it.
/// </summary>
public sealed record NoticeDelivered : RequestEvent
{
    public required DeliveredNotice Notice { get; init; }
    /// <summary>For a consultation, which one.</summary>
    public int? Number { get; init; }
    public required DateOnly DeliveredOn { get; init; }
}

/// <summary>
/// Art. 35: the number or frequency of the applicant's requests is plainly beyond reason; the office asks for the
/// reasons by <see cref="ReplyBy"/>. The answer clock keeps running.
/// </summary>
public sealed record ReasonsRequested : RequestEvent
{
    /// <summary>What is beyond reason (how many requests, how often, for what).</summary>
    public required string Grounds { get; init; }
    public required DateOnly ReplyBy { get; init; }
}

/// <summary>Art. 35: the applicant's reasons, and whether the office finds them reasonable.</summary>
public sealed record ReasonsStated : RequestEvent
{
    public required string Reasons { get; init; }
    public required bool Accepted { get; init; }
}

/// <summary>Art. 43: the help given to an applicant with reading, sight or hearing difficulties.</summary>
public sealed record AssistanceProvided : RequestEvent
{
    public required string Help { get; init; }
}

/// <summary>分办: the request given to a handler; given to another (改派), with the reason.</summary>
public sealed record HandlerAssigned : RequestEvent
{
    public required Actor Handler { get; init; }
    public string? Reason { get; init; }
}
