using System.Globalization;
using Gongkai.Core.Calendar;

namespace Gongkai.Core.Requests;

/// <summary>
/// One application for government information (政府信息公开申请) and its handling, as a state machine over an
/// append-only history. Every command checks that the law and the workflow allow the step, then appends one
/// event; the state — and, with a calendar, the statutory clock — is computed from the events alone, so replaying
/// a stored history gives back exactly this request. The state, its history and replay are here; the steps are in
/// the partial files by stage (.Receipt, .Pauses, .Reply).
/// </summary>
public sealed partial class InformationRequest
{
    public const int AnswerWorkingDays = 20;
    public const int CorrectionNoticeWorkingDays = 7;
    public const int ConsultationWorkingDays = 15;
    public const int MaxExtensionWorkingDays = 20;
    public const int FeePaymentWorkingDays = 20;
    /// <summary>The correction period offered by default: "自收到本通知之日起15个工作日内".</summary>
    public const int DefaultCorrectionWorkingDays = 15;
    public const int MaxCorrectionWorkingDays = 60;

    private readonly List<AssistanceProvided> _assistance = [];

    private readonly List<RequestEvent> _history = [];
    private readonly List<Consultation> _consultations = [];

    private InformationRequest()
    {
    }

    public IReadOnlyList<RequestEvent> History => _history;
    public Channel Channel { get; private set; }
    public ApplicantType ApplicantType { get; private set; }
    public RequestStatus Status { get; private set; }
    public DateOnly SubmittedOn { get; private set; }
    /// <summary>收到申请之日 (Art. 31); null until the office confirms an online, e-mail, fax or ordinary-mail request.</summary>
    public DateOnly? ReceivedOn { get; private set; }
    /// <summary>The day the 20 working days count from: the day of receipt, or the day the corrected request arrived.</summary>
    public DateOnly? ClockStart { get; private set; }
    public CorrectionRequested? CorrectionNotice { get; private set; }
    public DateOnly? CorrectionReceivedOn { get; private set; }
    public IReadOnlyList<Consultation> Consultations => _consultations;
    public Extended? Extension { get; private set; }
    public ReasonableDeadlineSet? ReasonableDeadline { get; private set; }
    public FeeNoticeSent? FeeNotice { get; private set; }
    public DateOnly? FeePaidOn { get; private set; }
    public Decided? Decision { get; private set; }
    public Delivered? Delivery { get; private set; }
    public DateOnly? ArchivedOn { get; private set; }
    /// <summary>Art. 35: the office asked the applicant for reasons.</summary>
    public ReasonsRequested? ReasonsRequest { get; private set; }
    /// <summary>Art. 35: the applicant's reasons and the office's view of them.</summary>
    public ReasonsStated? ReasonsAnswer { get; private set; }
    /// <summary>Art. 43: help given to the applicant.</summary>
    public IReadOnlyList<AssistanceProvided> Assistance => _assistance;
    public int Version => _history.Count;

    public bool HasOpenConsultation => _consultations.Any(c => c.AnsweredOn is null);

    /// <summary>
    /// The last day to pay the fee: "申请人应当在收到收费通知次日起20个工作日内缴纳费用" (fee rules) — counted from the
    /// day the applicant received the notice, not the day it was sent.
    /// </summary>
    public DateOnly? FeePayBy(WorkingDayCalendar calendar) =>
        FeeNotice is { } n && (n.DeliveredOn is not null || !n.AwaitingDelivery) ? calendar.AddWorkingDays(n.DeliveredOn ?? n.On, FeePaymentWorkingDays) : null;

    /// <summary>
    /// The last day to correct (Art. 30): the date the notice gave, or its working days counted from the day the
    /// applicant received it. Null while a posted notice with a period in working days awaits its signed date.
    /// </summary>
    public DateOnly? CorrectionDueOn(WorkingDayCalendar calendar) => CorrectionNotice switch
    {
        { PeriodWorkingDays: { } days } c when c.DeliveredOn is not null || !c.AwaitingDelivery => calendar.AddWorkingDays(c.DeliveredOn ?? c.On, days),
        { PeriodWorkingDays: not null } => null,
        { CorrectBy: { } by } => by,
        _ => null,
    };

    /// <summary>The day the applicant received the reply, when known.</summary>
    public DateOnly? ReplyDeliveredOn => Delivery is { } d && (d.DeliveredOn is not null || !d.AwaitingDelivery) ? d.DeliveredOn ?? d.On : null;

