using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Requests;

public sealed class StatutoryClockTests
{
    [Fact]
    public void An_ordinary_request_is_due_20_working_days_after_receipt()
    {
        // 2024-03-04 (Mon): day 1 = 03-05 … 03-29 is day 19, 04-01 is day 20 (Qingming falls later).
        var request = InPerson("2024-03-04");

        var clock = request.Clock("2024-03-04");

        Assert.Equal(Day("2024-04-01"), clock.Due);
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Contains(clock.Explanation, l => l.Contains("当面提交，以提交之日为收到申请之日", StringComparison.Ordinal));
        Assert.Equal("答复期限：2024-04-01。", clock.Explanation[^1]);
    }

    [Fact]
    public void Across_national_day_with_a_make_up_saturday_clock_md_example_1()
    {
        // clock.md 1: 10-01…10-08 off; Sat 10-10 works: day 3 = 10-09, day 4 = 10-10, day 20 = 11-02.
        var request = OnlineConfirmed("2020-09-27", "2020-09-28");

        var clock = request.Clock("2020-09-28");

        Assert.Equal(Day("2020-11-02"), clock.Due);
        Assert.Contains("其中 2020-10-01 至 2020-10-08 为法定节假日，不计算在内。", clock.Explanation);
        Assert.Contains("其中 2020-10-10（周六）为调休上班日，计为工作日。", clock.Explanation);
        Assert.Contains(clock.Explanation, l => l.Contains("以双方确认之日为收到申请之日", StringComparison.Ordinal));
    }

    [Fact]
    public void Across_the_extended_2020_spring_festival_clock_md_example_2()
    {
        var request = InPerson("2020-01-20");

        Assert.Equal(Day("2020-02-25"), request.Clock("2020-01-20").Due);
    }

    [Fact]
    public void A_correction_restarts_the_count_from_the_corrected_request_clock_md_example_3()
    {
        var request = InPerson("2024-05-06");
        request.RequestCorrection(On("2024-05-08"), "请写明所需文件的名称或文号", Day("2024-05-31"), Official);

        var waiting = request.Clock("2024-05-10");
        request.ReceiveCorrection(On("2024-05-20", Clerk));
        var restarted = request.Clock("2024-05-20");

        Assert.Null(waiting.Due);
        Assert.Equal(ClockState.Stopped, waiting.State);
        // 05-20 + 20 working days, the Dragon Boat holiday 06-10 skipped: 2024-06-18.
        Assert.Equal(Day("2024-06-18"), restarted.Due);
        Assert.Contains(restarted.Explanation, l => l.Contains("收到补正后的申请", StringComparison.Ordinal));
    }

