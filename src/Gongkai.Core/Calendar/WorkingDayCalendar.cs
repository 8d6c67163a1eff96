namespace Gongkai.Core.Calendar;

/// <summary>
/// Working days by the official schedule: Monday to Friday, less statutory holidays, plus make-up working days.
/// Counting follows the regulation (“自收到申请之日起20个工作日内”): the start day is not counted, day 1 is the
/// first working day after it.
/// <para>
/// After the schedule's last year, up to <see cref="ProvisionalYears"/> years on, days are reckoned provisionally:
/// weekends and the days off the law fixes (<see cref="StatutoryHolidays"/>) are not working days, and nothing
/// else is known — make-up days and bridges come only with the State Council's notice. Such days are
/// <see cref="IsProvisional">provisional</see>, and so is every date counted through them. Before the schedule's
/// first year nothing is reckoned.
/// </para>
/// </summary>
public sealed class WorkingDayCalendar(HolidaySchedule schedule)
{
    /// <summary>Far enough for any statutory period (the longest, with pauses and an extension, is a few months).</summary>
    public const int ProvisionalYears = 5;

    /// <summary>From this month on, deadlines counted today (up to 40 working days and more) may reach next year.</summary>
    public const int NextYearNeededFromMonth = 11;

    public HolidaySchedule Schedule { get; } = schedule;

    /// <summary>The last day reckoned at all: 31 December of the fifth year after the schedule (within what the law's dates are computed for).</summary>
    public DateOnly ProvisionalTo { get; } = new(Math.Max(schedule.LastYear, Math.Min(schedule.LastYear + ProvisionalYears, StatutoryHolidays.LastYear)), 12, 31);

    /// <summary>A day after the official schedule: its kind is reckoned from the law, and may change when the next notice is imported.</summary>
    public bool IsProvisional(DateOnly date) => date > Schedule.CoversTo;

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>, and whether it is provisional.
    /// Counting runs forward, so a result within the schedule counted only official days, and one beyond it is
    /// provisional (and so is every deadline that rests on it).
    /// </summary>
    public CountedDay Count(DateOnly start, int workingDays)
    {
        var date = AddWorkingDays(start, workingDays);
        return new CountedDay(date, IsProvisional(date));
    }

    /// <summary>Whether working days can be reckoned on <paramref name="date"/> at all: from the schedule's first day to <see cref="ProvisionalTo"/>.</summary>
    public bool Reckons(DateOnly date) => date >= Schedule.CoversFrom && date <= ProvisionalTo;

    /// <summary>
    /// As <see cref="Count(DateOnly, int)"/>, but null instead of an exception when <paramref name="start"/> or the
    /// day counted to lies where nothing is reckoned.
    /// </summary>
    public CountedDay? TryCount(DateOnly start, WorkingDays period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period.Days);
        if (!Reckons(start))
        {
            return null;
        }

        var date = start;
        for (var counted = 0; counted < period.Days;)
        {
            date = date.AddDays(1);
            if (date > ProvisionalTo)
            {
                return null;
            }

            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new CountedDay(date, IsProvisional(date));
    }

    /// <summary>
    /// The working days left on <paramref name="today"/> until <paramref name="due"/>: 0 on the due day, the working
    /// days after today up to the due day before it, and minus the working days after the due day up to today once it
    /// has passed. Both days must be <see cref="Reckons">reckoned</see>.
    /// </summary>
    public WorkingDays Left(DateOnly today, DateOnly due) =>
        new(today <= due ? WorkingDaysBetween(today, due) : -WorkingDaysBetween(due, today));

    /// <summary>
    /// The last due date that still has at most <paramref name="within"/> working days left on <paramref name="today"/>
    /// (the day before the next working day after that), so a date-range query agrees with <see cref="Left"/>; the end
    /// of the reckoned range when that lies further. Null when <paramref name="today"/> is not reckoned.
    /// </summary>
    public DateOnly? LastDueWithin(DateOnly today, WorkingDays within)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(within.Days);
        return !Reckons(today) ? null
            : TryCount(today, within + new WorkingDays(1)) is { } next ? next.Date.AddDays(-1)
            : ProvisionalTo;
    }

    /// <summary>
    /// The year whose schedule is missing although deadlines counted on <paramref name="today"/> may reach into it:
    /// from November, the next year; any year already begun. Null when the schedule is far enough.
    /// </summary>
    public int? MissingYear(DateOnly today)
    {
        var needed = today.Month >= NextYearNeededFromMonth ? today.Year + 1 : today.Year;
        return Schedule.LastYear < needed ? Schedule.LastYear + 1 : null;
    }

    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        return DayKindOf(date) is DayKind.Workday or DayKind.MakeUpWorkday;
    }

    public DayKind DayKindOf(DateOnly date)
    {
        EnsureCovered(date);
        if (IsProvisional(date))
        {
            return StatutoryHolidays.IsHoliday(date) ? DayKind.Holiday
                : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend
                : DayKind.Workday;
        }

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
        if (date < Schedule.CoversFrom || date > ProvisionalTo)
        {
            throw new DateOutsideCalendarException(date, Schedule.CoversFrom, Schedule.CoversTo, ProvisionalTo);
        }
    }
}

/// <summary>A date counted in working days, and whether any day counted lay beyond the official schedule.</summary>
public readonly record struct CountedDay(DateOnly Date, bool Provisional);

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

public static class DayKinds
{
    public static string DisplayName(this DayKind kind) => kind switch
    {
        DayKind.Workday => "工作日",
        DayKind.Weekend => "周末",
        DayKind.Holiday => "节假日",
        DayKind.MakeUpWorkday => "调休上班日",
    };
}
