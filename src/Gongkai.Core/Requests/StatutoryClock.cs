using System.Globalization;
using Gongkai.Core.Calendar;

namespace Gongkai.Core.Requests;

public enum ClockState
{
    /// <summary>Not yet received (awaiting confirmation), or withdrawn before it was: no clock.</summary>
    NotStarted,
    /// <summary>Counting working days towards the due date.</summary>
    Running,
    /// <summary>A consultation or a fee notice is open: these days are not counted.</summary>
    Paused,
    /// <summary>Awaiting correction: the count starts afresh when the corrected request arrives.</summary>
    Stopped,
    /// <summary>Decided on or before the due date.</summary>
    Met,
    /// <summary>Decided after the due date.</summary>
    Late,
    /// <summary>Still open after the due date (督办).</summary>
    Overdue,
    /// <summary>
    /// The days needed lie where nothing is reckoned (before the schedule, or years beyond it): no date rather than a
    /// wrong one. Days just beyond the schedule give a provisional date instead.
    /// </summary>
    Unknown,
}

public static class ClockStates
{
    public static string DisplayName(this ClockState state) => state switch
    {
        ClockState.NotStarted => "未起算",
        ClockState.Running => "计时中",
        ClockState.Paused => "暂停计时",
        ClockState.Stopped => "待补正，重新计算",
        ClockState.Met => "按期答复",
        ClockState.Late => "逾期答复",
        ClockState.Overdue => "已超期",
        ClockState.Unknown => "无法计算",
    };
}

/// <summary>
/// The due date and how it was reached, step by step, in words staff and applicants read. <see cref="Problem"/> is
/// for staff only: why there is no date, and what an administrator can do about it.
/// </summary>
public sealed record StatutoryDeadline(DateOnly? Due, ClockState State, int PausedWorkingDays, IReadOnlyList<string> Explanation, string? Problem = null)
{
    /// <summary>
    /// The due date (or a day counted towards it) lies beyond the official schedule: it is reckoned from the law's
    /// festivals and weekends, shown as 预计, and recomputed when that year's schedule is imported.
    /// </summary>
    public bool Provisional { get; init; }

    /// <summary>While paused: the last day the pause can last by law (the consultee's period, the time to pay).</summary>
    public DateOnly? PausedUntil { get; init; }

    /// <summary>Working days left until the due date (0 on the day itself), or null when there is no running clock.</summary>
    public int? WorkingDaysLeft(WorkingDayCalendar calendar, DateOnly asOf) =>
        Due is { } due && State is ClockState.Running or ClockState.Paused && asOf <= due ? calendar.WorkingDaysBetween(asOf, due) : null;
}

/// <summary>
/// The statutory clock (Arts. 30–35 and the fee rules), a pure function of a request's history, the calendar and
/// the day it is asked on. Convention for time not counted (docs/adr/0007): a consultation or fee notice excludes
/// the working days after the day the letter is sent, up to and including the day the answer (or payment) arrives;
/// days excluded by overlapping consultations are excluded once.
/// </summary>
public static class StatutoryClock
{
    public static StatutoryDeadline Compute(InformationRequest request, WorkingDayCalendar calendar, DateOnly asOf)
    {
        var lines = new List<string>();
        if (request.ReceivedOn is not { } received)
        {
            lines.Add($"{Iso(request.SubmittedOn)} 提交；{request.Channel.ReceiptRule()}。尚未确认，答复期限尚未起算。");
            return new StatutoryDeadline(null, ClockState.NotStarted, 0, lines);
        }

        lines.Add($"{Iso(received)} 收到申请：{request.Channel.ReceiptRule()}。");
        if (request.Channel == Channel.OrdinaryMail && request.ClockStart is { } arrival && arrival < received && request.CorrectionReceivedOn is null)
        {
            var reason = request.History.OfType<ReceiptConfirmed>().LastOrDefault()?.Note;
            lines.Add($"平信于 {Iso(arrival)} 到达，{Iso(received)} 才与申请人确认（{reason}）：本应在到达当日确认，答复期限自到达之日起算。");
        }

        try
        {
            return Compute(request, calendar, asOf, received, lines);
        }
        catch (DateOutsideCalendarException e)
        {
            // The explanation reaches the applicant: it says why there is no date, not what staff should do.
            lines.Add($"答复期限暂时无法计算：{Iso(e.Date)} 不在可计算工作日的范围内。");
            return new StatutoryDeadline(null, ClockState.Unknown, 0, lines, e.Message + (e.Date > calendar.Schedule.CoversTo ? "请管理员导入该年度的国务院节假日安排。" : ""));
        }
    }

