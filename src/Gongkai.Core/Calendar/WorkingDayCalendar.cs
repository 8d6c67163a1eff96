namespace Gongkai.Core.Calendar;

/// <summary>
/// Working days by the official schedule: Monday to Friday, less statutory holidays, plus make-up working days.
/// Counting follows the regulation (“自收到申请之日起20个工作日内”): the start day is not counted, day 1 is the
/// first working day after it.
/// </summary>
public sealed class WorkingDayCalendar(HolidaySchedule schedule)
{
    public HolidaySchedule Schedule { get; } = schedule;

    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        return DayKindOf(date) is DayKind.Workday or DayKind.MakeUpWorkday;
    }

    public DayKind DayKindOf(DateOnly date)
    {
        EnsureCovered(date);
        if (Schedule.Holidays.Contains(date))
        {
            return DayKind.Holiday;
        }

        if (Schedule.Workdays.Contains(date))
        {
            return DayKind.MakeUpWorkday;
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
    }

    /// <summary>The date that is the <paramref name="workingDays"/>-th working day after <paramref name="start"/>; 0 gives the start itself.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        EnsureCovered(start);
        var date = start;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        EnsureCovered(from);
        EnsureCovered(to);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The non-working days strictly between <paramref name="from"/> and <paramref name="to"/> (inclusive of <paramref name="to"/>), for explaining a deadline.</summary>
    public IReadOnlyList<(DateOnly Date, DayKind Kind)> DaysBetween(DateOnly from, DateOnly to)
    {
        EnsureCovered(from);
        EnsureCovered(to);
        var days = new List<(DateOnly, DayKind)>();
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            days.Add((date, DayKindOf(date)));
        }

        return days;
    }

    private void EnsureCovered(DateOnly date)
    {
        if (!Schedule.Covers(date))
        {
            throw new DateOutsideCalendarException(date, Schedule.CoversFrom, Schedule.CoversTo);
        }
    }
}

public enum DayKind
{
    /// <summary>An ordinary Monday–Friday.</summary>
    Workday,
    /// <summary>An ordinary Saturday or Sunday.</summary>
    Weekend,
    /// <summary>A statutory holiday, or a weekend day folded into a holiday block.</summary>
    Holiday,
    /// <summary>A Saturday or Sunday made a working day (调休上班日).</summary>
    MakeUpWorkday,
}
