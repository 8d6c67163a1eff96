using Gongkai.Core.Calendar;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>
/// Cases counted by hand from cn-holidays.json (the reasoning is in each comment), so a mistake shared by the
/// product and the brute-force reference would still be caught.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = ProductCalendar();

    [Fact]
    public void Deadline_skips_the_national_day_holiday_and_counts_the_make_up_saturday()
    {
        // clock.md example 1. From Mon 2020-09-28: 09-29 (1), 09-30 (2), 10-01..08 holidays, 10-09 Fri (3),
        // 10-10 make-up Sat (4), 10-12..16 (5-9), 10-19..23 (10-14), 10-26..30 (15-19), Mon 11-02 (20).
        Assert.Equal(Day("2020-11-02"), _calendar.AddWorkingDays(Day("2020-09-28"), 20));
    }

    [Fact]
    public void Deadline_skips_the_extended_2020_spring_festival_break()
    {
        // clock.md example 2. From Mon 2020-01-20: 01-21..23 (1-3), 01-24..02-02 holidays (extended; the 02-01
        // make-up Saturday was cancelled), 02-03..07 (4-8), 02-10..14 (9-13), 02-17..21 (14-18), 02-24 (19), 02-25 (20).
        Assert.Equal(Day("2020-02-25"), _calendar.AddWorkingDays(Day("2020-01-20"), 20));
    }

    [Fact]
    public void Deadline_skips_the_dragon_boat_holiday()
    {
        // clock.md example 3. From Mon 2024-05-20: 05-21..24 (1-4), 05-27..31 (5-9), 06-03..07 (10-14),
        // 06-10 Dragon Boat, 06-11..14 (15-18), 06-17 (19), 06-18 (20).
        Assert.Equal(Day("2024-06-18"), _calendar.AddWorkingDays(Day("2024-05-20"), 20));
    }

    [Fact]
    public void The_cancelled_make_up_saturday_of_2020_02_01_is_a_holiday()
    {
        // The 2020-01-27 notice extended the break to 02-02 and cancelled the 02-01 make-up workday.
        Assert.False(_calendar.IsWorkingDay(Day("2020-02-01")));
        Assert.Equal(DayKind.Holiday, _calendar.DayKindOf(Day("2020-02-01")));
    }

    [Fact]
    public void Monday_2020_02_03_after_the_extended_break_is_an_ordinary_working_day()
    {
        Assert.True(_calendar.IsWorkingDay(Day("2020-02-03")));
        Assert.Equal(DayKind.Workday, _calendar.DayKindOf(Day("2020-02-03")));
        // Fri 2020-01-23 is the last working day before the break; the next is Mon 02-03.
        Assert.Equal(Day("2020-02-03"), _calendar.AddWorkingDays(Day("2020-01-23"), 1));
    }

    [Fact]
    public void Make_up_saturday_2020_10_10_counts_as_a_working_day()
    {
        Assert.True(_calendar.IsWorkingDay(Day("2020-10-10")));
        Assert.Equal(DayKind.MakeUpWorkday, _calendar.DayKindOf(Day("2020-10-10")));
        // Fri 10-09 + 1: the Saturday itself, not Monday 10-12.
        Assert.Equal(Day("2020-10-10"), _calendar.AddWorkingDays(Day("2020-10-09"), 1));
    }

    [Fact]
    public void Spring_festival_2024_is_off_from_02_10_to_02_17_with_sundays_02_04_and_02_18_worked()
    {
        for (var date = Day("2024-02-10"); date <= Day("2024-02-17"); date = date.AddDays(1))
        {
            Assert.Equal(DayKind.Holiday, _calendar.DayKindOf(date));
        }

        Assert.Equal(DayKind.MakeUpWorkday, _calendar.DayKindOf(Day("2024-02-04")));
        Assert.Equal(DayKind.MakeUpWorkday, _calendar.DayKindOf(Day("2024-02-18")));
        // Sat 02-03 + 1 is Sun 02-04 (make-up). Thu 02-08 + 3: Fri 02-09 (1), Sun 02-18 (2), Mon 02-19 (3).
        Assert.Equal(Day("2024-02-04"), _calendar.AddWorkingDays(Day("2024-02-03"), 1));
        Assert.Equal(Day("2024-02-19"), _calendar.AddWorkingDays(Day("2024-02-08"), 3));
        Assert.Equal(2, _calendar.WorkingDaysBetween(Day("2024-02-08"), Day("2024-02-18")));
    }

    [Fact]
    public void National_day_2025_is_off_from_10_01_to_10_08()
    {
        for (var date = Day("2025-10-01"); date <= Day("2025-10-08"); date = date.AddDays(1))
        {
            Assert.False(_calendar.IsWorkingDay(date));
        }

        Assert.Equal(0, _calendar.WorkingDaysBetween(Day("2025-09-30"), Day("2025-10-08")));
        // Tue 09-30 + 1 is Thu 10-09; + 3 reaches make-up Sat 10-11: 10-09 (1), 10-10 (2), 10-11 (3).
        Assert.Equal(Day("2025-10-09"), _calendar.AddWorkingDays(Day("2025-09-30"), 1));
        Assert.Equal(Day("2025-10-11"), _calendar.AddWorkingDays(Day("2025-09-30"), 3));
        Assert.True(_calendar.IsWorkingDay(Day("2025-09-28")));
    }

    [Fact]
    public void Deadline_crosses_new_year_2020()
    {
        // Fri 2019-12-27: weekend, Mon 12-30 (1), Tue 12-31 (2), Wed 01-01 New Year, 01-02 (3), 01-03 (4),
        // weekend, Mon 01-06 (5). The two notices (2019 and 2020) are merged for this.
        Assert.Equal(Day("2020-01-06"), _calendar.AddWorkingDays(Day("2019-12-27"), 5));
        Assert.Equal(5, _calendar.WorkingDaysBetween(Day("2019-12-27"), Day("2020-01-06")));
    }

    [Fact]
    public void A_december_day_set_by_the_next_years_notice_is_a_holiday()
    {
        // 2022-12-31 is listed only in the 2023 notice.
        Assert.Equal(DayKind.Holiday, _calendar.DayKindOf(Day("2022-12-31")));
    }

    [Fact]
    public void The_2018_make_up_day_in_the_2019_notice_is_kept_but_2018_is_not_covered()
    {
        Assert.Contains(Day("2018-12-29"), (IReadOnlySet<DateOnly>)_calendar.Schedule.Workdays);
        Assert.Equal(Day("2019-01-01"), _calendar.Schedule.CoversFrom);

        var e = Assert.Throws<DateOutsideCalendarException>(() => _calendar.IsWorkingDay(Day("2018-12-29")));
        Assert.Equal(Day("2018-12-29"), e.Date);
        Assert.Contains("2018-12-29", e.Message, StringComparison.Ordinal);
        Assert.Contains("2019-01-01 至 2026-12-31", e.Message, StringComparison.Ordinal);
        Assert.Throws<DateOutsideCalendarException>(() => _calendar.AddWorkingDays(Day("2018-12-31"), 1));
        Assert.Throws<DateOutsideCalendarException>(() => _calendar.WorkingDaysBetween(Day("2018-12-31"), Day("2019-01-02")));
    }

    [Fact]
    public void The_first_covered_day_is_answered()
    {
        // 2019-01-01 is New Year's Day; Wed 01-02 is the first working day after it.
        Assert.False(_calendar.IsWorkingDay(Day("2019-01-01")));
        Assert.Equal(Day("2019-01-02"), _calendar.AddWorkingDays(Day("2019-01-01"), 1));
    }

    [Fact]
    public void One_working_day_after_the_last_covered_day_is_provisional()
    {
        // Thu 2026-12-31 + 1: Fri 2027-01-01 is New Year's Day by law, the weekend follows: Monday 2027-01-04.
        Assert.Equal(new CountedDay(Day("2027-01-04"), true), _calendar.Count(Day("2026-12-31"), 1));
        Assert.Equal(Day("2027-01-04"), _calendar.AddWorkingDays(Day("2026-12-31"), 1));
        Assert.False(_calendar.IsWorkingDay(Day("2027-01-01")));
        Assert.Equal(DayKind.Holiday, _calendar.DayKindOf(Day("2027-01-01")));
        Assert.True(_calendar.IsProvisional(Day("2027-01-01")));
        Assert.False(_calendar.IsProvisional(Day("2026-12-31")));
        // 12-31 (1), 01-04 (2).
        Assert.Equal(2, _calendar.WorkingDaysBetween(Day("2026-12-30"), Day("2027-01-04")));
        // Thu 2026-12-31 itself is official.
        Assert.Equal(new CountedDay(Day("2026-12-31"), false), _calendar.Count(Day("2026-12-30"), 1));
    }

    [Fact]
    public void Beyond_the_schedule_only_weekends_and_the_laws_festivals_are_days_off()
    {
        // 2027 by law: 除夕 Fri 02-05 to 初三 Mon 02-08. No make-up Saturday is known before the notice.
        Assert.Equal(DayKind.Holiday, _calendar.DayKindOf(Day("2027-02-05")));
        Assert.Equal(DayKind.Holiday, _calendar.DayKindOf(Day("2027-02-08")));
        Assert.Equal(DayKind.Workday, _calendar.DayKindOf(Day("2027-02-09")));
        Assert.Equal(DayKind.Weekend, _calendar.DayKindOf(Day("2027-02-20")));
        // Thu 02-04 + 1: 02-05…02-08 off, Tue 02-09.
        Assert.Equal(Day("2027-02-09"), _calendar.AddWorkingDays(Day("2027-02-04"), 1));
    }

    [Fact]
    public void Provisional_reckoning_reaches_five_years_past_the_schedule_and_no_further()
    {
        Assert.Equal(Day("2031-12-31"), _calendar.ProvisionalTo);
        // Wed 2031-12-31 + 1: 2032-01-01 is past the reach.
        var e = Assert.Throws<DateOutsideCalendarException>(() => _calendar.AddWorkingDays(Day("2031-12-31"), 1));

        Assert.Equal(Day("2032-01-01"), e.Date);
        Assert.Contains("此后至 2031-12-31 按法定节日推算", e.Message, StringComparison.Ordinal);
        Assert.Throws<DateOutsideCalendarException>(() => _calendar.IsWorkingDay(Day("2032-01-05")));
        // Tue 2031-12-30 + 1 is Wed 12-31, still reckoned.
        Assert.Equal(Day("2031-12-31"), _calendar.AddWorkingDays(Day("2031-12-30"), 1));
    }

    [Theory]
    [InlineData("2026-10-31", null)]
    [InlineData("2026-11-01", 2027)]
    [InlineData("2026-12-04", 2027)]
    [InlineData("2027-01-15", 2027)]
    [InlineData("2027-11-02", 2027)]
    public void The_missing_year_is_next_years_from_november(string today, int? missing)
    {
        Assert.Equal(missing, _calendar.MissingYear(Day(today)));
    }

    [Theory]
    [InlineData("2020-10-01")]
    [InlineData("2020-09-28")]
    [InlineData("2026-12-31")]
    public void Zero_working_days_returns_the_start_even_on_a_holiday(string start)
    {
        Assert.Equal(Day(start), _calendar.AddWorkingDays(Day(start), 0));
        Assert.Equal(0, _calendar.WorkingDaysBetween(Day(start), Day(start)));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(Day("2024-05-20"), -1));
    }

    [Fact]
    public void Working_days_between_is_zero_when_the_end_is_before_the_start()
    {
        Assert.Equal(0, _calendar.WorkingDaysBetween(Day("2024-06-18"), Day("2024-05-20")));
    }

    [Fact]
    public void Days_between_explains_each_day_after_the_start()
    {
        var days = _calendar.DaysBetween(Day("2020-09-30"), Day("2020-10-10"));

        Assert.Equal(10, days.Count);
        Assert.Equal((Day("2020-10-01"), DayKind.Holiday), days[0]);
        Assert.All(days.Take(8), d => Assert.Equal(DayKind.Holiday, d.Kind));
        Assert.Equal((Day("2020-10-09"), DayKind.Workday), days[8]);
        Assert.Equal((Day("2020-10-10"), DayKind.MakeUpWorkday), days[9]);
    }

    [Fact]
    public void A_small_schedule_counts_its_own_holidays_and_make_up_days()
    {
        // Built by hand so the counting rule is checked apart from the official data: in 2030, Mon 01-07 is a
        // holiday and Sat 01-12 a make-up day. Fri 01-04 + 3: 01-08 (1), 01-09 (2), 01-10 (3); + 6: 01-11 (4),
        // 01-12 Sat (5), Mon 01-14 (6).
        var schedule = new HolidaySchedule([new HolidayYear(2030, [new DateOnly(2030, 1, 7)], [new DateOnly(2030, 1, 12)])]);
        var calendar = new WorkingDayCalendar(schedule);

        Assert.Equal(new DateOnly(2030, 1, 10), calendar.AddWorkingDays(new DateOnly(2030, 1, 4), 3));
        Assert.Equal(new DateOnly(2030, 1, 14), calendar.AddWorkingDays(new DateOnly(2030, 1, 4), 6));
    }
}
