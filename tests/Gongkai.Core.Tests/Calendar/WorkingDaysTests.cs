using Gongkai.Core.Calendar;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Calendar;

public sealed class WorkingDaysTests
{
    private readonly WorkingDayCalendar _calendar = ProductCalendar();

    [Fact]
    public void A_period_reads_as_a_count_of_working_days()
    {
        Assert.Equal("20 个工作日", new WorkingDays(20).ToString());
        Assert.Equal("0 个工作日", WorkingDays.Zero.ToString());
    }

    [Fact]
    public void A_negative_count_reads_as_time_overdue()
    {
        Assert.Equal("超期 2 个工作日", new WorkingDays(-2).ToString());
        Assert.True(new WorkingDays(-2).IsNegative);
    }

    [Fact]
    public void Working_days_add_subtract_negate_and_compare()
    {
        Assert.Equal(new WorkingDays(23), new WorkingDays(20) + new WorkingDays(3));
        Assert.Equal(new WorkingDays(-1), new WorkingDays(2) - new WorkingDays(3));
        Assert.Equal(new WorkingDays(-5), -new WorkingDays(5));
        Assert.True(new WorkingDays(-1) < WorkingDays.Zero);
        Assert.True(new WorkingDays(3) >= new WorkingDays(3));
        Assert.Equal([new WorkingDays(-2), new WorkingDays(0), new WorkingDays(4)], new[] { new WorkingDays(4), new WorkingDays(-2), new WorkingDays(0) }.Order());
    }

    [Fact]
    public void Left_is_zero_on_the_due_day_positive_before_and_negative_after()
    {
        // Due Thu 2025-10-30. Before: from Tue 09-30, 10-01…08 off, 10-09, 10-10, Sat 10-11 (make-up), 10-13…17,
        // 10-20…24, 10-27…30 = 17. After: Fri 10-31 and Mon 11-03 = 2 days late.
        var due = Day("2025-10-30");

        Assert.Equal(WorkingDays.Zero, _calendar.Left(due, due));
        Assert.Equal(new WorkingDays(17), _calendar.Left(Day("2025-09-30"), due));
        Assert.Equal(new WorkingDays(17), _calendar.Left(Day("2025-10-05"), due));
        Assert.Equal(new WorkingDays(-2), _calendar.Left(Day("2025-11-03"), due));
    }

    [Fact]
    public void Left_reaches_past_the_schedule_without_an_exception()
    {
        // From Thu 2026-12-24 to Fri 2027-01-08: 12-25, 12-28…31, (01-01 off by law), 01-04…08 = 10.
        Assert.Equal(new WorkingDays(10), _calendar.Left(Day("2026-12-24"), Day("2027-01-08")));
        Assert.Equal(new WorkingDays(-10), _calendar.Left(Day("2027-01-08"), Day("2026-12-24")));
    }

    [Fact]
    public void The_last_due_date_within_three_working_days_spans_the_national_day_break()
    {
        // From Tue 2025-09-30: 10-09 (1), 10-10 (2), Sat 10-11 (3, make-up), Mon 10-13 (4): up to Sun 10-12.
        var last = _calendar.LastDueWithin(Day("2025-09-30"), new WorkingDays(3));

        Assert.Equal(Day("2025-10-12"), last);
        Assert.Equal(new WorkingDays(3), _calendar.Left(Day("2025-09-30"), last!.Value));
        Assert.Equal(new WorkingDays(4), _calendar.Left(Day("2025-09-30"), last.Value.AddDays(1)));
    }

    [Fact]
    public void Try_count_gives_null_where_nothing_is_reckoned()
    {
        Assert.Null(_calendar.TryCount(Day("2018-06-01"), new WorkingDays(20)));
        Assert.Null(_calendar.TryCount(_calendar.ProvisionalTo.AddDays(-3), new WorkingDays(20)));
        Assert.Equal(new CountedDay(Day("2027-01-13"), true), _calendar.TryCount(Day("2026-12-15"), new WorkingDays(20)));
        Assert.Null(_calendar.LastDueWithin(Day("2018-06-01"), new WorkingDays(3)));
    }
}
