using System.Collections.Frozen;

namespace Gongkai.Core.Calendar;

/// <summary>
/// The State Council's holiday schedule for a run of years: statutory holidays (with the weekend days folded
/// into each block) and make-up working days (调休上班日). Keys are the notice year, as the State Council issues
/// them: a year's notice may set days at the very end of the year before (e.g. 2018-12-29 in the 2019 notice).
/// </summary>
public sealed class HolidaySchedule
{
    private readonly SortedDictionary<int, HolidayYear> _years;

    public HolidaySchedule(IEnumerable<HolidayYear> years)
    {
        _years = new SortedDictionary<int, HolidayYear>();
        foreach (var year in years)
        {
            if (!_years.TryAdd(year.Year, year))
            {
                throw new CalendarDataException($"年份 {year.Year} 重复出现。");
            }
        }

        if (_years.Count == 0)
        {
            throw new CalendarDataException("日历数据中没有任何年份。");
        }

        var years2 = _years.Keys.ToArray();
        for (var i = 1; i < years2.Length; i++)
        {
            if (years2[i] != years2[i - 1] + 1)
            {
                throw new CalendarDataException($"日历数据的年份不连续：缺少 {years2[i - 1] + 1} 年。");
            }
        }

        var holidays = new HashSet<DateOnly>();
        var workdays = new HashSet<DateOnly>();
        foreach (var year in _years.Values)
        {
            holidays.UnionWith(year.Holidays);
            workdays.UnionWith(year.Workdays);
        }

        var both = holidays.Intersect(workdays).Order().ToList();
        if (both.Count > 0)
        {
            throw new CalendarDataException(
                $"{CalendarText.Iso(both[0])} 既被列为节假日又被列为调休上班日，数据自相矛盾。");
        }

        Holidays = holidays.ToFrozenSet();
        Workdays = workdays.ToFrozenSet();
        FirstYear = years2[0];
        LastYear = years2[^1];
    }

    public int FirstYear { get; }
    public int LastYear { get; }
    public IReadOnlyCollection<HolidayYear> Years => _years.Values;
    public FrozenSet<DateOnly> Holidays { get; }
    public FrozenSet<DateOnly> Workdays { get; }

    /// <summary>The first and last day the schedule speaks for: 1 January of its first year to 31 December of its last.</summary>
    public DateOnly CoversFrom => new(FirstYear, 1, 1);
    public DateOnly CoversTo => new(LastYear, 12, 31);

    public bool Covers(DateOnly date) => date >= CoversFrom && date <= CoversTo;

    public HolidayYear? Year(int year) => _years.GetValueOrDefault(year);

    /// <summary>A new schedule where the given years replace (or add to) this one's.</summary>
    public HolidaySchedule With(IEnumerable<HolidayYear> replacements)
    {
        var merged = new SortedDictionary<int, HolidayYear>(_years);
        foreach (var year in replacements)
        {
            merged[year.Year] = year;
        }

        return new HolidaySchedule(merged.Values);
    }
}

/// <summary>One notice year of the schedule.</summary>
public sealed record HolidayYear(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays, IReadOnlyList<string> Sources)
{
    public HolidayYear(int year, IReadOnlyList<DateOnly> holidays, IReadOnlyList<DateOnly> workdays)
        : this(year, holidays, workdays, [])
    {
    }
}

/// <summary>Calendar data that cannot be used: the message is for people and is in Chinese.</summary>
public sealed class CalendarDataException(string message) : Exception(message);

/// <summary>
/// A date neither the official schedule covers nor a provisional reckoning reaches (before the schedule's first year,
/// or years after its last): the answer would be a guess, so there is none.
/// </summary>
public sealed class DateOutsideCalendarException(DateOnly date, DateOnly coversFrom, DateOnly coversTo, DateOnly provisionalTo)
    : Exception(date < coversFrom
        ? $"日期 {CalendarText.Iso(date)} 早于节假日安排数据的范围（{CalendarText.Iso(coversFrom)} 至 {CalendarText.Iso(coversTo)}），无法计算工作日。"
        : $"日期 {CalendarText.Iso(date)} 超出了节假日安排数据的范围（{CalendarText.Iso(coversFrom)} 至 {CalendarText.Iso(coversTo)}，此后至 {CalendarText.Iso(provisionalTo)} 按法定节日推算），无法计算工作日。")
{
    public DateOnly Date { get; } = date;
}

internal static class CalendarText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
