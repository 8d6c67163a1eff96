using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Deadlines;

/// <summary>A request's statutory clock seen as a <see cref="Deadline"/>, so lists and dashboards treat requests and other items alike.</summary>
public static class StatutoryDeadlines
{
    public static DeadlineState ToDeadlineState(this ClockState state) => state switch
    {
        ClockState.NotStarted => DeadlineState.NotStarted,
        ClockState.Running => DeadlineState.Running,
        ClockState.Paused => DeadlineState.Paused,
        ClockState.Stopped => DeadlineState.Stopped,
        ClockState.Met => DeadlineState.Met,
        ClockState.Late => DeadlineState.Late,
        ClockState.Overdue => DeadlineState.Overdue,
        ClockState.Unknown => DeadlineState.Unknown,
    };

    /// <summary>The clock computed from the request's history on <paramref name="asOf"/>, with the working days left (negative when overdue).</summary>
    public static Deadline ToDeadline(this StatutoryDeadline clock, WorkingDayCalendar calendar, DateOnly asOf)
    {
        var state = clock.State.ToDeadlineState();
        return new Deadline(state, clock.Due, asOf, clock.Explanation)
        {
            Provisional = clock.Provisional,
            PausedUntil = clock.PausedUntil,
            Problem = clock.Problem,
            Left = LeftOn(calendar, state, clock.Due, asOf),
        };
    }

    /// <summary>
    /// The clock as a request's stored projection has it (due date, state and pause limit saved with its last step),
    /// brought up to <paramref name="today"/>: a running clock past its due date is overdue, and a pause that has
    /// outlived its legal period no longer pauses — an unanswered consultation or unpaid fee is late work.
    /// </summary>
    public static Deadline Projected(WorkingDayCalendar calendar, ClockState stored, DateOnly? due, bool provisional, DateOnly? pausedUntil, DateOnly today)
    {
        var state = stored.ToDeadlineState();
        var pauseLapsed = stored == ClockState.Paused && pausedUntil is { } until && until < today;
        if (stored is ClockState.Running or ClockState.Overdue || pauseLapsed)
        {
            state = due is not { } d ? DeadlineState.Unknown : today > d ? DeadlineState.Overdue : DeadlineState.Running;
        }

        var lines = new List<string>();
        if (due is { } dueOn)
        {
            lines.Add($"答复期限：{Deadline.Iso(dueOn)}{(provisional ? "（预计）" : "")}。");
        }

        if (pauseLapsed)
        {
            lines.Add($"暂停期限已于 {Deadline.Iso(pausedUntil!.Value)} 届满，此后的时间计入答复期限。");
        }

        return new Deadline(state, due, today, lines)
        {
            Provisional = provisional,
            PausedUntil = state == DeadlineState.Paused ? pausedUntil : null,
            Left = LeftOn(calendar, state, due, today),
        };
    }

    private static WorkingDays? LeftOn(WorkingDayCalendar calendar, DeadlineState state, DateOnly? due, DateOnly asOf) =>
        due is { } d && state is DeadlineState.Running or DeadlineState.Paused or DeadlineState.Overdue && calendar.Reckons(asOf) && calendar.Reckons(d)
            ? calendar.Left(asOf, d)
            : null;
}