    private static StatutoryDeadline Compute(InformationRequest request, WorkingDayCalendar calendar, DateOnly asOf, DateOnly received, List<string> lines)
    {
        var decision = request.Decision;
        if (decision is { OnTheSpot: true })
        {
            lines.Add($"{Iso(decision.On)} 当场答复（《条例》第三十三条第一款）。");
            return new StatutoryDeadline(received, ClockState.Met, 0, lines);
        }

        if (request.CorrectionNotice is { } notice)
        {
            var correctBy = request.CorrectionDueOn(calendar);
            var period = notice.PeriodWorkingDays is { } n
                ? correctBy is { } by
                    ? $"补正期限为收到通知之日起 {n} 个工作日{(notice.DeliveredOn is { } got && got != notice.On ? $"（{Iso(got)} 送达）" : "")}，至 {Iso(by)}{(calendar.IsProvisional(by) ? "（预计）" : "")}"
                    : $"补正期限为收到通知之日起 {n} 个工作日，通知邮寄送达，尚未记录签收日期"
                : $"补正期限至 {Iso(notice.CorrectBy!.Value)}";
            lines.Add($"{Iso(notice.On)} 发出补正通知，{period}；答复期限自收到补正之日起重新计算（《条例》第三十条）。"
                + (notice.Late ? "（补正通知晚于收到申请后 7 个工作日发出。）" : ""));
            if (request.CorrectionReceivedOn is { } corrected)
            {
                lines.Add($"{Iso(corrected)} 收到补正后的申请，自次日起重新计算。");
            }
            else
            {
                var stoppedState = decision is null ? ClockState.Stopped : ClockState.Met;
                if (decision is not null)
                {
                    lines.Add($"{Iso(decision.On)} {decision.Outcome.DisplayName()}。");
                    lines.AddRange(DeliveryLines(request, calendar));
                }

                return new StatutoryDeadline(null, stoppedState, 0, lines);
            }
        }

        var start = request.ClockStart!.Value;
        // The clock stops for good at the decision; open pauses run until today.
        var end = decision?.On ?? asOf;
        // A pause never outlives its legal period (docs/adr/0011-periods-from-delivery.md): a consultation ends at the answer or when the
        // consultee's 15 working days run out; a fee notice at the payment or when the 20 days to pay run out.
        var pauses = new List<(DateOnly From, DateOnly To, string What, bool Open)>();
        var openPause = false;
        DateOnly? pausedUntil = null;
        foreach (var c in request.Consultations)
        {
            var what = c.Kind == ConsultationKind.ThirdParty ? $"征求第三方（{c.Party}）意见" : $"征求{c.Party}意见";
            var periodEnds = c.PeriodEnds(calendar);
            var answered = c.AnsweredOn is { } a && a <= periodEnds;
            var to = answered ? c.AnsweredOn!.Value : Earlier(end, periodEnds);
            var open = c.AnsweredOn is null && decision is null && asOf <= periodEnds;
            openPause |= open;
            pausedUntil = open && (pausedUntil is null || periodEnds > pausedUntil) ? periodEnds : pausedUntil;
            if (c.DeliveredOn is { } delivered && delivered != c.SentOn)
            {
                what += $"（{Iso(delivered)} 送达）";
            }

            pauses.Add((c.SentOn, to, what, open));
            if (!answered && end > periodEnds)
            {
                lines.Add($"{Iso(periodEnds)} 征求意见期满（自收到征求意见书之日起 15 个工作日）{(c.AnsweredOn is { } late ? $"，对方于 {Iso(late)} 才答复" : "，对方未答复")}：{c.Lapse}。此后的时间计入答复期限。");
            }
        }

        if (request.FeeNotice is { } posted && request.FeePayBy(calendar) is null)
        {
            // Sent by post, not yet signed for: the time to pay has not started, so the pause runs on.
            var open = request.FeePaidOn is null && decision is null;
            openPause |= open;
            pauses.Add((posted.On, request.FeePaidOn ?? end, "发出收费通知（邮寄，尚未记录送达日期），至缴费", open));
            lines.Add("收费通知尚未记录送达日期：缴费期限自申请人收到通知次日起计算 20 个工作日。");
        }
        else if (request.FeeNotice is { } fee)
        {
            var payBy = request.FeePayBy(calendar)!.Value;
            var paid = request.FeePaidOn is { } p && p <= payBy;
            var open = request.FeePaidOn is null && decision is null && asOf <= payBy;
            openPause |= open;
            pausedUntil = open && (pausedUntil is null || payBy > pausedUntil) ? payBy : pausedUntil;
            var delivered = fee.DeliveredOn is { } d && d != fee.On ? $"（{Iso(d)} 送达）" : "";
            pauses.Add((fee.On, paid ? request.FeePaidOn!.Value : Earlier(end, payBy), $"发出收费通知{delivered}，至缴费", open));
            if (!paid && request.FeePaidOn is null && end > payBy)
            {
                lines.Add($"{Iso(payBy)} 缴费期限届满（自收到收费通知次日起 20 个工作日），申请人未缴费：视为放弃申请，应按逾期未缴费办结。");
            }
        }

        var excluded = new SortedSet<DateOnly>();
        var lastCounted = start;
        foreach (var (from, to, what, open) in pauses)
        {
            lastCounted = to > lastCounted ? to : lastCounted;
            var days = new List<DateOnly>();
            for (var d = (from > start ? from : start).AddDays(1); d <= to; d = d.AddDays(1))
            {
                if (calendar.IsWorkingDay(d))
                {
                    days.Add(d);
                }
            }

            excluded.UnionWith(days);
            lines.Add($"{Iso(from)} 起{what}{(open ? "，尚未结束（计至今日）" : $"，至 {Iso(to)}")}：{days.Count} 个工作日不计入答复期限。");
        }

        var extension = request.Extension?.WorkingDays ?? 0;
        var total = InformationRequest.AnswerWorkingDays + excluded.Count + extension;
        var due = calendar.AddWorkingDays(start, total);
        lines.Add($"自 {Iso(start)} 次日起计算 20 个工作日{(excluded.Count > 0 ? $"，加上不计入的 {excluded.Count} 个工作日" : "")}。");
        if (request.Extension is { } x)
        {
            lines.Add($"{Iso(x.On)} 经{x.ApprovedBy.DisplayName}同意延长 {x.WorkingDays} 个工作日（《条例》第三十三条第二款）：{x.Reason}。");
        }

        lines.AddRange(Deadlines.Deadline.NonWorkingDays(calendar, start, due));
        lastCounted = due > lastCounted ? due : lastCounted;
        var provisional = calendar.IsProvisional(lastCounted);

        if (request.ReasonsRequest is { } asked)
        {
            lines.Add($"{Iso(asked.On)} 申请数量、频次明显超过合理范围，依《条例》第三十五条要求申请人于 {Iso(asked.ReplyBy)} 前说明理由；其间答复期限照常计算。");
            if (request.ReasonsAnswer is { } stated)
            {
                lines.Add($"{Iso(stated.On)} 申请人说明了理由，本机关认为{(stated.Accepted ? "理由合理" : "理由不合理")}。");
            }
        }

        if (request.ReasonableDeadline is { } r)
        {
            lines.Add($"{Iso(r.On)} 依《条例》第三十五条确定延迟答复的合理期限至 {Iso(r.Deadline)}：{r.Reason}。");
            due = r.Deadline;
            // A period set by decision is a date, not a count: no schedule moves it.
            provisional = false;
        }

        lines.Add($"答复期限：{Iso(due)}{(provisional ? "（预计）" : "")}。");
        if (provisional)
        {
            lines.Add(ProvisionalNote(calendar, "答复期限", due, lastCounted));
        }

        // Only a pause within its legal period pauses: an overdue request is never shown as paused.
        var paused = decision is null && openPause && asOf <= due;
        ClockState state;
        if (decision is not null)
        {
            state = decision.On <= due ? ClockState.Met : ClockState.Late;
            lines.Add($"{Iso(decision.On)} {decision.Outcome.DisplayName()}{(state == ClockState.Late ? "，晚于答复期限" : "，在答复期限内")}。");
            lines.AddRange(DeliveryLines(request, calendar));
        }
        else
        {
            state = paused ? ClockState.Paused : asOf > due ? ClockState.Overdue : ClockState.Running;
        }

        return new StatutoryDeadline(due, state, excluded.Count, lines) { Provisional = provisional, PausedUntil = state == ClockState.Paused ? pausedUntil : null };
    }

