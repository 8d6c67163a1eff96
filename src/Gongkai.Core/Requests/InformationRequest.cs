using System.Globalization;
using Gongkai.Core.Calendar;

namespace Gongkai.Core.Requests;

/// <summary>
/// One application for government information (政府信息公开申请) and its handling, as a state machine over an
/// append-only history. Every command checks that the law and the workflow allow the step, then appends one
/// event; the state — and, with a calendar, the statutory clock — is computed from the events alone, so replaying
/// a stored history gives back exactly this request.
/// </summary>
public sealed class InformationRequest
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

    /// <summary>Art. 31: the office confirms an online, e-mail, fax or ordinary-mail request; that day is the day of receipt.</summary>
    /// <summary>
    /// Art. 31 (二)(三): the day of receipt is the day the office confirms with the applicant. An ordinary letter must
    /// be confirmed the day it arrives (registered as its submission day): a later confirmation needs a reason, and
    /// the clock still counts from the arrival — the office cannot gain days by confirming late.
    /// </summary>
    public void ConfirmReceipt(Step step)
    {
        Require(step, RequestStatus.AwaitingConfirmation, "确认收到");
        if (Channel == Channel.OrdinaryMail && step.On > SubmittedOn && string.IsNullOrWhiteSpace(step.Note))
        {
            throw new RequestRuleException($"平信应在到达当日（{Iso(SubmittedOn)}）与申请人确认（《条例》第三十一条第（二）项）。晚于到达日确认的，请在备注中说明原因；答复期限仍自到达之日起算。");
        }

        Apply(new ReceiptConfirmed { On = step.On, By = step.By, Note = step.Note });
    }

    /// <summary>
    /// Art. 30: one correction notice listing everything to correct, with a reasonable period given in working days
    /// from the day the applicant receives it. Sent later than 7 working days after receipt it still goes out,
    /// marked late, and the returned warning says so.
    /// </summary>
    public string? RequestCorrection(Step step, string items, int periodWorkingDays, WorkingDayCalendar calendar, DateOnly? deliveredOn = null, bool awaitingDelivery = false)
    {
        if (periodWorkingDays is < 1 or > MaxCorrectionWorkingDays)
        {
            throw new RequestRuleException($"补正期限应为 1 至 {MaxCorrectionWorkingDays} 个工作日。");
        }

        return RequestCorrection(step, items, null, periodWorkingDays, calendar, deliveredOn, awaitingDelivery && deliveredOn is null);
    }

    /// <summary>Art. 30 with the period given as a date (it must fall after the applicant received the notice).</summary>
    public string? RequestCorrection(Step step, string items, DateOnly correctBy, WorkingDayCalendar calendar, DateOnly? deliveredOn = null)
    {
        if (correctBy <= (deliveredOn ?? step.On))
        {
            throw new RequestRuleException(deliveredOn is null ? "补正期限应晚于通知发出之日。" : "补正期限应晚于申请人收到通知之日。");
        }

        return RequestCorrection(step, items, correctBy, null, calendar, deliveredOn, false);
    }

    private string? RequestCorrection(Step step, string items, DateOnly? correctBy, int? periodWorkingDays, WorkingDayCalendar calendar, DateOnly? deliveredOn, bool awaitingDelivery)
    {
        Require(step, RequestStatus.Processing, "发出补正通知");
        if (CorrectionNotice is not null)
        {
            throw new RequestRuleException("补正通知只能发一次（《条例》第三十条：一次性告知）。");
        }

        if (HasOpenConsultation)
        {
            throw new RequestRuleException("征求意见期间不能要求补正，请先记录征求意见的结果。");
        }

        if (string.IsNullOrWhiteSpace(items))
        {
            throw new RequestRuleException("请写明需要补正的事项。");
        }

        CheckDelivery(step, deliveredOn, "补正通知");
        var latest = calendar.AddWorkingDays(ReceivedOn!.Value, CorrectionNoticeWorkingDays);
        var late = step.On > latest;
        Apply(new CorrectionRequested
        {
            On = step.On,
            By = step.By,
            Note = step.Note,
            Items = items.Trim(),
            CorrectBy = correctBy,
            PeriodWorkingDays = periodWorkingDays,
            DeliveredOn = deliveredOn,
            AwaitingDelivery = awaitingDelivery,
            Late = late,
        });
        return late
            ? $"补正通知应自收到申请之日起 7 个工作日内发出（最迟 {Iso(latest)}），本次已超期；通知仍然有效，但该情况会被记录。"
            : null;
    }

    /// <summary>The corrected request arrived: the 20 working days count afresh from today (Art. 30).</summary>
    public void ReceiveCorrection(Step step, WorkingDayCalendar calendar)
    {
        Require(step, RequestStatus.AwaitingCorrection, "登记补正材料");
        // Corrected before the signed date was recorded: the applicant obviously had the notice, and is within time.
        if (CorrectionDueOn(calendar) is { } due && step.On > due)
        {
            throw new RequestRuleException($"补正期限已于 {Iso(due)} 届满。逾期补正的，视为放弃申请；如申请人有正当理由，请在备注中说明后作为新申请登记。");
        }

        Apply(new CorrectionReceived { On = step.On, By = step.By, Note = step.Note });
    }

    /// <summary>The correction period ran out: deemed withdrawn, closed as 其他处理 · 逾期不补正 (Art. 30).</summary>
    public void LapseCorrection(Step step, WorkingDayCalendar calendar)
    {
        Require(step, RequestStatus.AwaitingCorrection, "按逾期不补正处理");
        var due = CorrectionDueOn(calendar)
            ?? throw new RequestRuleException("补正通知尚未记录送达日期：补正期限自申请人收到通知之日起计算，请先登记送达日期。");
        if (step.On <= due)
        {
            throw new RequestRuleException($"补正期限到 {Iso(due)} 才届满，届满后才能按逾期不补正处理。");
        }

        Apply(new CorrectionLapsed { On = step.On, By = step.By, Note = step.Note });
    }

    /// <summary>Arts. 32, 34: a consultation letter; the time it takes is not counted in the deadline (Art. 33 ¶3).</summary>
    public int StartConsultation(Step step, ConsultationKind kind, string party, WorkingDayCalendar calendar, DateOnly? deliveredOn = null)
    {
        Require(step, RequestStatus.Processing, "征求意见");
        if (string.IsNullOrWhiteSpace(party))
        {
            throw new RequestRuleException(kind == ConsultationKind.ThirdParty ? "请填写被征求意见的第三方。" : "请填写被征求意见的机关。");
        }

        CheckDelivery(step, deliveredOn, "征求意见书");
        RequireWithinAnswerPeriod(step, calendar, "征求意见", "征求意见所需时间不计算在答复期限内（《条例》第三十三条第三款），只能在答复期限内征求");
        var number = _consultations.Count + 1;
        Apply(new ConsultationStarted { On = step.On, By = step.By, Note = step.Note, Number = number, Kind = kind, Party = party.Trim(), DeliveredOn = deliveredOn });
        return number;
    }

    /// <summary>Pausing steps are possible only while the answer period runs: after it, they would hide a late answer.</summary>
    private void RequireWithinAnswerPeriod(Step step, WorkingDayCalendar calendar, string action, string rule)
    {
        if (StatutoryClock.Compute(this, calendar, step.On).Due is { } due && step.On > due)
        {
            throw new RequestRuleException($"答复期限已于 {Iso(due)} 届满，不能再{action}：{rule}。请尽快作出答复。");
        }
    }

    private static void CheckDelivery(Step step, DateOnly? deliveredOn, string what)
    {
        if (deliveredOn is { } d && (d < step.On || d > step.Today))
        {
            throw new RequestRuleException($"{what}的送达日期应在发出之日至今天之间。");
        }
    }

    public void EndConsultation(Step step, int number, string opinion)
    {
        CheckDate(step);
        var consultation = _consultations.FirstOrDefault(c => c.Number == number)
            ?? throw new RequestRuleException($"没有第 {number} 次征求意见。");
        if (consultation.AnsweredOn is not null)
        {
            throw new RequestRuleException($"第 {number} 次征求意见已于 {Iso(consultation.AnsweredOn.Value)} 记录结果。");
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            throw new RequestRuleException("请记录对方的意见，或注明期满未提出意见。");
        }

        Apply(new ConsultationEnded { On = step.On, By = step.By, Note = step.Note, Number = number, Opinion = opinion.Trim() });
    }

    /// <summary>Art. 33 ¶2: once, at most 20 working days, approved by the office's head before the deadline passes.</summary>
    public void Extend(Step step, int workingDays, Actor approvedBy, string reason, WorkingDayCalendar calendar)
    {
        Require(step, RequestStatus.Processing, "延期答复");
        if (Extension is not null)
        {
            throw new RequestRuleException("答复期限只能延长一次（《条例》第三十三条第二款）。");
        }

        if (workingDays is < 1 or > MaxExtensionWorkingDays)
        {
            throw new RequestRuleException("延长的期限应为 1 至 20 个工作日。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestRuleException("请写明延期理由。");
        }

        var due = StatutoryClock.Compute(this, calendar, step.On).Due;
        if (due is { } d && step.On > d)
        {
            throw new RequestRuleException($"答复期限已于 {Iso(d)} 届满，期满后不能再延期。");
        }

        Apply(new Extended { On = step.On, By = step.By, Note = step.Note, WorkingDays = workingDays, ApprovedBy = approvedBy, Reason = reason.Trim() });
    }

    /// <summary>Art. 35: for plainly excessive requests whose reasons are accepted, a longer reasonable period, told to the applicant.</summary>
    public void SetReasonableDeadline(Step step, DateOnly deadline, string reason, WorkingDayCalendar calendar)
    {
        Require(step, RequestStatus.Processing, "确定延迟答复的合理期限");
        if (ReasonsAnswer is not { Accepted: true })
        {
            throw new RequestRuleException("确定延迟答复的合理期限，须先要求申请人说明理由，并认为理由合理（《条例》第三十五条）。");
        }

        if (ReasonableDeadline is not null)
        {
            throw new RequestRuleException("延迟答复的合理期限已经确定。");
        }

        if (!Reasons.IsStated(reason))
        {
            throw new RequestRuleException("请写明确定延迟答复期限的理由（《条例》第三十五条）。");
        }

        var due = StatutoryClock.Compute(this, calendar, step.On).Due;
        if (due is { } d && step.On > d)
        {
            throw new RequestRuleException($"答复期限已于 {Iso(d)} 届满：合理期限应在答复期限内确定并告知申请人（《条例》第三十五条），请尽快作出答复。");
        }

        if (due is { } current && deadline <= current)
        {
            throw new RequestRuleException($"合理期限应晚于现在的答复期限 {Iso(current)}。");
        }

        Apply(new ReasonableDeadlineSet { On = step.On, By = step.By, Note = step.Note, Deadline = deadline, Reason = reason.Trim() });
    }

    /// <summary>
    /// Art. 35: the applicant's requests are plainly beyond reason in number or frequency; the office asks for the
    /// reasons. The answer clock keeps running (the regulation stops it for nothing here): within the period the
    /// office either refuses (不予处理 · 无正当理由大量反复申请) or sets a reasonable later deadline.
    /// </summary>
    public void RequestReasons(Step step, string grounds, DateOnly replyBy, WorkingDayCalendar calendar)
    {
        Require(step, RequestStatus.Processing, "要求说明理由");
        if (ReasonsRequest is not null)
        {
            throw new RequestRuleException("已经要求申请人说明理由。");
        }

        if (!Reasons.IsStated(grounds))
        {
            throw new RequestRuleException("请写明申请数量、频次明显超过合理范围的具体情况（如本年度已提出申请的件数和内容）（《条例》第三十五条）。");
        }

        if (replyBy <= step.On)
        {
            throw new RequestRuleException("说明理由的期限应晚于发出要求之日。");
        }

        RequireWithinAnswerPeriod(step, calendar, "要求说明理由", "第三十五条规定的处理应在答复期限内作出");
        Apply(new ReasonsRequested { On = step.On, By = step.By, Note = step.Note, Grounds = grounds.Trim(), ReplyBy = replyBy });
    }

    /// <summary>Art. 35: records the applicant's reasons and whether the office finds them reasonable.</summary>
    public void RecordReasons(Step step, string reasons, bool accepted)
    {
        Require(step, RequestStatus.Processing, "登记申请人说明的理由");
        if (ReasonsRequest is null)
        {
            throw new RequestRuleException("尚未要求申请人说明理由。");
        }

        if (ReasonsAnswer is not null)
        {
            throw new RequestRuleException("申请人说明的理由已经登记。");
        }

        if (!Reasons.IsStated(reasons))
        {
            throw new RequestRuleException("请记录申请人说明的理由。");
        }

        Apply(new ReasonsStated { On = step.On, By = step.By, Note = step.Note, Reasons = reasons.Trim(), Accepted = accepted });
    }

    /// <summary>Art. 43: what help was given to an applicant with reading, sight or hearing difficulties.</summary>
    public void RecordAssistance(Step step, string help)
    {
        CheckDate(step);
        if (Status == RequestStatus.Cancelled)
        {
            throw new RequestRuleException("申请已撤回。");
        }

        if (!Reasons.IsStated(help))
        {
            throw new RequestRuleException("请写明提供了哪些帮助（如代为填写申请、朗读答复、提供大字版或手语翻译）。");
        }

        Apply(new AssistanceProvided { On = step.On, By = step.By, Note = step.Note, Help = help.Trim() });
    }

    /// <summary>A fee notice (fee rules): the clock pauses until the fee is paid; unpaid after 20 working days, the request lapses.</summary>
    public void SendFeeNotice(Step step, FeeQuote quote, WorkingDayCalendar calendar, DateOnly? deliveredOn = null, bool awaitingDelivery = false)
    {
        Require(step, RequestStatus.Processing, "发出收费通知");
        if (!ProcessingFees.AppliesTo(ReceivedOn!.Value))
        {
            throw new RequestRuleException("信息处理费自 2021 年 1 月 1 日起施行，此前收到的申请不收费。");
        }

        if (FeeNotice is not null)
        {
            throw new RequestRuleException("本申请已发出过收费通知。");
        }

        if (quote.Amount <= 0)
        {
            throw new RequestRuleException("收费金额应大于零；不收费的申请无需发收费通知。");
        }

        CheckDelivery(step, deliveredOn, "收费通知");
        RequireWithinAnswerPeriod(step, calendar, "发出收费通知", "收费通知应当在政府信息公开申请处理期限内发出（《政府信息公开信息处理费管理办法》）");
        Apply(new FeeNoticeSent
        {
            On = step.On,
            By = step.By,
            Note = step.Note,
            Basis = quote.Basis,
            Amount = quote.Amount,
            Explanation = quote.Explanation,
            DeliveredOn = deliveredOn,
            AwaitingDelivery = awaitingDelivery && deliveredOn is null,
        });
    }

    /// <summary>
    /// Records the day a fee notice or a consultation letter reached its addressee, learnt after it was sent (the day
    /// signed for by post). The applicant's time to pay and the consultee's 15 working days run from it.
    /// </summary>
    public void RecordDelivery(Step step, DeliveredNotice notice, int? number, DateOnly deliveredOn)
    {
        // A reply's return receipt often comes back after the file was closed: its date may still be recorded.
        if (notice == DeliveredNotice.Reply && Status == RequestStatus.Archived)
        {
            CheckDay(step);
        }
        else
        {
            CheckDate(step);
        }

        DateOnly sent;
        switch (notice)
        {
            case DeliveredNotice.FeeNotice:
                var fee = FeeNotice ?? throw new RequestRuleException("本申请没有发出过收费通知。");
                if (fee.DeliveredOn is not null || !fee.AwaitingDelivery)
                {
                    throw new RequestRuleException("收费通知的送达日期已经记录。");
                }

                sent = fee.On;
                break;
            case DeliveredNotice.Consultation:
                var consultation = _consultations.FirstOrDefault(c => c.Number == number)
                    ?? throw new RequestRuleException($"没有第 {number} 次征求意见。");
                if (consultation.DeliveredOn is not null)
                {
                    throw new RequestRuleException($"第 {number} 次征求意见书的送达日期已经记录。");
                }

                sent = consultation.SentOn;
                break;
            case DeliveredNotice.Correction:
                var correction = CorrectionNotice ?? throw new RequestRuleException("本申请没有发出过补正通知。");
                if (correction.DeliveredOn is not null || !correction.AwaitingDelivery)
                {
                    throw new RequestRuleException("补正通知的送达日期已经记录。");
                }

                sent = correction.On;
                break;
            case DeliveredNotice.Reply:
                var reply = Delivery ?? throw new RequestRuleException("答复尚未送达。");
                if (reply.DeliveredOn is not null || !reply.AwaitingDelivery)
                {
                    throw new RequestRuleException("答复的送达日期已经记录。");
                }

                sent = reply.On;
                break;
            default:
                throw new RequestRuleException("请选择已送达的文书。");
        }

        if (deliveredOn < sent || deliveredOn > step.Today)
        {
            throw new RequestRuleException($"送达日期应在发出之日（{Iso(sent)}）至今天之间。");
        }

        Apply(new NoticeDelivered { On = step.On, By = step.By, Note = step.Note, Notice = notice, Number = number, DeliveredOn = deliveredOn });
    }

    public void RecordFeePaid(Step step, WorkingDayCalendar calendar)
    {
        Require(step, RequestStatus.AwaitingFee, "登记缴费");
        // Paid before the delivery was recorded: the applicant obviously had the notice, and is within time.
        if (FeePayBy(calendar) is { } payBy && step.On > payBy)
        {
            throw new RequestRuleException($"缴费期限已于 {Iso(payBy)} 届满，逾期未缴纳的视为放弃申请。");
        }

        Apply(new FeePaid { On = step.On, By = step.By, Note = step.Note });
    }

    public void LapseFee(Step step, WorkingDayCalendar calendar)
    {
        Require(step, RequestStatus.AwaitingFee, "按逾期未缴费处理");
        var payBy = FeePayBy(calendar)
            ?? throw new RequestRuleException("收费通知尚未记录送达日期：缴费期限自申请人收到通知次日起计算，请先登记送达日期。");
        if (step.On <= payBy)
        {
            throw new RequestRuleException($"缴费期限到 {Iso(payBy)} 才届满，届满后才能按逾期未缴费处理。");
        }

        Apply(new FeeLapsed { On = step.On, By = step.By, Note = step.Note });
    }

    /// <summary>The reply (Art. 36): one outcome as the report counts it, why, and the articles it rests on.</summary>
    public void Decide(Step step, Outcome outcome, string? reason, string? legalBasis, bool onTheSpot = false)
    {
        Require(step, RequestStatus.Processing, "作出答复");
        if (!Enum.IsDefined(outcome))
        {
            throw new RequestRuleException("请选择办理结果。");
        }

        if (outcome.IsLapse())
        {
            throw new RequestRuleException("逾期不补正、逾期未缴费由相应的“按逾期处理”步骤记录，不能直接选择。");
        }

        if (HasOpenConsultation)
        {
            throw new RequestRuleException("还有未结束的征求意见，请先记录对方意见或期满未答复。");
        }

        if (outcome.NeedsReason() && !Reasons.IsStated(reason))
        {
            throw new RequestRuleException($"“{outcome.DisplayName()}”须说明理由（《条例》第三十六条、第三十七条）：写明具体理由，不能只有标点或一两个字。");
        }

        if (outcome == Outcome.NotProcessedExcessive && !MayRefuseAsExcessive(step.On))
        {
            throw new RequestRuleException(ReasonsRequest is null
                ? "以“无正当理由大量反复申请”不予处理前，须先要求申请人说明理由（《条例》第三十五条）。"
                : ReasonsAnswer is { Accepted: true }
                    ? "已认为申请人说明的理由合理，不能再以“无正当理由大量反复申请”不予处理；无法按期答复的，可以确定延迟答复的合理期限。"
                    : $"申请人说明理由的期限到 {Iso(ReasonsRequest.ReplyBy)} 才届满：请登记申请人说明的理由，或期满后再作处理。");
        }

        if (outcome == Outcome.UnavailableUnclearAfterCorrection && CorrectionReceivedOn is null)
        {
            throw new RequestRuleException("“补正后申请内容仍不明确”只适用于已经补正过的申请。");
        }

        var basis = string.IsNullOrWhiteSpace(legalBasis) ? outcome.DefaultLegalBasis() : legalBasis.Trim();
        if (basis is null)
        {
            throw new RequestRuleException($"请填写“{outcome.DisplayName()}”所依据的条款。");
        }

        if (!Reasons.NamesALaw(basis))
        {
            throw new RequestRuleException($"依据“{(basis.Length > 20 ? basis[..20] + "…" : basis)}”没有写明法律法规的名称或条款，请写明如“《中华人民共和国政府信息公开条例》第十四条”。");
        }

        if (onTheSpot && (Channel != Channel.InPerson || step.On != ReceivedOn))
        {
            throw new RequestRuleException("当场答复只适用于当面提交、并在提交当日作出的答复（《条例》第三十三条第一款）。");
        }

        Apply(new Decided { On = step.On, By = step.By, Note = step.Note, Outcome = outcome, Reason = reason?.Trim() ?? "", LegalBasis = basis, OnTheSpot = onTheSpot });
    }

    /// <summary>
    /// The reply goes out. The day the applicant received it is recorded (当面、电子送达: that day; 邮寄: the day
    /// signed for, later if not yet known; 公告: the day the announcement says), because the time to seek review or
    /// to sue runs from it.
    /// </summary>
    public void Deliver(Step step, DeliveryMethod method, string? trackingNumber, DateOnly? deliveredOn = null)
    {
        Require(step, RequestStatus.Decided, "送达");
        if (!Enum.IsDefined(method))
        {
            throw new RequestRuleException("请选择送达方式。");
        }

        if (method == DeliveryMethod.Mail && string.IsNullOrWhiteSpace(trackingNumber))
        {
            throw new RequestRuleException("邮寄送达须填写邮件号码，以便查证送达时间。");
        }

        if (method == DeliveryMethod.Announcement)
        {
            if (string.IsNullOrWhiteSpace(step.Note))
            {
                throw new RequestRuleException("公告送达须在备注中写明无法直接送达的原因、公告的载体（如报纸、本机关网站）和公告期。");
            }

            if (deliveredOn is not { } deemed || deemed < step.On)
            {
                throw new RequestRuleException("公告送达须填写公告期满、视为送达的日期（不早于公告之日）。");
            }
        }
        else if (deliveredOn is { } d && (d < step.On || d > step.Today))
        {
            throw new RequestRuleException("答复的送达日期应在发出之日至今天之间。");
        }

        Apply(new Delivered
        {
            On = step.On,
            By = step.By,
            Note = step.Note,
            Method = method,
            TrackingNumber = trackingNumber?.Trim(),
            DeliveredOn = deliveredOn,
            AwaitingDelivery = method == DeliveryMethod.Mail && deliveredOn is null,
        });
    }

    /// <summary>
    /// The applicant's time to challenge the reply, from the day it was received: 行政复议 within 60 days
    /// (《行政复议法》第二十条), 行政诉讼 within 6 months (《行政诉讼法》第四十六条); a period ending on a day off ends
    /// on the first working day after it (the 期间 rules of 《民事诉讼法》, which both apply). Null until the delivery day is known or
    /// when the calendar cannot reckon it.
    /// </summary>
    public RemedyDeadlines? Remedies(WorkingDayCalendar calendar)
    {
        if (ReplyDeliveredOn is not { } received || Decision is null)
        {
            return null;
        }

        try
        {
            var review = NextWorkingDay(received.AddDays(60), calendar);
            var suit = NextWorkingDay(received.AddMonths(6), calendar);
            return new RemedyDeadlines(received, review, suit, calendar.IsProvisional(review) || calendar.IsProvisional(suit));
        }
        catch (DateOutsideCalendarException)
        {
            return null;
        }
    }

    private static DateOnly NextWorkingDay(DateOnly day, WorkingDayCalendar calendar)
    {
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// Art. 35: "行政机关认为申请理由不合理的，告知申请人不予处理" — only after asking, and only when the reasons given
    /// were found unreasonable or none came by the day set.
    /// </summary>
    private bool MayRefuseAsExcessive(DateOnly on) =>
        ReasonsRequest is { } asked && (ReasonsAnswer is { Accepted: false } || (ReasonsAnswer is null && on > asked.ReplyBy));

    public void Archive(Step step)
    {
        Require(step, RequestStatus.Delivered, "归档");
        Apply(new Archived { On = step.On, By = step.By, Note = step.Note });
    }

    /// <summary>
    /// The applicant withdraws. Before the office confirmed receipt nothing was ever received, so nothing is counted;
    /// afterwards the request closes as 其他处理 · 其他.
    /// </summary>
    public void Withdraw(Step step, string reason)
    {
        CheckDate(step);
        if (Status is not (RequestStatus.AwaitingConfirmation or RequestStatus.Processing or RequestStatus.AwaitingCorrection or RequestStatus.AwaitingFee))
        {
            throw new RequestRuleException($"申请当前状态为“{Status.DisplayName()}”，已不能撤回。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestRuleException("请记录撤回的方式或理由（如申请人书面撤回）。");
        }

        Apply(new Withdrawn { On = step.On, By = step.By, Note = step.Note, Reason = reason.Trim() });
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
