using Gongkai.Core.Calendar;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Calendar;

public sealed class HolidayScheduleTests
{
    private static HolidayYear Year(int year, string[] holidays, string[]? workdays = null) =>
        new(year, holidays.Select(Day).ToList(), (workdays ?? []).Select(Day).ToList());

    [Fact]
    public void A_schedule_covers_first_january_of_its_first_year_to_the_end_of_its_last()
    {
        var schedule = new HolidaySchedule([Year(2031, []), Year(2030, ["2030-01-01"])]);

        Assert.Equal(Day("2030-01-01"), schedule.CoversFrom);
        Assert.Equal(Day("2031-12-31"), schedule.CoversTo);
        Assert.True(schedule.Covers(Day("2031-12-31")));
        Assert.False(schedule.Covers(Day("2029-12-31")));
        Assert.False(schedule.Covers(Day("2032-01-01")));
        Assert.Equal([2030, 2031], schedule.Years.Select(y => y.Year));
    }

    [Fact]
    public void Years_with_a_gap_are_refused()
    {
        var e = Assert.Throws<CalendarDataException>(() => new HolidaySchedule([Year(2030, []), Year(2032, [])]));

        Assert.Contains("日历数据的年份不连续：缺少 2031 年", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_given_twice_is_refused()
    {
        var e = Assert.Throws<CalendarDataException>(() => new HolidaySchedule([Year(2030, []), Year(2030, ["2030-01-01"])]));

        Assert.Contains("年份 2030 重复出现", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_years_at_all_is_refused()
    {
        var e = Assert.Throws<CalendarDataException>(() => new HolidaySchedule([]));

        Assert.Contains("没有任何年份", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_that_one_notice_makes_a_holiday_and_another_a_workday_is_refused()
    {
        // Sun 2029-12-30: a make-up day in the 2029 notice and a holiday in the 2030 one.
        var e = Assert.Throws<CalendarDataException>(() =>
            new HolidaySchedule([Year(2029, [], ["2029-12-30"]), Year(2030, ["2029-12-30", "2030-01-01"])]));

        Assert.Contains("2029-12-30 既被列为节假日又被列为调休上班日", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_replaces_a_year_and_leaves_the_original_unchanged()
    {
        var original = HolidayScheduleJson.Parse(Text);
        // A corrected 2020: Fri 10-09 added to the National Day holiday.
        var corrected2020 = new HolidayYear(2020, [.. original.Year(2020)!.Holidays, Day("2020-10-09")], original.Year(2020)!.Workdays);

        var corrected = original.With([corrected2020]);

        Assert.Contains(Day("2020-10-09"), (IReadOnlySet<DateOnly>)corrected.Holidays);
        Assert.DoesNotContain(Day("2020-10-09"), (IReadOnlySet<DateOnly>)original.Holidays);
        Assert.Equal(original.Years.Select(y => y.Year), corrected.Years.Select(y => y.Year));
        Assert.Same(original.Year(2024), corrected.Year(2024));
        // From Mon 2020-09-28, day 3 moves from Fri 10-09 to make-up Sat 10-10.
        Assert.Equal(Day("2020-10-09"), new WorkingDayCalendar(original).AddWorkingDays(Day("2020-09-28"), 3));
        Assert.Equal(Day("2020-10-10"), new WorkingDayCalendar(corrected).AddWorkingDays(Day("2020-09-28"), 3));
    }

    [Fact]
    public void With_adds_the_next_year_and_extends_the_coverage()
    {
        var original = HolidayScheduleJson.Parse(Text);

        var extended = original.With([Year(2027, ["2027-01-01"])]);

        Assert.Equal(2027, extended.LastYear);
        Assert.Equal(Day("2027-12-31"), extended.CoversTo);
        Assert.Equal(Day("2027-01-04"), new WorkingDayCalendar(extended).AddWorkingDays(Day("2026-12-31"), 1));
    }

    [Fact]
    public void With_refuses_a_year_that_leaves_a_gap()
    {
        var original = HolidayScheduleJson.Parse(Text);

        var e = Assert.Throws<CalendarDataException>(() => original.With([Year(2028, [])]));

        Assert.Contains("缺少 2027 年", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_refuses_a_replacement_that_contradicts_a_neighbouring_year()
    {
        var original = HolidayScheduleJson.Parse(Text);

        // Sat 2022-12-31 is a holiday in the 2023 notice; a 2022 replacement may not make it a workday.
        var e = Assert.Throws<CalendarDataException>(() =>
            original.With([new HolidayYear(2022, original.Year(2022)!.Holidays, [.. original.Year(2022)!.Workdays, Day("2022-12-31")])]));

        Assert.Contains("2022-12-31", e.Message, StringComparison.Ordinal);
    }
}
