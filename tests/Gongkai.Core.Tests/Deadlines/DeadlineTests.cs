using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Deadlines;

/// <summary>Plain periods counted by hand from cn-holidays.json (reasoning in each comment).</summary>
public sealed class DeadlineTests
{
    private static readonly WorkingDays Twenty = new(20);
    private readonly WorkingDayCalendar _calendar = ProductCalendar();

    [Fact]
    public void A_period_across_the_2025_national_day_break_skips_it_and_counts_both_make_up_days()
    {
        // From Fri 2025-09-26: Sun 09-28 (1, make-up), 09-29 (2), 09-30 (3), 10-01…08 off, 10-09 (4), 10-10 (5),
        // Sat 10-11 (6, make-up), 10-13…17 (7-11), 10-20…24 (12-16), 10-27…30 (17-20).
        var deadline = Deadline.Count(_calendar, Day("2025-09-26"), Twenty, Day("2025-09-26"), null, "发布期限");

        Assert.Equal(Day("2025-10-30"), deadline.Due);
        Assert.False(deadline.Provisional);
        Assert.Equal(DeadlineState.Running, deadline.State);
        Assert.Equal(Twenty, deadline.Left);
        Assert.Equal("自 2025-09-26 次日起计算 20 个工作日。", deadline.Explanation[0]);
        Assert.Contains("其中 2025-09-28（周日）为调休上班日，计为工作日。", deadline.Explanation);
        Assert.Contains("其中 2025-10-01 至 2025-10-08 为法定节假日，不计算在内。", deadline.Explanation);
        Assert.Contains("其中 2025-10-11（周六）为调休上班日，计为工作日。", deadline.Explanation);
        Assert.Equal("发布期限：2025-10-30。", deadline.Explanation[^1]);
        Assert.Equal("2025-10-30", deadline.DueText);
    }

    [Fact]
    public void A_period_past_the_schedule_is_provisional_clock_md_worked_example()
    {
        // Tue 2026-12-15, no 2027 schedule: 12-16…18 (1-3), 12-21…25 (4-8), 12-28…31 (9-12), Fri 2027-01-01 off by
        // law, 01-04…08 (13-17), 01-11…13 (18-20).
        var deadline = Deadline.Count(_calendar, Day("2026-12-15"), Twenty, Day("2026-12-15"), null, "答复期限");

        Assert.Equal(Day("2027-01-13"), deadline.Due);
        Assert.True(deadline.Provisional);
        Assert.Equal(DeadlineState.Running, deadline.State);
        Assert.Equal("2027-01-13（预计）", deadline.DueText);
        Assert.Contains("其中 2027-01-01 为法定节假日（元旦，预计），不计算在内。", deadline.Explanation);
        Assert.Contains("答复期限：2027-01-13（预计）。", deadline.Explanation);
        Assert.Contains(deadline.Explanation, l => l.StartsWith("答复期限 2027-01-13 为预计日期：2027年国务院节假日安排尚未公布", StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_before_the_schedule_has_no_date_and_says_why_without_throwing()
    {
        var deadline = Deadline.Count(_calendar, Day("2018-06-01"), Twenty, Day("2026-03-02"), null, "发布期限");

        Assert.Equal(DeadlineState.Unknown, deadline.State);
        Assert.Null(deadline.Due);
        Assert.Null(deadline.Left);
        Assert.False(deadline.IsOpen);
        Assert.Equal("无法计算", deadline.DueText);
        Assert.Equal("无法计算", deadline.Summary);
        Assert.Contains("发布期限无法计算：2018-06-01 不在可计算工作日的范围内。", deadline.Explanation);
        Assert.Contains("早于节假日安排数据的范围", deadline.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_running_past_what_is_reckoned_has_no_date()
    {
        var start = _calendar.ProvisionalTo.AddDays(-5);

        var deadline = Deadline.Count(_calendar, start, Twenty, start, null, "答复期限");

        Assert.Equal(DeadlineState.Unknown, deadline.State);
        Assert.Null(deadline.Due);
        Assert.Contains("请管理员导入", deadline.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Left_is_signed_on_before_and_after_the_due_day()
    {
        // Due Thu 2025-10-30 (see above). Tue 09-30: 17 left. Mon 11-03: Fri 10-31 and Mon 11-03 late.
        var start = Day("2025-09-26");

        var before = Deadline.Count(_calendar, start, Twenty, Day("2025-09-30"), null, "发布期限");
        var on = Deadline.Count(_calendar, start, Twenty, Day("2025-10-30"), null, "发布期限");
        var after = Deadline.Count(_calendar, start, Twenty, Day("2025-11-03"), null, "发布期限");

        Assert.Equal((DeadlineState.Running, new WorkingDays(17)), (before.State, before.Left));
        Assert.Equal("还剩 17 个工作日", before.Summary);
        Assert.False(before.DueWithin(new WorkingDays(3)));
        Assert.Equal((DeadlineState.Running, WorkingDays.Zero), (on.State, on.Left));
        Assert.True(on.DueToday);
        Assert.True(on.DueWithin(new WorkingDays(3)));
        Assert.Equal("今天到期", on.Summary);
        Assert.Equal((DeadlineState.Overdue, new WorkingDays(-2)), (after.State, after.Left));
        Assert.True(after.IsOverdue);
        Assert.False(after.DueWithin(new WorkingDays(3)));
        Assert.Equal("已超期 2 个工作日", after.Summary);
        Assert.Equal("截至 2025-11-03 已超期 2 个工作日。", after.Explanation[^1]);
    }

    [Fact]
    public void Done_on_or_before_the_due_day_is_met_and_after_it_late()
    {
        var met = Deadline.Count(_calendar, Day("2025-09-26"), Twenty, Day("2025-12-01"), Day("2025-10-30"), "发布期限");
        var late = Deadline.Count(_calendar, Day("2025-09-26"), Twenty, Day("2025-12-01"), Day("2025-10-31"), "发布期限");

        Assert.Equal(DeadlineState.Met, met.State);
        Assert.Null(met.Left);
        Assert.Equal("2025-10-30 办结，在发布期限内。", met.Explanation[^1]);
        Assert.Equal(DeadlineState.Late, late.State);
        Assert.Equal("2025-10-31 办结，晚于发布期限。", late.Explanation[^1]);
    }

    [Fact]
    public void Due_within_three_working_days_counts_working_days_not_calendar_days()
    {
        // Due Mon 2025-10-13, asked on Tue 09-30: 10-09, 10-10, Sat 10-11 and 10-13 are four working days away,
        // though the 8-day break makes it 13 calendar days; due Sat 10-11 (a make-up day) is three away.
        var four = Deadline.At(_calendar, Day("2025-10-13"), Day("2025-09-30"), null, "答复期限", []);
        var three = Deadline.At(_calendar, Day("2025-10-11"), Day("2025-09-30"), null, "答复期限", []);

        Assert.Equal(new WorkingDays(4), four.Left);
        Assert.False(four.DueWithin(new WorkingDays(3)));
        Assert.True(three.DueWithin(new WorkingDays(3)));
    }

    [Fact]
    public void A_stored_due_date_past_the_schedule_is_provisional()
    {
        var deadline = Deadline.At(_calendar, Day("2027-01-08"), Day("2026-12-24"), null, "答复期限", ["2026-12-24 收到来信。"]);

        Assert.True(deadline.Provisional);
        Assert.Equal(new WorkingDays(10), deadline.Left);
        Assert.Equal("2026-12-24 收到来信。", deadline.Explanation[0]);
        Assert.Equal("2027-01-08（预计）", deadline.DueText);
    }
}
