using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Reminders;
using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Reminders;

/// <summary>
/// Dates counted by hand from cn-holidays.json: 2026 National Day and Mid-Autumn are off 09-25…09-27 and
/// 10-01…10-07; Sunday 09-20 and Saturday 10-10 are make-up working days; Thursday 10-08 is a working day.
/// </summary>
public sealed class DeadlineRemindersTests
{
    private static Deadline Running(string due, string today, ClockState state = ClockState.Running, string? pausedUntil = null) =>
        StatutoryDeadlines.Projected(Official, state, Day(due), false, pausedUntil is null ? null : Day(pausedUntil), Day(today));

    private static Reminder? On(string due, string today, ReminderSettings? settings = null) =>
        DeadlineReminders.Due(Running(due, today), settings ?? ReminderSettings.Default, Official);

    [Theory]
    // Due Mon 10-12. Working days after 10-08 up to 10-12: 10-09, 10-10 (make-up Saturday), 10-12 = 3.
    [InlineData("2026-10-08", 3)]
    [InlineData("2026-10-09", 2)]
    [InlineData("2026-10-10", 1)]
    public void A_request_due_after_the_national_day_is_due_soon_from_three_working_days_before(string today, int left)
    {
        var reminder = On("2026-10-12", today);

        Assert.NotNull(reminder);
        Assert.Equal(ReminderKind.DueSoon, reminder.Kind);
        Assert.Equal(new WorkingDays(left), reminder.Left);
        Assert.Equal(Day("2026-10-12"), reminder.Due);
        Assert.Equal($"剩余 {left} 个工作日", reminder.LeftText);
    }

    [Fact]
    public void The_last_working_day_before_the_holiday_is_four_working_days_before_so_nothing_is_sent()
    {
        // 09-30 → 10-12: 10-08, 10-09, 10-10, 10-12 = 4 > 3.
        Assert.Null(On("2026-10-12", "2026-09-30"));
        Assert.NotNull(On("2026-10-12", "2026-09-30", ReminderSettings.Default with { DaysBefore = 4 }));
    }

    [Theory]
    [InlineData("2026-10-01")] // National Day
    [InlineData("2026-10-05")] // holiday Monday
    [InlineData("2026-10-11")] // Sunday between the make-up Saturday and the due date
    public void Nothing_is_sent_on_a_day_off(string today) => Assert.Null(On("2026-10-12", today));

    [Fact]
    public void A_request_due_on_the_first_day_after_the_holiday_reminds_across_it()
    {
        // Due Thu 10-08. 09-28 → 10-08: 09-29, 09-30, 10-08 = 3; 09-24 → 10-08: 09-28, 09-29, 09-30, 10-08 = 4
        // (09-25 is Mid-Autumn, 09-26/27 the weekend).
        Assert.Equal(new WorkingDays(3), On("2026-10-08", "2026-09-28")!.Left);
        Assert.Equal(new WorkingDays(1), On("2026-10-08", "2026-09-30")!.Left);
        Assert.Null(On("2026-10-08", "2026-09-24"));
        Assert.Null(On("2026-10-08", "2026-09-25"));

        var today = On("2026-10-08", "2026-10-08")!;
        Assert.Equal(ReminderKind.DueToday, today.Kind);
        Assert.Equal("今日到期", today.LeftText);

        var after = On("2026-10-08", "2026-10-09")!;
        Assert.Equal(ReminderKind.Overdue, after.Kind);
        Assert.Equal(0, after.Round);
        Assert.Equal("已超期 1 个工作日", after.LeftText);
    }