    /// <summary>How the reply reached the applicant, and until when it can be challenged.</summary>
    private static IEnumerable<string> DeliveryLines(InformationRequest request, WorkingDayCalendar calendar)
    {
        if (request.Delivery is not { } delivery)
        {
            yield break;
        }

        if (request.ReplyDeliveredOn is not { } received)
        {
            yield return $"{Iso(delivery.On)} 答复邮寄发出，尚未记录签收日期。";
            yield break;
        }

        yield return delivery.Method == DeliveryMethod.Announcement
            ? $"{Iso(delivery.On)} 答复公告送达，{Iso(received)} 视为送达。"
            : $"{Iso(received)} 答复送达申请人。";
        if (request.Remedies(calendar) is { } remedy)
        {
            yield return $"对答复不服的，可以在 {Iso(remedy.ReviewBy)} 前申请行政复议（收到答复之日起 60 日），或在 {Iso(remedy.SueBy)} 前提起行政诉讼（6 个月）{(remedy.Provisional ? "（预计）" : "")}。";
        }
    }

    /// <summary>The one line that says a date is provisional, why, and that it will be recomputed.</summary>
    public static string ProvisionalNote(WorkingDayCalendar calendar, string what, DateOnly date, DateOnly lastCounted)
    {
        var first = calendar.Schedule.LastYear + 1;
        var years = lastCounted.Year > first ? $"{first}—{lastCounted.Year}" : $"{first}";
        return $"{what} {Iso(date)} 为预计日期：{years}年国务院节假日安排尚未公布，按《全国年节及纪念日放假办法》规定的节日和周末推算，公布后重新计算。";
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
