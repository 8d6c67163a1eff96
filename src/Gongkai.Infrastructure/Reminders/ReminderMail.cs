using System.Globalization;
using System.Text;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Reminders;

namespace Gongkai.Infrastructure.Reminders;

/// <summary>
/// Where links in staff e-mails point: the site's public base address (<c>Gongkai:Hosting:PublicBaseUrl</c>) when the
/// web host registered it, otherwise the path alone.
/// </summary>
public sealed record StaffLinks(Uri? Base)
{
    public string To(string path) => Base is null ? path : new Uri(Base, path.TrimStart('/')).ToString();
}

/// <summary>
/// The text of reminder and digest e-mails. They name a request by its number (the back office's id) and the title of
/// the information asked for, with its due date and the working days left — never the applicant, their contact
/// details or tracking code: staff mailboxes are not the place for personal data.
/// </summary>
public static class ReminderMail
{
    public const int MaxTitle = 60;

    private const string Footer = "本邮件由政府信息公开平台自动发送，请勿直接回复。提醒的发送与收件人由系统管理员在“机关 → 期限提醒”中设置。";

    public sealed record Item(OpenRequest Request, Reminder Reminder);

    public static string Subject(IReadOnlyList<Item> items)
    {
        var worst = items.Max(i => i.Reminder.Kind);
        var what = worst switch
        {
            ReminderKind.Overdue => "已超期",
            ReminderKind.DueToday => "今日到期",
            ReminderKind.DueSoon => "临近答复期限",
        };
        return items.Count == 1
            ? $"【期限提醒】申请编号 {items[0].Request.Id} {what}"
            : string.Create(CultureInfo.InvariantCulture, $"【期限提醒】{items.Count} 件政府信息公开申请{(worst == ReminderKind.DueSoon ? "临近答复期限" : "需要督办")}");
    }

    public static string Body(string agencyName, IReadOnlyList<Item> items, StaffLinks links)
    {
        var text = new StringBuilder();
        text.Append("您好：\n\n").Append(agencyName).Append("的以下政府信息公开申请需要在答复期限内办理：\n");
        foreach (var kind in new[] { ReminderKind.Overdue, ReminderKind.DueToday, ReminderKind.DueSoon })
        {
            var group = items.Where(i => i.Reminder.Kind == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            text.Append('\n').Append('【').Append(kind.DisplayName()).Append("】\n");
            foreach (var (request, reminder) in group)
            {
                text.Append(Line(request, reminder.DueText, reminder.LeftText, links));
            }
        }

        text.Append("\n依照《政府信息公开条例》第三十三条，行政机关应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。\n\n")
            .Append(Footer).Append('\n');
        return text.ToString();
    }

    public static string DigestSubject(string agencyName, DateOnly day) =>
        $"【每日汇总】{agencyName}依申请公开期限（{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）";

    /// <summary>The day's digest: counts first, then each request due soon, due today and overdue, with links.</summary>
    public static string DigestBody(string agencyName, DateOnly day, int daysBefore, IReadOnlyList<OpenRequest> open, StaffLinks links)
    {
        var banded = open.Select(r => (Request: r, Kind: DeadlineReminders.Band(r.Deadline, daysBefore))).ToList();
        List<OpenRequest> Of(ReminderKind kind) => banded.Where(b => b.Kind == kind).Select(b => b.Request).ToList();
        var overdue = Of(ReminderKind.Overdue);
        var dueToday = Of(ReminderKind.DueToday);
        var dueSoon = Of(ReminderKind.DueSoon);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{agencyName} {day.Year}年{day.Month}月{day.Day}日 依申请公开期限汇总\n\n");
        text.Append(CultureInfo.InvariantCulture, $"办理中 {open.Count} 件：今日到期 {dueToday.Count} 件，{daysBefore} 个工作日内到期 {dueSoon.Count} 件，已超期 {overdue.Count} 件；")
            .Append(CultureInfo.InvariantCulture, $"待申请人补正 {open.Count(r => r.Status == Core.Requests.RequestStatus.AwaitingCorrection)} 件，")
            .Append(CultureInfo.InvariantCulture, $"征求意见中 {open.Count(r => r.InConsultation)} 件，")
            .Append(CultureInfo.InvariantCulture, $"待缴纳信息处理费 {open.Count(r => r.Status == Core.Requests.RequestStatus.AwaitingFee)} 件。\n");
        Section(text, "已超期（督办）", overdue, links);
        Section(text, "今日到期", dueToday, links);
        Section(text, $"{daysBefore} 个工作日内到期", dueSoon, links);
        text.Append("\n全部待办：").Append(links.To("/admin/requests")).Append('\n')
            .Append("已超期：").Append(links.To("/admin/requests?due=overdue")).Append('\n')
            .Append('\n').Append(Footer).Append('\n');
        return text.ToString();
    }

    /// <summary>Whether a digest would list anything at all (nothing open, nothing to send).</summary>
    public static bool HasContent(IReadOnlyList<OpenRequest> open) => open.Count > 0;

    private static void Section(StringBuilder text, string heading, List<OpenRequest> requests, StaffLinks links)
    {
        if (requests.Count == 0)
        {
            return;
        }

        text.Append('\n').Append('【').Append(heading).Append("】\n");
        foreach (var r in requests)
        {
            var left = r.Deadline.Left is { } l ? DeadlineReminders.LeftText(l.Days < 0 ? ReminderKind.Overdue : l.Days == 0 ? ReminderKind.DueToday : ReminderKind.DueSoon, l) : "";
            text.Append(Line(r, r.Deadline.DueText, left + (r.AssignedToName is { } name ? "，承办人：" + name : "，未分办"), links));
        }
    }

    private static string Line(OpenRequest request, string due, string left, StaffLinks links) =>
        string.Create(CultureInfo.InvariantCulture, $"- 申请编号 {request.Id}　“{Shorten(request.Title)}”　答复期限 {due}，{left}\n  {links.To($"/admin/requests/{request.Id}")}\n");

    private static string Shorten(string title)
    {
        var oneLine = string.Join(' ', title.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= MaxTitle ? oneLine : oneLine[..(MaxTitle - 1)] + "…";
    }
}
