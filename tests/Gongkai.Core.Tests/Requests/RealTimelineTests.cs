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
}
