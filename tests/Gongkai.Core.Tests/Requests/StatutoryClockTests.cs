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
        request.ReceiveCorrection(On("2024-05-20", Clerk), Official);
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
    public void A_request_received_2026_12_04_is_provisionally_due_2027_01_04()
    {
        // Received in person Fri 2026-12-04; the schedule ends with 2026. Day 1 is Mon 12-07: 12-07…11 (1-5),
        // 12-14…18 (6-10), 12-21…25 (11-15), 12-28…31 (16-19). Fri 2027-01-01 is New Year's Day by law, 01-02 and
        // 01-03 the weekend, so day 20 is Monday 2027-01-04 — provisional: the 2027 notice may add a bridge or a
        // make-up day.
        var request = InPerson("2026-12-04");

        var clock = request.Clock("2026-12-04");

        Assert.Equal(Day("2027-01-04"), clock.Due);
        Assert.True(clock.Provisional);
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Contains("其中 2027-01-01 为法定节假日（元旦，预计），不计算在内。", clock.Explanation);
        Assert.Contains("答复期限：2027-01-04（预计）。", clock.Explanation);
        Assert.Equal("答复期限 2027-01-04 为预计日期：2027年国务院节假日安排尚未公布，按《全国年节及纪念日放假办法》规定的节日和周末推算，公布后重新计算。", clock.Explanation[^1]);
        Assert.Null(clock.Problem);
    }

    [Fact]
    public void The_worked_example_of_clock_md_received_2026_12_15_is_due_2027_01_13()
    {
        // Tue 2026-12-15: 12-16…18 (1-3), 12-21…25 (4-8), 12-28…31 (9-12), 2027-01-01 off by law,
        // 01-04…08 (13-17), 01-11 (18), 01-12 (19), 01-13 (20).
        var clock = InPerson("2026-12-15").Clock("2026-12-15");

        Assert.Equal(Day("2027-01-13"), clock.Due);
        Assert.True(clock.Provisional);
    }

    [Fact]
    public void A_deadline_across_the_2027_spring_festival_skips_new_years_eve_to_the_third_day()
    {
        // Received Wed 2027-01-20 with no 2027 schedule. By law 除夕 Fri 02-05 to 初三 Mon 02-08 are off (正月初一 is
        // 02-06). 01-21, 01-22 (1-2), 01-25…29 (3-7), 02-01…04 (8-11), 02-05…08 off, 02-09…12 (12-15),
        // 02-15…19 (16-20): due Friday 2027-02-19 (预计).
        var step = new Step(Day("2027-01-20"), Clerk, Day("2027-01-20"));
        var request = InformationRequest.Submit(Channel.InPerson, ApplicantType.NaturalPerson, step);

        var clock = StatutoryClock.Compute(request, Official, Day("2027-01-20"));

        Assert.Equal(Day("2027-02-19"), clock.Due);
        Assert.True(clock.Provisional);
        Assert.Contains("其中 2027-02-05 至 2027-02-08 为法定节假日（春节，预计），不计算在内。", clock.Explanation);
    }

    [Fact]
    public void A_deadline_within_the_schedule_is_not_provisional()
    {
        // Thu 2026-12-03: 12-04 (1), 12-07…11 (2-6), 12-14…18 (7-11), 12-21…25 (12-16), 12-28…31 (17-20).
        var clock = InPerson("2026-12-03").Clock("2026-12-03");

        Assert.Equal(Day("2026-12-31"), clock.Due);
        Assert.False(clock.Provisional);
        Assert.DoesNotContain(clock.Explanation, l => l.Contains("预计", StringComparison.Ordinal));
    }

    [Fact]
    public void An_open_pause_reaching_past_the_schedule_makes_the_deadline_provisional()
    {
        // Received Tue 2026-12-01 (due 12-29); a consultation sent Tue 12-22 is still open on Fri 2027-01-08, within
        // the agency's 15 working days (12-23…31 (7), 01-01 a provisional holiday, 01-04…08 (12), 01-11…13 (15)):
        // the excluded days 2027-01-04…08 are provisional, so the due date rests on them.
        var request = InPerson("2026-12-01");
        request.StartConsultation(On("2026-12-22"), ConsultationKind.Agency, "示例区财政局", Official);

        var clock = StatutoryClock.Compute(request, Official, Day("2027-01-08"));

        Assert.Equal(ClockState.Paused, clock.State);
        Assert.True(clock.Provisional);
    }

    [Fact]
    public void New_schedules_move_a_provisional_deadline_either_way()
    {
        // Hypothetical 2027 notices. A bridge: 01-01…01-04 off, Saturday 01-09 worked. The 2026-12-04 request's
        // day 20 was Mon 01-04 (see above); now 01-04 is off and Tue 01-05 is day 20.
        var bridged = With2027(["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"], ["2027-01-09"]);
        // A make-up Saturday 01-09: the 2026-12-15 request's 01-04…08 (13-17), Sat 01-09 (18), 01-11 (19), 01-12 (20).
        var madeUp = With2027(["2027-01-01", "2027-01-02", "2027-01-03"], ["2027-01-09"]);

        var fourth = StatutoryClock.Compute(InPerson("2026-12-04"), bridged, Day("2026-12-04"));
        var fifteenth = StatutoryClock.Compute(InPerson("2026-12-15"), madeUp, Day("2026-12-15"));

        Assert.Equal(Day("2027-01-05"), fourth.Due);
        Assert.False(fourth.Provisional);
        Assert.Equal(Day("2027-01-12"), fifteenth.Due);
        Assert.False(fifteenth.Provisional);
        Assert.Contains("其中 2027-01-01 至 2027-01-04 为法定节假日，不计算在内。", fourth.Explanation);
    }

    [Fact]
    public void A_reasonable_deadline_set_by_decision_is_not_provisional()
    {
        var request = InPerson("2026-12-04");
        request.RequestReasons(On("2026-12-07"), "本年度已就同类事项提出 120 件申请", Day("2026-12-09"), Official);
        request.RecordReasons(On("2026-12-09"), "为编写地方志需要，理由合理", accepted: true);
        request.SetReasonableDeadline(On("2026-12-10"), Day("2027-03-31"), "申请内容涉及十年档案，数量明显超出合理范围", Official);

        var clock = request.Clock("2026-12-10");

        Assert.Equal(Day("2027-03-31"), clock.Due);
        Assert.False(clock.Provisional);
    }

    [Fact]
    public void A_deadline_before_the_schedule_is_unknown_and_the_applicant_is_not_told_to_import_anything()
    {
        // The schedule starts with 2019: a request received in 2018 cannot be counted.
        var step = new Step(Day("2018-12-20"), Clerk, Day("2018-12-20"));
        var request = InformationRequest.Submit(Channel.InPerson, ApplicantType.NaturalPerson, step);

        var clock = StatutoryClock.Compute(request, Official, Day("2018-12-20"));

        Assert.Null(clock.Due);
        Assert.Equal(ClockState.Unknown, clock.State);
        Assert.Contains("早于节假日安排数据的范围", clock.Problem);
        Assert.DoesNotContain(clock.Explanation, l => l.Contains("管理员", StringComparison.Ordinal));
    }

    private static WorkingDayCalendar With2027(string[] holidays, string[] workdays) =>
        new(Official.Schedule.With([new HolidayYear(2027, holidays.Select(Day).ToList(), workdays.Select(Day).ToList())]));

    [Fact]
    public void Working_days_left_count_to_the_due_date()
    {
        var request = InPerson("2024-03-04");

        var clock = request.Clock("2024-03-27");

        Assert.Equal(3, clock.WorkingDaysLeft(Official, Day("2024-03-27")));
    }
}
