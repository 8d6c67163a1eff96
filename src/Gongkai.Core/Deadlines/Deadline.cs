using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Deadlines;

public enum DeadlineState
{
    /// <summary>The event the period runs from has not happened yet: no clock.</summary>
    NotStarted,
    /// <summary>Counting working days towards the due date.</summary>
    Running,
    /// <summary>Days are not counted for now (a consultation, a fee notice).</summary>
    Paused,
    /// <summary>The period runs from delivery, and no delivery is recorded yet: it has no end date.</summary>
    AwaitingDelivery,
    /// <summary>The count has stopped and starts afresh later (a correction awaited).</summary>
    Stopped,
    /// <summary>Still open after the due date.</summary>
    Overdue,
    /// <summary>Done on or before the due date.</summary>
    Met,
    /// <summary>Done after the due date.</summary>
    Late,
    /// <summary>The days needed lie where nothing is reckoned: no date rather than a wrong one.</summary>
    Unknown,
}

/// <summary>
/// A deadline as every list, dashboard and page shows it, whatever it belongs to (a request, a letter, a document
/// under Art. 26): the due date, whether it is provisional (预计, past the official holiday schedule), where it
/// stands on <see cref="AsOf"/>, the working days left (signed: negative once overdue) and how it was reached, in
/// words. <see cref="Problem"/> is for staff only: why there is no date, and what an administrator can do.
/// </summary>
public sealed record Deadline(DeadlineState State, DateOnly? Due, DateOnly AsOf, IReadOnlyList<string> Explanation)
{
    /// <summary>Shown where a due date cannot be computed.</summary>
    public const string NoDate = "无法计算";

    public bool Provisional { get; init; }

    /// <summary>Working days left on <see cref="AsOf"/> (0 on the due day, negative when late) while the deadline is open; null when done, not running or not reckoned.</summary>
    public WorkingDays? Left { get; init; }

    /// <summary>While paused: the last day the pause can last.</summary>
    public DateOnly? PausedUntil { get; init; }

    public string? Problem { get; init; }

    /// <summary>Still to be met: running, paused, awaiting delivery or overdue.</summary>
    public bool IsOpen => State is DeadlineState.Running or DeadlineState.Paused or DeadlineState.AwaitingDelivery or DeadlineState.Overdue;

    public bool IsOverdue => State == DeadlineState.Overdue;

    /// <summary>Running and due on <see cref="AsOf"/> itself.</summary>
    public bool DueToday => State == DeadlineState.Running && Due == AsOf;

    /// <summary>Running with at most <paramref name="within"/> working days left (due today included); agrees with <see cref="WorkingDayCalendar.LastDueWithin"/>.</summary>
    public bool DueWithin(WorkingDays within) => State == DeadlineState.Running && Left is { } left && left >= WorkingDays.Zero && left <= within;

    /// <summary>"2027-01-13（预计）", or <see cref="NoDate"/>.</summary>
    public string DueText => Due is { } due ? Iso(due) + (Provisional ? "（预计）" : "") : NoDate;

    /// <summary>Where it stands, in a few words: "还剩 3 个工作日", "今天到期", "已超期 2 个工作日", "无法计算".</summary>
    public string Summary => State switch
    {
        DeadlineState.NotStarted => "尚未起算",
        DeadlineState.Running => Left is { Days: 0 } ? "今天到期" : Left is { } left ? $"还剩 {left}" : "办理中",
        DeadlineState.Paused => PausedUntil is { } until ? $"暂停计算（最迟至 {Iso(until)}）" : "暂停计算",
        DeadlineState.AwaitingDelivery => "等待送达，尚未起算",
        DeadlineState.Stopped => "停止计算",
        DeadlineState.Overdue => Left is { IsNegative: true } late ? $"已{late}" : "已超期",
        DeadlineState.Met => "按期完成",
        DeadlineState.Late => "逾期完成",
        DeadlineState.Unknown => NoDate,
    };

    /// <summary>The same deadline with <paramref name="lines"/> put before its explanation (what the period runs from).</summary>
    public Deadline Prepend(params string[] lines) => this with { Explanation = [.. lines, .. Explanation] };

