using Gongkai.Core.Calendar;

namespace Gongkai.Core.Requests;

/// <summary>What stops or moves the clock, and Art. 35 and Art. 43: consultation (Arts. 32, 34), extension (Art. 33), a reasonable later deadline, reasons asked and recorded, help given, the fee notice.</summary>
public sealed partial class InformationRequest
{
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
}
