using Gongkai.Core.Calendar;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>
/// The law's own days off, checked against the State Council's notices (cn-holidays.json) for the years we have,
/// and against published lunar and solar-term dates for the years we do not.
/// </summary>
public sealed class StatutoryHolidaysTests
{
    public static TheoryData<int> OfficialYears => new(Enumerable.Range(2019, 8));

    [Theory]
    [MemberData(nameof(OfficialYears))]
    public void Every_statutory_day_is_a_holiday_in_the_official_schedule(int year)
    {
        var missing = StatutoryHolidays.Of(year)
            .Where(h => !Data.Holidays.Contains(h.Date))
            .Select(h => $"{Iso(h.Date)} {h.Festival}")
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(OfficialYears))]
    public void The_2024_revision_adds_new_years_eve_and_may_2_from_2025(int year)
    {
        var days = StatutoryHolidays.Of(year);
        var distinct = days.Select(h => h.Date).Distinct().Count();
        // 2020: 中秋 fell on 10-01, the first day of National Day: 11 entries, 10 distinct days.
        var expected = year >= 2025 ? 13 : 11;

        Assert.Equal(expected, days.Count);
        Assert.Equal(year == 2020 ? 10 : expected, distinct);
        Assert.Equal(year >= 2025 ? 4 : 3, days.Count(h => h.Festival == Festival.SpringFestival));
        Assert.Equal(year >= 2025 ? 2 : 1, days.Count(h => h.Festival == Festival.LabourDay));
    }

    [Fact]
    public void Spring_festival_2027_runs_from_new_years_eve_02_05_to_02_08()
    {
        // 2027-02-06 is 正月初一 (source below), so 除夕 is Friday 02-05 and 初三 Monday 02-08.
        var spring = StatutoryHolidays.Of(2027).Where(h => h.Festival == Festival.SpringFestival).Select(h => h.Date);

        Assert.Equal([Day("2027-02-05"), Day("2027-02-06"), Day("2027-02-07"), Day("2027-02-08")], spring);
    }

    [Fact]
    public void New_years_eve_is_the_29th_when_the_twelfth_month_is_short()
    {
        // 腊月 of the lunar year 2024 has 29 days: 除夕 2025 was 腊月廿九, Tuesday 2025-01-28 (the 2025 notice's
        // first Spring Festival day), and 初一 was 2025-01-29.
        Assert.Equal(Day("2025-01-29"), StatutoryHolidays.LunarDate(2025, 1, 1));
        Assert.Contains(new StatutoryHoliday(Day("2025-01-28"), Festival.SpringFestival), StatutoryHolidays.Of(2025));
    }

    /// <summary>
    /// 正月初一, 五月初五 and 八月十五 of 2027–2030, from the Hong Kong Observatory's Gregorian–Lunar calendar
    /// conversion tables (香港天文台《公曆與農曆日期對照表》, https://www.hko.gov.hk/tc/gts/time/conversion.htm).
    /// 2028 has a leap fifth month after 端午, which pushes 中秋 to October.
    /// </summary>
    public static TheoryData<int, string, string, string> PublishedLunarDates => new()
    {
        { 2027, "2027-02-06", "2027-06-09", "2027-09-15" },
        { 2028, "2028-01-26", "2028-05-28", "2028-10-03" },
        { 2029, "2029-02-13", "2029-06-16", "2029-09-22" },
        { 2030, "2030-02-03", "2030-06-05", "2030-09-12" },
    };

    [Theory]
    [MemberData(nameof(PublishedLunarDates))]
    public void Lunar_festivals_match_the_published_tables(int year, string newYear, string dragonBoat, string midAutumn)
    {
        var days = StatutoryHolidays.Of(year);

        Assert.Equal(Day(newYear), StatutoryHolidays.LunarDate(year, 1, 1));
        Assert.Contains(new StatutoryHoliday(Day(newYear).AddDays(-1), Festival.SpringFestival), days);
        Assert.Contains(new StatutoryHoliday(Day(dragonBoat), Festival.DragonBoat), days);
        Assert.Contains(new StatutoryHoliday(Day(midAutumn), Festival.MidAutumn), days);
    }

    /// <summary>
    /// The 清明 solar term, 2014–2030, from the Hong Kong Observatory's tables of the 24 solar terms (same source),
    /// which agree with the Purple Mountain Observatory's 《中国天文年历》.
    /// </summary>
    public static TheoryData<int, string> PublishedQingming => new()
    {
        { 2014, "2014-04-05" }, { 2015, "2015-04-05" }, { 2016, "2016-04-04" }, { 2017, "2017-04-04" },
        { 2018, "2018-04-05" }, { 2019, "2019-04-05" }, { 2020, "2020-04-04" }, { 2021, "2021-04-04" },
        { 2022, "2022-04-05" }, { 2023, "2023-04-05" }, { 2024, "2024-04-04" }, { 2025, "2025-04-04" },
        { 2026, "2026-04-05" }, { 2027, "2027-04-05" }, { 2028, "2028-04-04" }, { 2029, "2029-04-04" },
        { 2030, "2030-04-05" },
    };

    [Theory]
    [MemberData(nameof(PublishedQingming))]
    public void Qingming_is_the_published_solar_term(int year, string date)
    {
        Assert.Equal(Day(date), StatutoryHolidays.Qingming(year));
    }

    [Fact]
    public void Qingming_is_april_4_or_5_in_every_year_computed()
    {
        var odd = Enumerable.Range(StatutoryHolidays.FirstYear, StatutoryHolidays.LastYear - StatutoryHolidays.FirstYear + 1)
            .Select(StatutoryHolidays.Qingming)
            .Where(d => d.Month != 4 || d.Day is not (4 or 5))
            .Select(Iso)
            .ToList();

        Assert.Empty(odd);
    }

    [Fact]
    public void Lunar_festivals_stay_in_their_seasons_in_every_year_computed()
    {
        // Leap months renumber the .NET calendar's months: a wrong offset would put 端午 in July or 中秋 in August.
        var odd = new List<string>();
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            var newYear = StatutoryHolidays.LunarDate(year, 1, 1);
            var dragonBoat = StatutoryHolidays.LunarDate(year, 5, 5);
            var midAutumn = StatutoryHolidays.LunarDate(year, 8, 15);
            if (newYear < new DateOnly(year, 1, 21) || newYear > new DateOnly(year, 2, 20)
                || dragonBoat < new DateOnly(year, 5, 25) || dragonBoat > new DateOnly(year, 6, 25)
                || midAutumn < new DateOnly(year, 9, 7) || midAutumn > new DateOnly(year, 10, 8))
            {
                odd.Add($"{year}: {Iso(newYear)} {Iso(dragonBoat)} {Iso(midAutumn)}");
            }
        }

        Assert.Empty(odd);
    }

    [Fact]
    public void A_statutory_day_names_its_festival_and_an_ordinary_day_none()
    {
        Assert.Equal(Festival.NewYear, StatutoryHolidays.FestivalOf(Day("2027-01-01")));
        Assert.Equal(Festival.LabourDay, StatutoryHolidays.FestivalOf(Day("2027-05-02")));
        Assert.True(StatutoryHolidays.IsHoliday(Day("2027-10-03")));
        Assert.False(StatutoryHolidays.IsHoliday(Day("2027-10-04")));
        Assert.Null(StatutoryHolidays.FestivalOf(Day("2027-01-04")));
    }

    [Fact]
    public void Years_outside_the_laws_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Of(2013));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Qingming(2100));
    }
}
