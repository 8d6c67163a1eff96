namespace Gongkai.Core.Reminders;

/// <summary>Which deadline reminder a request is due for.</summary>
public enum ReminderKind
{
    /// <summary>临近到期: at most <see cref="ReminderSettings.DaysBefore"/> working days left, and more than none.</summary>
    DueSoon,
    /// <summary>今日到期: the due date is today.</summary>
    DueToday,
    /// <summary>已超期: the due date has passed and no answer is recorded (督办).</summary>
    Overdue,
}

public static class ReminderKinds
{
    public static string DisplayName(this ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "临近到期",
        ReminderKind.DueToday => "今日到期",
        ReminderKind.Overdue => "已超期",
    };
}

/// <summary>
/// An agency's reminder settings: whether deadline reminders go out, how early, to whom, and the daily digest.
/// Agencies that never saved any have <see cref="Default"/>.
/// </summary>
public sealed record ReminderSettings
{
    public const int MinDaysBefore = 1;
    public const int MaxDaysBefore = 10;
    public const int MaxOverdueEvery = 20;
    public const int MaxMailboxLength = 100;

    public static ReminderSettings Default { get; } = new();

    /// <summary>Reminders to the handler and heads at all (the dashboard panel shows regardless).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>临近到期: the reminder goes when this many working days or fewer are left (1–10, default 3).</summary>
    public int DaysBefore { get; init; } = 3;

    /// <summary>After the first overdue reminder, another every this many working days; 0: only once (the digest keeps listing it).</summary>
    public int OverdueEvery { get; init; }

    /// <summary>The handler the request is assigned to (分办).</summary>
    public bool NotifyHandler { get; init; } = true;

    /// <summary>The heads (审核人（机构负责人）) of the agency whose staff handle the request.</summary>
    public bool NotifyHeads { get; init; } = true;

    /// <summary>每日汇总: one e-mail a working day listing what falls due and what is overdue.</summary>
    public bool DigestEnabled { get; init; } = true;

    public bool DigestToHeads { get; init; } = true;

    /// <summary>A further address for the digest, e.g. the office's shared mailbox.</summary>
    public string? DigestMailbox { get; init; }

    /// <summary>What is wrong with these settings, by field, in Chinese; empty when they can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (DaysBefore is < MinDaysBefore or > MaxDaysBefore)
        {
            errors[nameof(DaysBefore)] = $"提前提醒的工作日数须为 {MinDaysBefore} 至 {MaxDaysBefore} 之间的整数。";
        }

        if (OverdueEvery is < 0 or > MaxOverdueEvery)
        {
            errors[nameof(OverdueEvery)] = $"超期后重复提醒的间隔须为 0（只提醒一次）至 {MaxOverdueEvery} 个工作日。";
        }

        if (!string.IsNullOrEmpty(DigestMailbox) && !LooksLikeMailbox(DigestMailbox))
        {
            errors[nameof(DigestMailbox)] = "每日汇总的收件邮箱格式不正确，应如 office@example.gov.cn。";
        }

        if (DigestEnabled && !DigestToHeads && string.IsNullOrEmpty(DigestMailbox))
        {
            errors[nameof(DigestEnabled)] = "每日汇总至少需要一个收件人：请选择发给机构负责人，或填写收件邮箱。";
        }

        return errors;
    }

    /// <summary>One address, no display name: what an SMTP server will take as a recipient.</summary>
    public static bool LooksLikeMailbox(string value)
    {
        if (value.Length > MaxMailboxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"'))
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) is var dot && dot > at + 1 && dot < value.Length - 1 && !value.EndsWith('.');
    }
}
