using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace Gongkai.Core.Calendar;

/// <summary>The seven festivals 《全国年节及纪念日放假办法》 gives every citizen a day off for.</summary>
public enum Festival
{
    /// <summary>元旦: 1 January.</summary>
    NewYear,
    /// <summary>春节: from 2025 除夕 to 正月初三; 2014–2024 正月初一 to 初三.</summary>
    SpringFestival,
    /// <summary>清明节: the day of the 清明 solar term.</summary>
    Qingming,
    /// <summary>劳动节: from 2025 1–2 May; 2014–2024 1 May.</summary>
    LabourDay,
    /// <summary>端午节: 五月初五.</summary>
    DragonBoat,
    /// <summary>中秋节: 八月十五.</summary>
    MidAutumn,
    /// <summary>国庆节: 1–3 October.</summary>
    NationalDay,
}

/// <summary>One statutory day off and the festival it belongs to.</summary>
public sealed record StatutoryHoliday(DateOnly Date, Festival Festival);

/// <summary>
/// The days off the law itself fixes for a year, before the State Council arranges make-up working days and bridges
/// around them. This is what a deadline beyond the published schedule can rest on (clock.md, “Beyond the published
/// schedule”); the State Council's notice always wins where it exists.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The 2013 revision, in force from 1 January 2014: earlier years had other festivals.</summary>
    public const int FirstYear = 2014;

    /// <summary>The 清明 coefficient below is the 21st century's.</summary>
    public const int LastYear = 2099;

    /// <summary>The revision of November 2024 added 除夕 and 2 May, from 1 January 2025.</summary>
    public const int Revision2024From = 2025;

    private static readonly ChineseLunisolarCalendar Lunisolar = new();
    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> Sets = new();

    /// <summary>The statutory days off of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<StatutoryHoliday> Of(int year)
    {
        Check(year);
        var revised = year >= Revision2024From;
        var newYear = LunarDate(year, 1, 1);
        var days = new List<StatutoryHoliday> { new(new DateOnly(year, 1, 1), Festival.NewYear) };
        for (var d = revised ? -1 : 0; d <= 2; d++)
        {
            days.Add(new StatutoryHoliday(newYear.AddDays(d), Festival.SpringFestival));
        }

        days.Add(new StatutoryHoliday(Qingming(year), Festival.Qingming));
        days.Add(new StatutoryHoliday(new DateOnly(year, 5, 1), Festival.LabourDay));
        if (revised)
        {
            days.Add(new StatutoryHoliday(new DateOnly(year, 5, 2), Festival.LabourDay));
        }

        days.Add(new StatutoryHoliday(LunarDate(year, 5, 5), Festival.DragonBoat));
        days.Add(new StatutoryHoliday(LunarDate(year, 8, 15), Festival.MidAutumn));
        for (var d = 1; d <= 3; d++)
        {
            days.Add(new StatutoryHoliday(new DateOnly(year, 10, d), Festival.NationalDay));
        }

        // 中秋 can fall in the National Day holiday (2020-10-01): the same day, listed for both festivals.
        return days.OrderBy(h => h.Date).ThenBy(h => h.Festival).ToList();
    }

    public static bool IsHoliday(DateOnly date) =>
        Sets.GetOrAdd(date.Year, static year => Of(year).Select(h => h.Date).ToFrozenSet()).Contains(date);

    /// <summary>The festival of a statutory day off, or null; when two share the day, the first in the year's order.</summary>
    public static Festival? FestivalOf(DateOnly date) =>
        IsHoliday(date) ? Of(date.Year).First(h => h.Date == date).Festival : null;

    /// <summary>
    /// The day of the 清明 solar term (the sun at ecliptic longitude 15°), by the 寿星 formula for 2000–2099:
    /// day of April = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ with Y the last two digits of the year. The leap days counted
    /// are those up to the term itself, which lies after February, so ⌊Y / 4⌋ and not ⌊(Y − 1) / 4⌋.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        Check(year);
        var y = year % 100;
        var day = (int)decimal.Floor((y * 0.2422m) + 4.81m) - (y / 4);
        return new DateOnly(year, 4, day);
    }

    /// <summary>
    /// The Gregorian date of a day of the lunar year that begins in <paramref name="year"/> (not a leap month).
    /// In a year with a leap month, months from the leap one on are numbered one higher by the .NET calendar.
    /// </summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        Check(year);
        var leap = Lunisolar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunisolar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    public static string DisplayName(this Festival festival) => festival switch
    {
        Festival.NewYear => "元旦",
        Festival.SpringFestival => "春节",
        Festival.Qingming => "清明节",
        Festival.LabourDay => "劳动节",
        Festival.DragonBoat => "端午节",
        Festival.MidAutumn => "中秋节",
        Festival.NationalDay => "国庆节",
    };

    private static void Check(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Statutory holidays are computed for {FirstYear}–{LastYear}.");
        }
    }
}
