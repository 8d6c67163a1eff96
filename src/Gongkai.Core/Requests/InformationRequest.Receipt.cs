using Gongkai.Core.Calendar;

namespace Gongkai.Core.Requests;

/// <summary>The request arrives and is put right: receipt confirmed (Art. 31) and correction asked, received or lapsed (Art. 30).</summary>
public sealed partial class InformationRequest
{
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

    /// <summary>The longest correction an applicant may type on the tracking page.</summary>
    public const int MaxCorrectionText = 2000;

    /// <summary>
    /// The corrected request arrived: the 20 working days count afresh from that day (Art. 30). <paramref name="supplied"/>
    /// is what the applicant wrote when correcting online (kept in the history for the handler).
    /// </summary>
    public void ReceiveCorrection(Step step, WorkingDayCalendar calendar, string? supplied = null)
    {
        Require(step, RequestStatus.AwaitingCorrection, "登记补正材料");
        if (step.By == Actor.Applicant && !Reasons.IsStated(supplied))
        {
            throw new RequestRuleException("请写明补正的内容（按补正通知的要求说明所需信息的名称、文号或其他特征）。");
        }

        if (supplied?.Trim().Length > MaxCorrectionText)
        {
            throw new RequestRuleException($"补正内容不能超过 {MaxCorrectionText} 个字，现为 {supplied.Trim().Length} 个字。");
        }

        // Corrected before the signed date was recorded: the applicant obviously had the notice, and is within time.
        if (CorrectionDueOn(calendar) is { } due && step.On > due)
        {
            throw new RequestRuleException($"补正期限已于 {Iso(due)} 届满。逾期补正的，视为放弃申请；如申请人有正当理由，请在备注中说明后作为新申请登记。");
        }

        Apply(new CorrectionReceived { On = step.On, By = step.By, Note = step.Note, Supplied = string.IsNullOrWhiteSpace(supplied) ? null : supplied.Trim() });
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
}
