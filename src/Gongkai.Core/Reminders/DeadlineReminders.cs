using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;

namespace Gongkai.Core.Reminders;

/// <summary>
/// A reminder a request is due for on a day. <see cref="Round"/> is 0 but for repeated overdue reminders (the first
/// repeat is 1): with the kind and the due date it identifies the reminder, so it is sent once, and a new due date (an
/// extension, a recomputed calendar) reminds afresh.
/// </summary>
public sealed record Reminder(ReminderKind Kind, DateOnly Due, int Round, WorkingDays Left, bool Provisional)
{
    /// <summary>"剩余 2 个工作日", "今日到期", "已超期 3 个工作日".</summary>
    public string LeftText => DeadlineReminders.LeftText(Kind, Left);

    public string DueText => Deadline.Iso(Due) + (Provisional ? "（预计）" : "");
}

/// <summary>
/// The reminder rule, on the one deadline model (ADR 0014): a running clock with at most N working days left is
/// 临近到期, on its due date 今日到期, and a clock past its due date 已超期. A paused clock (consultation, fee) and one
/// not running (awaiting confirmation or correction) are not reminded: no time is running out.
/// </summary>
public static class DeadlineReminders
{
    /// <summary>
    /// Where <paramref name="deadline"/> stands on its own day (<see cref="Deadline.AsOf"/>) for the dashboard and the
    /// digest: null when it is neither due soon, due today nor overdue.
    /// </summary>
    public static ReminderKind? Band(Deadline deadline, int daysBefore)
    {
        if (deadline.Left is not { } left)
        {
            return null;
        }

        return deadline.State switch
        {
            DeadlineState.Running when left.Days == 0 => ReminderKind.DueToday,
            DeadlineState.Running when left.Days > 0 && left.Days <= daysBefore => ReminderKind.DueSoon,
            DeadlineState.Overdue when left.Days < 0 => ReminderKind.Overdue,
            _ => null,
        };
    }

    /// <summary>
    /// The reminder to send on <see cref="Deadline.AsOf"/>: only on a working day (nobody reads them on a holiday;
    /// the next working day's run catches up), only when the agency sends reminders, and only in a band. 临近到期 goes
    /// on the first working day with at most <see cref="ReminderSettings.DaysBefore"/> days left (or later, if no run
    /// happened then: it is sent once per due date anyway); 已超期 on the first working day after the due date and, when
    /// <see cref="ReminderSettings.OverdueEvery"/> is M &gt; 0, again every M working days.
    /// </summary>
    public static Reminder? Due(Deadline deadline, ReminderSettings settings, WorkingDayCalendar calendar)
    {
        var today = deadline.AsOf;
        if (!settings.Enabled || !calendar.Reckons(today) || !calendar.IsWorkingDay(today)
            || deadline.Due is not { } due || Band(deadline, settings.DaysBefore) is not { } kind)
        {
            return null;
        }

        var left = deadline.Left!.Value;
        var round = kind == ReminderKind.Overdue && settings.OverdueEvery > 0 ? (-left.Days - 1) / settings.OverdueEvery : 0;
        return new Reminder(kind, due, round, left, deadline.Provisional);
    }

    public static string LeftText(ReminderKind kind, WorkingDays left) => kind switch
    {
        ReminderKind.DueSoon => string.Create(CultureInfo.InvariantCulture, $"剩余 {left.Days} 个工作日"),
        ReminderKind.DueToday => "今日到期",
        ReminderKind.Overdue => string.Create(CultureInfo.InvariantCulture, $"已超期 {-left.Days} 个工作日"),
    };
}