    public static InformationRequest Submit(Channel channel, ApplicantType applicantType, Step step, DateOnly? receivedOn = null)
    {
        if (step.On > step.Today)
        {
            throw new RequestRuleException("提交日期不能晚于今天。");
        }

        if (!Enum.IsDefined(channel) || !Enum.IsDefined(applicantType))
        {
            throw new RequestRuleException("申请渠道或申请人类型无效。");
        }

        DateOnly? received = channel switch
        {
            // Art. 31 (一): handed in, received the same day.
            Channel.InPerson => receivedOn is null || receivedOn == step.On ? step.On
                : throw new RequestRuleException("当面提交的申请，收到申请之日就是提交之日。"),
            // Art. 31 (二): received the day the office signs for the letter.
            Channel.RegisteredMail => receivedOn is { } signed
                ? (signed > step.Today ? throw new RequestRuleException("签收日期不能晚于今天。") : signed)
                : throw new RequestRuleException("邮寄（需签收）的申请须填写签收日期。"),
            // Art. 31 (二)(三): known only once the office confirms with the applicant.
            Channel.OrdinaryMail or Channel.Online or Channel.Email or Channel.Fax => receivedOn is null ? null
                : throw new RequestRuleException($"{channel.DisplayName()}的申请须经确认后才有收到申请之日，请在登记后“确认收到”。"),
        };

        var request = new InformationRequest();
        request.Apply(new Submitted { On = step.On, By = step.By, Note = step.Note, Channel = channel, ApplicantType = applicantType, ReceivedOn = received });
        return request;
    }

    /// <summary>
    /// A request from a historic ledger (台账), recorded as it ended: received, and — when the ledger has a result —
    /// decided and archived on the answer date. The steps are the ledger's facts, not a workflow, so they are
    /// recorded without the checks a live request goes through.
    /// </summary>
    public static InformationRequest Historic(HistoricCase c, Actor by)
    {
        const string note = "历史台账导入";
        var request = new InformationRequest();
        request.Apply(new Submitted { On = c.ReceivedOn, By = by, Note = note, Channel = c.Channel, ApplicantType = c.ApplicantType, ReceivedOn = c.ReceivedOn, Imported = true });
        if (c.Outcome is { } outcome && c.DecidedOn is { } decided)
        {
            request.Apply(new Decided
            {
                On = decided,
                By = by,
                Note = note,
                Outcome = outcome,
                Reason = c.Reason ?? "（历史台账未记录理由）",
                LegalBasis = outcome.DefaultLegalBasis() ?? "（历史台账未记录依据）",
            });
            request.Apply(new Archived { On = decided, By = by, Note = note });
        }

        return request;
    }

    public bool IsImported => _history.Count > 0 && _history[0] is Submitted { Imported: true };

    public static InformationRequest Replay(IEnumerable<RequestEvent> history)
    {
        var request = new InformationRequest();
        foreach (var e in history)
        {
            request.Apply(e);
        }

        if (request._history.Count == 0 || request._history[0] is not Submitted)
        {
            throw new InvalidOperationException("A request's history starts with its submission.");
        }

        return request;
    }


    /// <summary>Records on the request that a new holiday schedule moved its due date.</summary>
    public void RecordDeadlineChange(Step step, DateOnly? oldDue, DateOnly? newDue, string reason)
    {
        if (oldDue == newDue)
        {
            return;
        }

        Apply(new DeadlineRecomputed { On = step.On, By = step.By, Note = step.Note, OldDue = oldDue, NewDue = newDue, Reason = reason });
    }

    /// <summary>The day the request stopped being open: its decision or closure.</summary>
    public DateOnly? ClosedOn => Decision?.On;

    private void Require(Step step, RequestStatus expected, string action)
    {
        CheckDate(step);
        if (Status != expected)
        {
            throw new RequestRuleException($"申请当前状态为“{Status.DisplayName()}”，不能{action}。");
        }
    }

    private void CheckDate(Step step)
    {
        if (Status == RequestStatus.Archived)
        {
            throw new RequestRuleException("该申请已归档，不能再办理。");
        }

        CheckDay(step);
    }

    private void CheckDay(Step step)
    {
        if (step.On > step.Today)
        {
            throw new RequestRuleException("办理日期不能晚于今天。");
        }

        var last = _history[^1].On;
        if (step.On < last)
        {
            throw new RequestRuleException($"办理日期 {Iso(step.On)} 早于上一步的日期 {Iso(last)}。");
        }
    }

