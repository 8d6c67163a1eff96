using Gongkai.Core.Calendar;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>
/// Every day of every covered year, checked against the official data read independently of the product's parser
/// and against a brute-force count. Mismatches are collected so a failure lists all of them at once.
/// </summary>
public sealed class WorkingDayCalendarOfficialDataTests
{
    /// <summary>Every year the official schedule covers.</summary>
    public static TheoryData<int> Years => new(Enumerable.Range(2019, 8));

    private static readonly int[] Counts = [1, 5, 15, 20, 40];

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_day_of_the_year_is_a_working_day_exactly_when_the_official_schedule_says_so(int year)
    {
        var official = OfficialSchedule.Data;
        var calendar = OfficialSchedule.ProductCalendar();
        var mismatches = new List<string>();

        foreach (var date in DaysOf(year))
        {
            var expected = official.IsWorkingDay(date);
            if (calendar.IsWorkingDay(date) != expected)
            {
                mismatches.Add($"{OfficialSchedule.Iso(date)}: expected working day = {expected}");
            }
        }

        Assert.Equal(DateTime.IsLeapYear(year) ? 366 : 365, DaysOf(year).Count());
        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_day_of_the_year_has_the_kind_the_official_schedule_gives_it(int year)
    {
        var official = OfficialSchedule.Data;
        var calendar = OfficialSchedule.ProductCalendar();
        var mismatches = new List<string>();

        foreach (var date in DaysOf(year))
        {
            var expected =
                official.Holidays.Contains(date) ? DayKind.Holiday
                : official.Workdays.Contains(date) ? DayKind.MakeUpWorkday
                : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend
                : DayKind.Workday;
            var actual = calendar.DayKindOf(date);
            if (actual != expected)
            {
                mismatches.Add($"{OfficialSchedule.Iso(date)}: expected {expected}, got {actual}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Adding_working_days_from_any_day_of_the_year_matches_counting_day_by_day(int year)
    {
        var official = OfficialSchedule.Data;
        var calendar = OfficialSchedule.ProductCalendar();
        var mismatches = new List<string>();
        var provisional = new List<DateOnly>();

        foreach (var start in DaysOf(year))
        {
            foreach (var n in Counts)
            {
                var expected = official.AddWorkingDays(start, n);
                var label = $"{OfficialSchedule.Iso(start)} + {n}";
                if (expected is null)
                {
                    // Past the last covered day the answer is provisional: weekends and the law's festivals only.
                    var (reckoned, _) = official.AddWorkingDaysProvisionally(start, n);
                    var counted = calendar.Count(start, n);
                    if (counted != new CountedDay(reckoned, true))
                    {
                        mismatches.Add($"{label}: expected {OfficialSchedule.Iso(reckoned)} (provisional), got {OfficialSchedule.Iso(counted.Date)} (provisional: {counted.Provisional})");
                    }

                    provisional.Add(start);
                    continue;
                }

                var actual = calendar.Count(start, n);
                if (actual != new CountedDay(expected.Value, false))
                {
                    mismatches.Add($"{label}: expected {OfficialSchedule.Iso(expected.Value)}, got {OfficialSchedule.Iso(actual.Date)} (provisional: {actual.Provisional})");
                    continue;
                }

                var between = calendar.WorkingDaysBetween(start, actual.Date);
                if (between != n)
                {
                    mismatches.Add($"{label}: WorkingDaysBetween to {OfficialSchedule.Iso(actual.Date)} gave {between}");
                }
            }
        }

        Assert.Empty(mismatches);
        // Only the last covered year's final weeks can run off the data (40 working days is about two months).
        if (year == official.NoticeYears.Max())
        {
            Assert.NotEmpty(provisional);
            Assert.All(provisional, start => Assert.True(start.Month >= 10, OfficialSchedule.Iso(start)));
        }
        else
        {
            Assert.Empty(provisional);
        }
    }

    [Fact]
    public void Forty_working_days_from_december_of_the_last_covered_year_run_into_a_provisional_january()
    {
        var calendar = OfficialSchedule.ProductCalendar();

        // Tue 2026-12-01 has 22 weekdays after it in December, no holidays or make-up days: 12-31 is day 22.
        // 2027-01-01 (Fri) is New Year's Day by law; Mon 01-04…Fri 01-08 (23-27), 01-11…15 (28-32),
        // 01-18…22 (33-37), Mon 01-25 (38), Tue 01-26 (39), Wed 01-27 (40).
        var counted = calendar.Count(new DateOnly(2026, 12, 1), 40);

        Assert.Equal(new CountedDay(new DateOnly(2027, 1, 27), true), counted);
    }

    [Fact]
    public void Working_days_that_fit_before_the_end_of_the_data_are_official()
    {
        var calendar = OfficialSchedule.ProductCalendar();

        // 2026-12-01 (Tue): 12-02..04 (3), 12-07..11 (8), 12-14..18 (13), 12-21..25 (18), 12-28..31 (22).
        Assert.Equal(new CountedDay(new DateOnly(2026, 12, 31), false), calendar.Count(new DateOnly(2026, 12, 1), 22));
        // Day 23 skips New Year's Day 2027 and the weekend: Monday 2027-01-04, provisional.
        Assert.Equal(new CountedDay(new DateOnly(2027, 1, 4), true), calendar.Count(new DateOnly(2026, 12, 1), 23));
    }

    private static IEnumerable<DateOnly> DaysOf(int year)
    {
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            yield return date;
        }
    }
}