    /// <summary>
    /// A plain period: due on the <paramref name="period"/>-th working day after <paramref name="start"/> (the start
    /// day not counted), as of <paramref name="today"/>, done on <paramref name="doneOn"/> if done.
    /// <paramref name="what"/> names it in the explanation ("答复期限"). Never throws for dates the calendar cannot
    /// reckon: the deadline is then <see cref="DeadlineState.Unknown"/>, without a date, and says why.
    /// </summary>
    public static Deadline Count(WorkingDayCalendar calendar, DateOnly start, WorkingDays period, DateOnly today, DateOnly? doneOn, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period.Days);
        var lines = new List<string> { $"自 {Iso(start)} 次日起计算 {period}。" };
        if (calendar.TryCount(start, period) is not { } counted)
        {
            var outside = calendar.Reckons(start) ? calendar.ProvisionalTo.AddDays(1) : start;
            return Unknown(calendar, outside, today, what, lines);
        }

        var due = counted.Date;
        lines.AddRange(NonWorkingDays(calendar, start, due));
        return At(calendar, due, today, doneOn, what, lines, counted.Provisional);
    }

    /// <summary>
    /// A due date already fixed (stored, or set by decision): provisional when it lies past the official schedule.
    /// <paramref name="lines"/> say where it came from.
    /// </summary>
    public static Deadline At(WorkingDayCalendar calendar, DateOnly due, DateOnly today, DateOnly? doneOn, string what, IEnumerable<string> lines) =>
        At(calendar, due, today, doneOn, what, [.. lines], calendar.IsProvisional(due));

    /// <summary>No date: <paramref name="outside"/> lies where the calendar reckons nothing.</summary>
    public static Deadline Unknown(WorkingDayCalendar calendar, DateOnly outside, DateOnly today, string what, IEnumerable<string> lines)
    {
        var problem = new DateOutsideCalendarException(outside, calendar.Schedule.CoversFrom, calendar.Schedule.CoversTo, calendar.ProvisionalTo).Message;
        return new Deadline(DeadlineState.Unknown, null, today, [.. lines, $"{what}{NoDate}：{Iso(outside)} 不在可计算工作日的范围内。"])
        {
            Problem = problem + (outside > calendar.Schedule.CoversTo ? "请管理员导入该年度的国务院节假日安排。" : ""),
        };
    }

    /// <summary>Holidays and make-up working days inside a count, grouped into runs, so people see why the date is where it is.</summary>
    public static IEnumerable<string> NonWorkingDays(WorkingDayCalendar calendar, DateOnly start, DateOnly due)
    {
        var days = calendar.DaysBetween(start, due);
        var i = 0;
        while (i < days.Count)
        {
            var (date, kind) = days[i];
            if (kind == DayKind.Holiday)
            {
                var j = i;
                while (j + 1 < days.Count && days[j + 1].Kind is DayKind.Holiday or DayKind.Weekend)
                {
                    j++;
                }

                while (days[j].Kind != DayKind.Holiday)
                {
                    j--;
                }

                var festival = calendar.IsProvisional(date) && StatutoryHolidays.FestivalOf(date) is { } f ? $"（{f.DisplayName()}，预计）" : "";
                yield return days[j].Date == date
                    ? $"其中 {Iso(date)} 为法定节假日{festival}，不计算在内。"
                    : $"其中 {Iso(date)} 至 {Iso(days[j].Date)} 为法定节假日{festival}，不计算在内。";
                i = j + 1;
            }
            else
            {
                if (kind == DayKind.MakeUpWorkday)
                {
                    yield return $"其中 {Iso(date)}（{(date.DayOfWeek == DayOfWeek.Saturday ? "周六" : "周日")}）为调休上班日，计为工作日。";
                }

                i++;
            }
        }
    }

    private static Deadline At(WorkingDayCalendar calendar, DateOnly due, DateOnly today, DateOnly? doneOn, string what, List<string> lines, bool provisional)
    {
        lines.Add($"{what}：{Iso(due)}{(provisional ? "（预计）" : "")}。");
        if (provisional)
        {
            lines.Add(StatutoryClock.ProvisionalNote(calendar, what, due, due));
        }

        if (doneOn is { } done)
        {
            var met = done <= due;
            lines.Add($"{Iso(done)} 办结，{(met ? $"在{what}内" : $"晚于{what}")}。");
            return new Deadline(met ? DeadlineState.Met : DeadlineState.Late, due, today, lines) { Provisional = provisional };
        }

        var left = calendar.Reckons(today) && calendar.Reckons(due) ? calendar.Left(today, due) : (WorkingDays?)null;
        var state = today > due ? DeadlineState.Overdue : DeadlineState.Running;
        if (state == DeadlineState.Overdue)
        {
            lines.Add(left is { IsNegative: true } late ? $"截至 {Iso(today)} 已{late}。" : $"截至 {Iso(today)} 已超过{what}。");
        }

        return new Deadline(state, due, today, lines) { Provisional = provisional, Left = left };
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