    [Fact]
    public void Over_a_weekend_only_working_days_count()
    {
        // Due Mon 2026-11-16: Wed 11-11 has 11-12, 11-13, 11-16 left = 3; Tue 11-10 has 4; Tue 11-17 is one past.
        Assert.Equal(new WorkingDays(3), On("2026-11-16", "2026-11-11")!.Left);
        Assert.Equal(new WorkingDays(1), On("2026-11-16", "2026-11-13")!.Left);
        Assert.Null(On("2026-11-16", "2026-11-10"));
        Assert.Null(On("2026-11-16", "2026-11-14"));
        Assert.Equal(ReminderKind.DueToday, On("2026-11-16", "2026-11-16")!.Kind);
        Assert.Equal(new WorkingDays(-1), On("2026-11-16", "2026-11-17")!.Left);
    }

    [Fact]
    public void Overdue_is_one_reminder_by_default_and_repeats_every_m_working_days_when_set()
    {
        // Due Thu 10-08: 10-09 is 1 past, 10-10 (make-up Saturday) 2, 10-12 3, 10-13 4, 10-14 5.
        Assert.Equal([0, 0, 0, 0, 0], new[] { "2026-10-09", "2026-10-10", "2026-10-12", "2026-10-13", "2026-10-14" }.Select(d => On("2026-10-08", d)!.Round));

        var everyTwo = ReminderSettings.Default with { OverdueEvery = 2 };
        Assert.Equal([0, 0, 1, 1, 2], new[] { "2026-10-09", "2026-10-10", "2026-10-12", "2026-10-13", "2026-10-14" }.Select(d => On("2026-10-08", d, everyTwo)!.Round));
    }

    [Fact]
    public void A_paused_clock_is_not_reminded_until_its_pause_lapses()
    {
        var settings = ReminderSettings.Default;
        // A consultation pausing until 10-20 on a request due 10-12: nothing runs out meanwhile.
        Assert.Null(DeadlineReminders.Due(Running("2026-10-12", "2026-10-09", ClockState.Paused, "2026-10-20"), settings, Official));
        // The pause's legal period ended 10-09; on 10-13 the request counts again and is one working day overdue.
        var lapsed = DeadlineReminders.Due(Running("2026-10-12", "2026-10-13", ClockState.Paused, "2026-10-09"), settings, Official);
        Assert.Equal(ReminderKind.Overdue, lapsed!.Kind);
    }

    [Fact]
    public void A_stopped_clock_and_switched_off_reminders_send_nothing()
    {
        Assert.Null(DeadlineReminders.Due(Running("2026-10-12", "2026-10-12", ClockState.Stopped), ReminderSettings.Default, Official));
        Assert.Null(On("2026-10-12", "2026-10-12", ReminderSettings.Default with { Enabled = false }));
    }

    [Fact]
    public void The_band_ignores_the_day_off_rule_so_the_dashboard_shows_the_same_counts_every_day()
    {
        Assert.Equal(ReminderKind.DueSoon, DeadlineReminders.Band(Running("2026-10-12", "2026-10-11"), 3));
        Assert.Null(DeadlineReminders.Band(Running("2026-10-12", "2026-09-30"), 3));
        Assert.Equal(ReminderKind.Overdue, DeadlineReminders.Band(Running("2026-10-08", "2026-10-11"), 3));
    }

    [Fact]
    public void Settings_out_of_range_are_refused_in_chinese()
    {
        var errors = (ReminderSettings.Default with { DaysBefore = 11, OverdueEvery = -1, DigestMailbox = "不是邮箱" }).Validate();

        Assert.Equal("提前提醒的工作日数须为 1 至 10 之间的整数。", errors["DaysBefore"]);
        Assert.Contains("0（只提醒一次）", errors["OverdueEvery"]);
        Assert.Contains("格式不正确", errors["DigestMailbox"]);
        Assert.Contains("至少需要一个收件人", (ReminderSettings.Default with { DigestToHeads = false }).Validate()["DigestEnabled"]);
        Assert.Empty(ReminderSettings.Default.Validate());
        Assert.Empty((ReminderSettings.Default with { DaysBefore = 10, DigestToHeads = false, DigestMailbox = "gkb@example.gov.cn" }).Validate());
    }
}