    [Fact]
    public void Third_party_consultation_days_are_not_counted()
    {
        // Letter Mon 03-11, answer Fri 03-15: 03-12…03-15 (4 working days) excluded. 24 working days after 03-04:
        // 04-01 is day 20, 04-02, 04-03, then Qingming 04-04…04-06, Sunday 04-07 works (23), 04-08 (24).
        var request = InPerson("2024-03-04");
        var number = request.StartConsultation(On("2024-03-11"), ConsultationKind.ThirdParty, "某科技有限公司", Official);
        request.EndConsultation(On("2024-03-15"), number, "不同意公开，理由：涉及商业秘密");

        var clock = request.Clock("2024-03-20");

        Assert.Equal(4, clock.PausedWorkingDays);
        Assert.Equal(Day("2024-04-08"), clock.Due);
        Assert.Contains(clock.Explanation, l => l.Contains("征求第三方（某科技有限公司）意见，至 2024-03-15：4 个工作日不计入答复期限", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlapping_consultations_exclude_each_day_once()
    {
        // Third party 03-11→03-15, agency 03-13→03-19: union 12,13,14,15,18,19 = 6 days; 26 working days → 04-10.
        var request = InPerson("2024-03-04");
        var a = request.StartConsultation(On("2024-03-11"), ConsultationKind.ThirdParty, "甲公司", Official);
        var b = request.StartConsultation(On("2024-03-13"), ConsultationKind.Agency, "示例区财政局", Official);
        request.EndConsultation(On("2024-03-15"), a, "同意公开");
        request.EndConsultation(On("2024-03-19"), b, "期满未提出意见，视为同意公开");

        var clock = request.Clock("2024-03-19");

        Assert.Equal(6, clock.PausedWorkingDays);
        Assert.Equal(Day("2024-04-10"), clock.Due);
    }

    [Fact]
    public void An_open_consultation_pauses_the_clock_up_to_today()
    {
        var request = InPerson("2024-03-04");
        request.StartConsultation(On("2024-03-11"), ConsultationKind.ThirdParty, "甲公司", Official);

        var clock = request.Clock("2024-03-14");

        Assert.Equal(ClockState.Paused, clock.State);
        Assert.Equal(3, clock.PausedWorkingDays);
        Assert.Equal(Day("2024-04-07"), clock.Due);
        Assert.Contains(clock.Explanation, l => l.Contains("尚未结束（计至今日）", StringComparison.Ordinal));
    }

    [Fact]
    public void An_extension_adds_its_working_days()
    {
        // 40 working days after 2024-03-04: … 04-26 (38), Sunday 04-28 is a make-up day (39), 04-29 (40).
        var request = InPerson("2024-03-04");
        request.Extend(On("2024-03-28"), 20, Head, "需要调取多年档案", Official);

        var clock = request.Clock("2024-03-28");

        Assert.Equal(Day("2024-04-29"), clock.Due);
        Assert.Contains(clock.Explanation, l => l.Contains("经张科长同意延长 20 个工作日", StringComparison.Ordinal));
        Assert.Contains("其中 2024-04-28（周日）为调休上班日，计为工作日。", clock.Explanation);
    }

    [Fact]
    public void The_fee_period_is_not_counted()
    {
        // Notice Wed 03-06, paid Tue 03-12: 03-07, 03-08, 03-11, 03-12 excluded → 24 working days → 04-08.
        var request = InPerson("2024-03-04");
        request.SendFeeNotice(On("2024-03-06"), FeeQuote.QuoteByPages(100), Official);
        var paused = request.Clock("2024-03-08");
        request.RecordFeePaid(On("2024-03-12", Clerk), Official);

        var clock = request.Clock("2024-03-12");

        Assert.Equal(ClockState.Paused, paused.State);
        Assert.Equal(RequestStatus.Processing, request.Status);
        Assert.Equal(4, clock.PausedWorkingDays);
        Assert.Equal(Day("2024-04-08"), clock.Due);
    }

    [Fact]
    public void A_changed_calendar_moves_the_deadline_of_an_open_request()
    {
        var request = InPerson("2024-03-04");
        var before = request.Clock("2024-03-05").Due;
        // Suppose a corrected 2024 schedule adds a holiday on Friday 2024-03-15.
        var y2024 = Official.Schedule.Year(2024)!;
        var corrected = new WorkingDayCalendar(Official.Schedule.With([y2024 with { Holidays = [.. y2024.Holidays, Day("2024-03-15")] }]));

        var after = StatutoryClock.Compute(request, corrected, Day("2024-03-05")).Due;
        request.RecordDeadlineChange(On("2024-03-05", Actor.System), before, after, "节假日安排变更（版本 2）");

        Assert.Equal(Day("2024-04-01"), before);
        Assert.Equal(Day("2024-04-02"), after);
        var change = Assert.IsType<DeadlineRecomputed>(request.History[^1]);
        Assert.Equal(before, change.OldDue);
        Assert.Equal(after, change.NewDue);
    }

    [Fact]
    public void An_unchanged_deadline_records_nothing()
    {
        var request = InPerson("2024-03-04");

        request.RecordDeadlineChange(On("2024-03-05", Actor.System), Day("2024-04-01"), Day("2024-04-01"), "节假日安排变更");

        Assert.Single(request.History);
    }

    [Fact]
    public void Open_after_the_due_date_is_overdue_and_a_late_decision_is_late()
    {
        var request = InPerson("2024-03-04");

        var overdue = request.Clock("2024-04-02");
        request.Decide(On("2024-04-03"), Outcome.Disclosed, null, null);
        var decided = request.Clock("2024-05-01");

        Assert.Equal(ClockState.Overdue, overdue.State);
        Assert.Equal(ClockState.Late, decided.State);
        Assert.Contains(decided.Explanation, l => l.Contains("晚于答复期限", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_awaiting_confirmation_has_no_clock()
    {
        var request = InformationRequest.Submit(Channel.Fax, ApplicantType.Business, On("2024-03-04", Actor.Applicant));

        var clock = request.Clock("2024-03-20");

        Assert.Null(clock.Due);
        Assert.Equal(ClockState.NotStarted, clock.State);
        Assert.Contains(clock.Explanation, l => l.Contains("尚未确认", StringComparison.Ordinal));
    }

    [Fact]
    public void An_on_the_spot_reply_is_due_the_day_it_was_received()
    {
        var request = InPerson("2024-03-04");
        request.Decide(On("2024-03-04"), Outcome.Disclosed, null, null, onTheSpot: true);

        var clock = request.Clock("2024-03-04");

        Assert.Equal(Day("2024-03-04"), clock.Due);
        Assert.Equal(ClockState.Met, clock.State);
    }

    [Fact]
    public void A_deadline_beyond_the_calendar_is_unknown_not_guessed()
    {
        var request = InPerson("2026-12-10");

        var clock = request.Clock("2026-12-10");

        Assert.Null(clock.Due);
        Assert.Equal(ClockState.Unknown, clock.State);
        Assert.Contains("超出了节假日安排数据的范围", clock.Problem);
    }

    [Fact]
    public void Working_days_left_count_to_the_due_date()
    {
        var request = InPerson("2024-03-04");

        var clock = request.Clock("2024-03-27");

        Assert.Equal(3, clock.WorkingDaysLeft(Official, Day("2024-03-27")));
    }
}
