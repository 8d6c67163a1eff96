using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Calendar;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>
/// The official schedule (cn-holidays.json, copied beside the tests) read a second time, without the product's
/// parser, so the calendar's answers can be checked against the data rather than against themselves.
/// </summary>
internal sealed class OfficialSchedule
{
    public const string FileName = "cn-holidays.json";

    private OfficialSchedule(IReadOnlyList<int> noticeYears, HashSet<DateOnly> holidays, HashSet<DateOnly> workdays)
    {
        NoticeYears = noticeYears;
        Holidays = holidays;
        Workdays = workdays;
    }

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, FileName);

    public static string Text => File.ReadAllText(Path);

    /// <summary>Immutable once read: every test may share it without sharing state.</summary>
    public static OfficialSchedule Data { get; } = Read();

    public IReadOnlyList<int> NoticeYears { get; }

    /// <summary>Every notice year's holidays, merged (a notice may name days of the December before its year).</summary>
    public IReadOnlySet<DateOnly> Holidays { get; }

    public IReadOnlySet<DateOnly> Workdays { get; }

    public DateOnly LastCoveredDay => new(NoticeYears.Max(), 12, 31);

    /// <summary>The calendar under test, built from the same file by the product's parser.</summary>
    public static WorkingDayCalendar ProductCalendar() => new(HolidayScheduleJson.Parse(Text));

    public bool IsWorkingDay(DateOnly date) =>
        Workdays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date));

    /// <summary>
    /// The n-th working day after start by stepping one day at a time, past the data with weekends and the law's
    /// festival days off as the only days off; and whether any day counted lay past the data.
    /// </summary>
    public (DateOnly Date, bool Provisional) AddWorkingDaysProvisionally(DateOnly start, int workingDays)
    {
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            var working = date <= LastCoveredDay
                ? IsWorkingDay(date)
                : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !StatutoryHolidays.IsHoliday(date);
            if (working)
            {
                counted++;
            }
        }

        return (date, date > LastCoveredDay);
    }

    /// <summary>The n-th working day after start by stepping one day at a time; null when it lies past the data.</summary>
    public DateOnly? AddWorkingDays(DateOnly start, int workingDays)
    {
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (date > LastCoveredDay)
            {
                return null;
            }

            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static OfficialSchedule Read()
    {
        using var document = JsonDocument.Parse(Text);
        var years = new List<int>();
        var holidays = new HashSet<DateOnly>();
        var workdays = new HashSet<DateOnly>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name.StartsWith('_'))
            {
                continue;
            }

            years.Add(int.Parse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture));
            foreach (var item in property.Value.GetProperty("holidays").EnumerateArray())
            {
                holidays.Add(Day(item.GetString()!));
            }

            foreach (var item in property.Value.GetProperty("workdays").EnumerateArray())
            {
                workdays.Add(Day(item.GetString()!));
            }
        }

        years.Sort();
        return new OfficialSchedule(years, holidays, workdays);
    }
}
