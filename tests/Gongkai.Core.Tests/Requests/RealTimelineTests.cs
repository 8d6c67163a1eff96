using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Timelines as they happen in real offices, with dates computed by hand from the regulation and the official schedule.</summary>
public sealed class RealTimelineTests
{
    [Fact]
    public void A_consultee_who_never_answers_pauses_the_clock_only_for_its_15_working_days()
    {
        // Received Mon 2024-04-01; letter to a third party Mon 04-08, delivered that day, never answered.
        // The consultee's 15 working days from 04-08: 09-12 (4; 04-04…06 Qingming is before), 15-19 (9), 22-26 (14),
        // Sunday 04-28 a make-up working day (15): the pause ends 2024-04-28 and covers those 15 working days.
        // 20 + 15 = 35 working days after 04-01: 02, 03 (2); 07 (make-up Sunday, 3); 08-12 (8); 15-19 (13); 22-26 (18);
        // 28 (19); 29, 30 (21); May 1-5 holiday; 06-10 (26); Sat 05-11 make-up (27); 13-17 (32); 20, 21, 22 (35).
        var request = InPerson("2024-04-01");
        request.StartConsultation(On("2024-04-08"), ConsultationKind.ThirdParty, "某科技有限公司", Official);

        var clock = request.Clock("2024-06-28");

        Assert.Equal(Day("2024-05-22"), clock.Due);
        Assert.Equal(ClockState.Overdue, clock.State);
        Assert.Equal(15, clock.PausedWorkingDays);
        Assert.Contains(clock.Explanation, l => l.Contains("2024-04-28 征求意见期满", StringComparison.Ordinal) && l.Contains("第三十二条", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agency_that_never_answers_is_deemed_to_agree_and_the_request_is_not_paused_after()
    {
        var request = InPerson("2024-04-01");
        request.StartConsultation(On("2024-04-08"), ConsultationKind.Agency, "示例区财政局", Official);

        var during = request.Clock("2024-04-20");
        var after = request.Clock("2024-05-06");

        Assert.Equal(ClockState.Paused, during.State);
        Assert.Equal(ClockState.Running, after.State);
        Assert.Equal(Day("2024-05-22"), after.Due);
        Assert.Contains(after.Explanation, l => l.Contains("视为同意公开（《条例》第三十四条）", StringComparison.Ordinal));
    }

    [Fact]
    public void The_consultation_period_counts_from_the_day_the_letter_was_delivered()
    {
        // Sent Mon 2024-04-08, delivered Wed 04-10: 15 working days from 04-10 end Tue 2024-04-30
        // (11, 12 (2); 15-19 (7); 22-26 (12); Sunday 28 (13); 29 (14); 30 (15)).
        var request = InPerson("2024-04-01");
        var number = request.StartConsultation(On("2024-04-08"), ConsultationKind.ThirdParty, "甲公司", Official, deliveredOn: Day("2024-04-10"));

        Assert.Equal(Day("2024-04-30"), request.Consultations.Single(c => c.Number == number).PeriodEnds(Official));
    }

    [Fact]
    public void A_fee_notice_received_on_monday_may_be_paid_until_the_20th_working_day_after()
    {
        // Sent Fri 2025-03-28, received Mon 03-31. From 04-01: 01-03 (3); 04-04 Qingming; 07-11 (8); 14-18 (13);
        // 21-25 (18); Sunday 04-27 is a make-up working day (19); Mon 04-28 (20).
        var request = InPerson("2025-03-24");
        request.SendFeeNotice(On("2025-03-28"), FeeQuote.QuoteByPages(100), Official, deliveredOn: Day("2025-03-31"));

        Assert.Equal(Day("2025-04-28"), request.FeePayBy(Official));
        var lapse = Assert.Throws<RequestRuleException>(() => request.LapseFee(On("2025-04-28"), Official));
        request.RecordFeePaid(On("2025-04-28", Clerk), Official);

        Assert.Contains("2025-04-28 才届满", lapse.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Processing, request.Status);
    }

    [Fact]
    public void A_fee_notice_after_the_answer_deadline_is_refused_and_the_request_shows_overdue()
    {
        // Received Mon 2024-03-04: due 2024-04-01. A notice on 04-15 would pause an overdue request.
        var request = InPerson("2024-03-04");

        var refused = Assert.Throws<RequestRuleException>(() => request.SendFeeNotice(On("2024-04-15"), FeeQuote.QuoteByPages(100), Official));
        var consultation = Assert.Throws<RequestRuleException>(() => request.StartConsultation(On("2024-04-15"), ConsultationKind.ThirdParty, "甲公司", Official));

        Assert.Contains("答复期限已于 2024-04-01 届满", refused.Message, StringComparison.Ordinal);
        Assert.Contains("处理费管理办法", refused.Message, StringComparison.Ordinal);
        Assert.Contains("第三十三条第三款", consultation.Message, StringComparison.Ordinal);
        Assert.Equal(ClockState.Overdue, request.Clock("2024-04-15").State);
    }

    [Fact]
    public void An_unpaid_fee_stops_pausing_when_the_time_to_pay_runs_out()
    {
        // Notice Wed 2024-03-06, delivered that day, never paid: pay-by is the 20th working day after, 2024-04-03.
        var request = InPerson("2024-03-04");
        request.SendFeeNotice(On("2024-03-06"), FeeQuote.QuoteByPages(100), Official);

        var clock = request.Clock("2024-06-03");

        Assert.Equal(Day("2024-04-03"), request.FeePayBy(Official));
        Assert.NotEqual(ClockState.Paused, clock.State);
        Assert.Contains(clock.Explanation, l => l.Contains("缴费期限届满", StringComparison.Ordinal));
    }
}

public sealed class OrdinaryLetterTests
{
    [Fact]
    public void An_ordinary_letter_confirmed_a_week_late_is_still_due_from_its_arrival()
    {
        // Arrived Mon 2025-01-20, confirmed 01-27. From 01-20: 21-24 (4); Sunday 01-26 make-up (5); 27 (6);
        // 01-28…02-04 Spring Festival; 05-07 (9); Saturday 02-08 make-up (10); 10-14 (15); 17-21 (20): 2025-02-21
        // (counted from the confirmation it would be 2025-03-03).
        var request = InformationRequest.Submit(Channel.OrdinaryMail, ApplicantType.NaturalPerson, On("2025-01-20", Clerk));

        var refused = Assert.Throws<RequestRuleException>(() => request.ConfirmReceipt(On("2025-01-27", Clerk)));
        request.ConfirmReceipt(On("2025-01-27", Clerk) with { Note = "来信未留电话，经邮政查询后联系上申请人" });
        var clock = request.Clock("2025-01-27");

        Assert.Contains("第三十一条第（二）项", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Day("2025-01-27"), request.ReceivedOn);
        Assert.Equal(Day("2025-02-21"), clock.Due);
        Assert.Contains(clock.Explanation, l => l.Contains("平信于 2025-01-20 到达，2025-01-27 才与申请人确认", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ordinary_letter_confirmed_the_day_it_arrives_needs_no_reason()
    {
        var request = InformationRequest.Submit(Channel.OrdinaryMail, ApplicantType.NaturalPerson, On("2025-01-20", Clerk));
        request.ConfirmReceipt(On("2025-01-20", Clerk));

        Assert.Equal(Day("2025-01-20"), request.ClockStart);
    }
}

public sealed class DeliveryRecordedLaterTests
{
    [Fact]
    public void A_fee_notice_sent_by_post_waits_for_its_delivery_before_the_time_to_pay_runs()
    {
        // Sent Fri 2025-03-28 by post; signed for Mon 03-31, learnt and recorded on 04-02: payable until 2025-04-28.
        var request = InPerson("2025-03-24");
        request.SendFeeNotice(On("2025-03-28"), FeeQuote.QuoteByPages(100), Official, awaitingDelivery: true);

        var waiting = request.Clock("2025-04-01");
        var lapse = Assert.Throws<RequestRuleException>(() => request.LapseFee(On("2025-04-01"), Official));
        request.RecordDelivery(On("2025-04-02", Clerk), DeliveredNotice.FeeNotice, null, Day("2025-03-31"));

        Assert.Null(waiting.PausedUntil);
        Assert.Equal(ClockState.Paused, waiting.State);
        Assert.Contains(waiting.Explanation, l => l.Contains("尚未记录送达日期", StringComparison.Ordinal));
        Assert.Contains("先登记送达日期", lapse.Message, StringComparison.Ordinal);
        Assert.Equal(Day("2025-04-28"), request.FeePayBy(Official));
        Assert.Throws<RequestRuleException>(() => request.RecordDelivery(On("2025-04-03", Clerk), DeliveredNotice.FeeNotice, null, Day("2025-03-31")));
    }

    [Fact]
    public void A_consultation_letter_signed_for_later_moves_the_end_of_its_period()
    {
        // Sent Mon 2024-04-08; recorded on 04-12 as signed for Wed 04-10: the period ends 2024-04-30 instead of 04-28.
        var request = InPerson("2024-04-01");
        var number = request.StartConsultation(On("2024-04-08"), ConsultationKind.ThirdParty, "甲公司", Official);

        var refused = Assert.Throws<RequestRuleException>(() => request.RecordDelivery(On("2024-04-12", Clerk), DeliveredNotice.Consultation, number, Day("2024-04-05")));
        request.RecordDelivery(On("2024-04-12", Clerk), DeliveredNotice.Consultation, number, Day("2024-04-10"));

        Assert.Contains("送达日期应在发出之日", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Day("2024-04-30"), request.Consultations.Single().PeriodEnds(Official));
        Assert.Equal(ClockState.Paused, request.Clock("2024-04-29").State);
    }

    [Fact]
    public void A_posted_correction_notice_gives_its_working_days_from_the_day_it_was_signed_for()
    {
        // Received Mon 2024-05-06; notice posted Wed 05-08 with 15 working days, signed for Mon 05-13.
        // From 05-13: 14-17 (4), 20-24 (9), 27-31 (14), Mon 06-03 (15). Counted from sending it would have been
        // 05-28 (09, 10, Sat 11 a make-up day, 13-17, 20-24, 27, 28).
        var request = InPerson("2024-05-06");
        request.RequestCorrection(On("2024-05-08"), "请写明所需文件的年份", 15, Official, awaitingDelivery: true);

        Assert.Null(request.CorrectionDueOn(Official));
        Assert.Equal(ClockState.Stopped, request.Clock("2024-05-10").State);
        Assert.Contains(request.Clock("2024-05-10").Explanation, l => l.Contains("尚未记录签收日期", StringComparison.Ordinal));
        var lapse = Assert.Throws<RequestRuleException>(() => request.LapseCorrection(On("2024-07-01"), Official));
        Assert.Contains("尚未记录送达日期", lapse.Message, StringComparison.Ordinal);

        request.RecordDelivery(On("2024-05-14", Clerk), DeliveredNotice.Correction, null, Day("2024-05-13"));

        Assert.Equal(Day("2024-06-03"), request.CorrectionDueOn(Official));
        Assert.Contains(request.Clock("2024-05-14").Explanation, l => l.Contains("（2024-05-13 送达），至 2024-06-03", StringComparison.Ordinal));
        var early = Assert.Throws<RequestRuleException>(() => request.LapseCorrection(On("2024-06-03"), Official));
        Assert.Contains("2024-06-03 才届满", early.Message, StringComparison.Ordinal);

        // Corrected on the last day: on time; the 20 working days run afresh from it (06-10 is the Dragon Boat Festival).
        request.ReceiveCorrection(On("2024-06-03", Clerk), Official);
        Assert.Equal(Day("2024-07-02"), request.Clock("2024-06-03").Due);
    }

    [Fact]
    public void A_correction_notice_handed_over_counts_its_working_days_from_that_day_and_lapses_after()
    {
        var request = InPerson("2024-05-06");
        request.RequestCorrection(On("2024-05-08"), "请写明所需文件的年份", 15, Official);

        Assert.Equal(Day("2024-05-28"), request.CorrectionDueOn(Official));
        Assert.Throws<RequestRuleException>(() => request.ReceiveCorrection(On("2024-05-29", Clerk), Official));
        request.LapseCorrection(On("2024-05-29"), Official);
        Assert.Equal(Outcome.OtherCorrectionNotSupplied, request.Decision!.Outcome);
    }

    [Fact]
    public void A_late_correction_notice_is_marked_late_in_its_history_and_explanation()
    {
        // Received Mon 2024-05-06: the 7th working day is Tue 05-14 (07-10, Sat 11 a make-up day, 13, 14).
        var request = InPerson("2024-05-06");
        var warning = request.RequestCorrection(On("2024-05-15"), "请写明所需文件的年份", 10, Official);

        Assert.Contains("最迟 2024-05-14", warning, StringComparison.Ordinal);
        Assert.True(((CorrectionRequested)request.History[^1]).Late);
        Assert.Contains(request.Clock("2024-05-15").Explanation, l => l.Contains("晚于收到申请后 7 个工作日发出", StringComparison.Ordinal));
    }

    [Fact]
    public void A_posted_reply_gives_the_applicant_60_days_and_6_months_from_the_day_it_was_signed_for()
    {
        // Signed for Tue 2024-04-02. 行政复议: 60 days → Sat 06-01, a day off → Mon 06-03.
        // 行政诉讼: 6 months → Wed 10-02, inside the National Day break (10-01…07) → Tue 10-08.
        var request = InPerson("2024-03-04");
        request.Decide(On("2024-03-29"), Outcome.Disclosed, null, null);
        request.Deliver(On("2024-03-29", Clerk), DeliveryMethod.Mail, "EMS1234567890");

        Assert.Null(request.ReplyDeliveredOn);
        Assert.Null(request.Remedies(Official));
        Assert.Contains(request.Clock("2024-03-30").Explanation, l => l.Contains("尚未记录签收日期", StringComparison.Ordinal));

        request.Archive(On("2024-03-30", Clerk));
        // The return receipt comes back after the file was closed: its date is still recorded.
        request.RecordDelivery(On("2024-04-08", Clerk), DeliveredNotice.Reply, null, Day("2024-04-02"));

        var remedies = request.Remedies(Official)!;
        Assert.Equal(Day("2024-06-03"), remedies.ReviewBy);
        Assert.Equal(Day("2024-10-08"), remedies.SueBy);
        Assert.Contains(request.Clock("2024-04-08").Explanation, l => l.Contains("2024-06-03 前申请行政复议", StringComparison.Ordinal) && l.Contains("2024-10-08 前提起行政诉讼", StringComparison.Ordinal));
        Assert.Throws<RequestRuleException>(() => request.RecordDelivery(On("2024-04-09", Clerk), DeliveredNotice.Reply, null, Day("2024-04-03")));
    }

    [Fact]
    public void A_reply_delivered_by_announcement_needs_the_reason_and_the_day_it_is_deemed_delivered()
    {
        var request = InPerson("2024-03-04");
        request.Decide(On("2024-03-29"), Outcome.Disclosed, null, null);

        Assert.Throws<RequestRuleException>(() => request.Deliver(On("2024-04-01", Clerk), DeliveryMethod.Announcement, null, Day("2024-05-01")));
        Assert.Throws<RequestRuleException>(() => request.Deliver(new Step(Day("2024-04-01"), Clerk, Day("2026-12-31"), "邮寄被退回，电话无法接通；在本机关网站公告 30 日"), DeliveryMethod.Announcement, null, null));
        request.Deliver(new Step(Day("2024-04-01"), Clerk, Day("2026-12-31"), "邮寄被退回，电话无法接通；在本机关网站公告 30 日"), DeliveryMethod.Announcement, null, Day("2024-05-01"));

        Assert.Equal(Day("2024-05-01"), request.ReplyDeliveredOn);
        // 60 days after 05-01 is Sun 06-30 → Mon 07-01.
        Assert.Equal(Day("2024-07-01"), request.Remedies(Official)!.ReviewBy);
        Assert.Contains(request.Clock("2024-05-02").Explanation, l => l.Contains("公告送达，2024-05-01 视为送达", StringComparison.Ordinal));
    }

    [Fact]
    public void Art_35_refusal_needs_the_applicant_asked_for_reasons_and_the_reasons_found_wanting()
    {
        // Received Mon 2024-03-04, due Mon 04-01. Asking for reasons does not stop the clock.
        var request = InPerson("2024-03-04");

        var unasked = Assert.Throws<RequestRuleException>(() => request.Decide(On("2024-03-05"), Outcome.NotProcessedExcessive, "本年度已提出 120 件同类申请", null));
        Assert.Contains("须先要求申请人说明理由", unasked.Message, StringComparison.Ordinal);
        Assert.Throws<RequestRuleException>(() => request.SetReasonableDeadline(On("2024-03-05"), Day("2024-05-31"), "理由合理但数量很大", Official));

        request.RequestReasons(On("2024-03-05"), "本年度已就同类事项提出 120 件申请", Day("2024-03-12"), Official);
        Assert.Equal(Day("2024-04-01"), request.Clock("2024-03-06").Due);
        Assert.Equal(ClockState.Running, request.Clock("2024-03-06").State);
        var early = Assert.Throws<RequestRuleException>(() => request.Decide(On("2024-03-08"), Outcome.NotProcessedExcessive, "本年度已提出 120 件同类申请", null));
        Assert.Contains("2024-03-12 才届满", early.Message, StringComparison.Ordinal);

        // No answer by the day set: the office may refuse.
        request.Decide(On("2024-03-13"), Outcome.NotProcessedExcessive, "本年度已提出 120 件同类申请，经要求未说明理由", null);
        Assert.Equal("《中华人民共和国政府信息公开条例》第三十五条", request.Decision!.LegalBasis);
    }

    [Fact]
    public void Art_35_reasons_found_reasonable_allow_a_reasonable_deadline_and_forbid_the_refusal()
    {
        var request = InPerson("2024-03-04");
        request.RequestReasons(On("2024-03-05"), "本年度已就同类事项提出 120 件申请", Day("2024-03-12"), Official);
        request.RecordReasons(On("2024-03-11"), "编写村志需要历年档案", accepted: true);

        Assert.Throws<RequestRuleException>(() => request.Decide(On("2024-03-13"), Outcome.NotProcessedExcessive, "数量太多", null));
        request.SetReasonableDeadline(On("2024-03-13"), Day("2024-05-31"), "涉及 1990 年以来的档案，需逐件检索", Official);

        var clock = request.Clock("2024-04-15");
        Assert.Equal(Day("2024-05-31"), clock.Due);
        Assert.Contains(clock.Explanation, l => l.Contains("依《条例》第三十五条要求申请人于 2024-03-12 前说明理由", StringComparison.Ordinal));
        Assert.Contains(clock.Explanation, l => l.Contains("理由合理", StringComparison.Ordinal));
    }

    [Fact]
    public void Art_35_steps_after_the_answer_deadline_are_refused()
    {
        var request = InPerson("2024-03-04");

        var e = Assert.Throws<RequestRuleException>(() => request.RequestReasons(On("2024-04-02"), "本年度已就同类事项提出 120 件申请", Day("2024-04-09"), Official));
        Assert.Contains("2024-04-01 届满", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Art_43_help_given_is_recorded_with_what_was_done()
    {
        var request = InPerson("2024-03-04");

        Assert.Throws<RequestRuleException>(() => request.RecordAssistance(On("2024-03-04", Clerk), "。"));
        request.RecordAssistance(On("2024-03-04", Clerk), "申请人视力障碍，由登记员代为填写申请表并朗读确认");

        Assert.Single(request.Assistance);
        Assert.Equal("申请人视力障碍，由登记员代为填写申请表并朗读确认", request.Assistance[0].Help);
        var replayed = InformationRequest.Replay(System.Text.Json.JsonSerializer.Deserialize<List<RequestEvent>>(System.Text.Json.JsonSerializer.Serialize(request.History.ToList()))!);
        Assert.Single(replayed.Assistance);
    }
}