    private void Apply(RequestEvent e)
    {
        switch (e)
        {
            case Submitted s:
                Channel = s.Channel;
                ApplicantType = s.ApplicantType;
                SubmittedOn = s.On;
                ReceivedOn = s.ReceivedOn;
                ClockStart = s.ReceivedOn;
                Status = s.ReceivedOn is null ? RequestStatus.AwaitingConfirmation : RequestStatus.Processing;
                break;
            case ReceiptConfirmed c:
                ReceivedOn = c.On;
                ClockStart = Channel == Channel.OrdinaryMail && c.On > SubmittedOn ? SubmittedOn : c.On;
                Status = RequestStatus.Processing;
                break;
            case CorrectionRequested c:
                CorrectionNotice = c;
                Status = RequestStatus.AwaitingCorrection;
                break;
            case CorrectionReceived c:
                CorrectionReceivedOn = c.On;
                ClockStart = c.On;
                Status = RequestStatus.Processing;
                break;
            case CorrectionLapsed c:
                Close(c, Outcome.OtherCorrectionNotSupplied, "申请人无正当理由逾期不补正，视为放弃申请", "《中华人民共和国政府信息公开条例》第三十条");
                break;
            case ConsultationStarted c:
                _consultations.Add(new Consultation(c.Number, c.Kind, c.Party, c.On, null, null) { DeliveredOn = c.DeliveredOn });
                break;
            case ConsultationEnded c:
                var index = _consultations.FindIndex(x => x.Number == c.Number);
                _consultations[index] = _consultations[index] with { AnsweredOn = c.On, Opinion = c.Opinion };
                break;
            case Extended x:
                Extension = x;
                break;
            case ReasonableDeadlineSet r:
                ReasonableDeadline = r;
                break;
            case FeeNoticeSent f:
                FeeNotice = f;
                Status = RequestStatus.AwaitingFee;
                break;
            case FeePaid p:
                FeePaidOn = p.On;
                Status = RequestStatus.Processing;
                break;
            case FeeLapsed f:
                Close(f, Outcome.OtherFeeNotPaid, "申请人逾期未按收费通知要求缴纳费用，视为放弃申请", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）");
                break;
            case Decided d:
                Decision = d;
                Status = RequestStatus.Decided;
                break;
            case Delivered d:
                Delivery = d;
                Status = RequestStatus.Delivered;
                break;
            case Archived a:
                ArchivedOn = a.On;
                Status = RequestStatus.Archived;
                break;
            case Withdrawn w:
                if (Status == RequestStatus.AwaitingConfirmation)
                {
                    Status = RequestStatus.Cancelled;
                }
                else
                {
                    Close(w, Outcome.OtherOther, "申请人撤回申请：" + w.Reason, "申请人撤回");
                }

                break;
            case DeadlineRecomputed:
                break;
            case NoticeDelivered { Notice: DeliveredNotice.FeeNotice } n:
                FeeNotice = FeeNotice! with { DeliveredOn = n.DeliveredOn };
                break;
            case NoticeDelivered { Notice: DeliveredNotice.Correction } n:
                CorrectionNotice = CorrectionNotice! with { DeliveredOn = n.DeliveredOn };
                break;
            case NoticeDelivered { Notice: DeliveredNotice.Reply } n:
                Delivery = Delivery! with { DeliveredOn = n.DeliveredOn };
                break;
            case ReasonsRequested r:
                ReasonsRequest = r;
                break;
            case ReasonsStated r:
                ReasonsAnswer = r;
                break;
            case AssistanceProvided a:
                _assistance.Add(a);
                break;
            case HandlerAssigned h:
                Handler = h.Handler;
                break;
            case NoticeDelivered n:
                var delivered = _consultations.FindIndex(x => x.Number == n.Number);
                _consultations[delivered] = _consultations[delivered] with { DeliveredOn = n.DeliveredOn };
                break;
            default:
                throw new InvalidOperationException($"Unknown request event {e.GetType().Name}.");
        }

        _history.Add(e);
    }

    // A closure the clock or the applicant causes is recorded as the decision the report counts.
    private void Close(RequestEvent cause, Outcome outcome, string reason, string legalBasis)
    {
        Decision = new Decided { On = cause.On, By = cause.By, Note = cause.Note, Outcome = outcome, Reason = reason, LegalBasis = legalBasis };
        Status = RequestStatus.Decided;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A consultation letter and its answer. The consultee has 15 working days from receiving the letter (Arts. 32, 34);
/// without a recorded delivery they count from the day it was sent, so that the pause can only be shorter, never
/// longer, than the law allows.
/// </summary>
public sealed record Consultation(int Number, ConsultationKind Kind, string Party, DateOnly SentOn, DateOnly? AnsweredOn, string? Opinion)
{
    public DateOnly? DeliveredOn { get; init; }

    public DateOnly PeriodEnds(WorkingDayCalendar calendar) => calendar.AddWorkingDays(DeliveredOn ?? SentOn, InformationRequest.ConsultationWorkingDays);

    /// <summary>What follows by law when the period ends without an answer.</summary>
    public string Lapse => Kind == ConsultationKind.ThirdParty
        ? "第三方逾期未提出意见，由本机关依照《条例》的规定决定是否公开（《条例》第三十二条）"
        : "被征求意见机关逾期未提出意见，视为同意公开（《条例》第三十四条）";
}

/// <summary>The last days to challenge a reply received on <see cref="ReceivedOn"/>: 行政复议 and 行政诉讼.</summary>
public sealed record RemedyDeadlines(DateOnly ReceivedOn, DateOnly ReviewBy, DateOnly SueBy, bool Provisional);
