using Gongkai.Core.Calendar;

namespace Gongkai.Core.Requests;

/// <summary>Fees paid or lapsed, delivery of notices, the reply (Art. 36) and its delivery with the applicant's remedies, archive and withdrawal.</summary>
public sealed partial class InformationRequest
{
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
    /// <summary>
    /// Whether the information disclosed may go with the reply (files, a link to a published document): only when it
    /// is disclosed, in whole or in part. Refused with the reason otherwise.
    /// </summary>
    public void CheckDisclosedInformation()
    {
        if (Decision is not { Outcome: Outcome.Disclosed or Outcome.PartiallyDisclosed })
        {
            throw new RequestRuleException("只有“予以公开”或“部分公开”的答复才附所公开的信息。");
        }

        if (ArchivedOn is not null)
        {
            throw new RequestRuleException("该申请已归档，不能再办理。");
        }
    }

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
}
