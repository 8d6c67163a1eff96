using System.Net;
using Gongkai.Core.Reminders;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Nodes;
using Gongkai.Infrastructure.Reminders;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gongkai.IntegrationTests.Reminders;

/// <summary>
/// The reminder job on a real SQLite file and a fixed clock. A request received Monday 2026-09-14 is due Friday
/// 2026-10-16 (20 working days: the make-up Sunday 09-20 and Saturday 10-10 count, 09-25…09-27 and 10-01…10-07 do not).
/// </summary>
public sealed class DeadlineReminderTests
{
    private const string Title = "2026 年示例街道老旧小区改造资金使用情况";

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_run_queues_the_reminder_to_the_handler_and_the_head_once_and_without_the_applicants_data(Db db)
    {
        using var site = await ReminderTestSite.StartAsync(db);
        var id = await site.AssignedRequestAsync("2026-09-14", Title);
        var record = await site.App.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(new DateOnly(2026, 10, 16), record.DueOn);

        var before = await site.RunOnAsync("2026-10-12"); // 4 working days left: nothing yet
        var first = await site.RunOnAsync("2026-10-13"); // 10-14, 10-15, 10-16: 3 left
        var again = await site.RunOnAsync("2026-10-13");

        Assert.Equal(0, before.Reminders);
        Assert.Equal(1, first.Reminders);
        Assert.Equal(default, again);
        var toHandler = Assert.Single(await site.MailsToAsync(site.HandlerMail));
        var toHead = (await site.MailsToAsync(site.HeadMail)).Where(m => m.Subject.StartsWith("【期限提醒】", StringComparison.Ordinal)).ToList();
        Assert.Single(toHead);
        Assert.Equal($"【期限提醒】申请编号 {id} 临近答复期限", toHandler.Subject);
        Assert.Contains(Title, toHandler.Body);
        Assert.Contains("答复期限 2026-10-16，剩余 3 个工作日", toHandler.Body);
        Assert.Contains($"/admin/requests/{id}", toHandler.Body);
        Assert.Null(toHandler.RequestId);
        foreach (var personal in new[] { record.ApplicantName, record.IdNumber, record.Phone, record.TrackingCode })
        {
            Assert.DoesNotContain(personal, toHandler.Body + toHandler.Subject);
        }

        var sent = Assert.Single(await site.App.WithDbAsync(d => d.SentReminders.AsNoTracking().Where(s => s.RequestId == id).ToListAsync()));
        Assert.Equal((ReminderKind.DueSoon, new DateOnly(2026, 10, 16), 2), (sent.Kind, sent.DueOn, sent.Recipients));
        var audit = await site.App.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(a => a.AgencyId == site.Agency.Id && a.Action == AuditActions.RemindersQueued).ToListAsync());
        // 10-12: the head's digest only; 10-13: the reminder to both and the digest; the second run of 10-13: nothing.
        Assert.Equal(["期限提醒 0 件，邮件 1 封（含每日汇总）", "期限提醒 1 件，邮件 3 封（含每日汇总）"], audit.OrderBy(a => a.Id).Select(a => a.Details));

        // The next day brings no second 临近到期; the due day and the first working day after bring their own.
        await site.RunOnAsync("2026-10-14");
        await site.RunOnAsync("2026-10-16");
        await site.RunOnAsync("2026-10-17"); // Saturday: no run
        await site.RunOnAsync("2026-10-19");
        await site.RunOnAsync("2026-10-20");
        Assert.Equal(
            [$"【期限提醒】申请编号 {id} 临近答复期限", $"【期限提醒】申请编号 {id} 今日到期", $"【期限提醒】申请编号 {id} 已超期"],
            (await site.MailsToAsync(site.HandlerMail)).Select(m => m.Subject));
        Assert.Contains("已超期 1 个工作日", (await site.MailsToAsync(site.HandlerMail))[^1].Body);
    }

    [Fact]
    public async Task An_extension_moves_the_due_date_and_reminds_again()
    {
        using var site = await ReminderTestSite.StartAsync();
        var id = await site.AssignedRequestAsync("2026-09-14", Title);
        await site.RunOnAsync("2026-10-13");

        site.Clock.Set("2026-10-15");
        var extended = await site.StepAsync(site.Head, id, "Extend", new() { ["Days"] = "5", ["Reason"] = "需要调取档案", ["On"] = "2026-10-15" });
        Assert.True(extended.IsRedirectTo($"/admin/requests/{id}"), $"{(int)extended.StatusCode}");
        Assert.Equal(new DateOnly(2026, 10, 23), await site.App.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.DueOn).SingleAsync()));
        await site.RunOnAsync("2026-10-16"); // 10-19…10-23: 5 left
        await site.RunOnAsync("2026-10-19"); // 4 left
        await site.RunOnAsync("2026-10-20"); // 3 left: the new due date is reminded afresh

        var mails = await site.MailsToAsync(site.HandlerMail);
        Assert.Equal(2, mails.Count);
        Assert.Contains("答复期限 2026-10-23，剩余 3 个工作日", mails[1].Body);
        Assert.Equal([new DateOnly(2026, 10, 16), new DateOnly(2026, 10, 23)],
            await site.App.WithDbAsync(d => d.SentReminders.Where(s => s.RequestId == id).OrderBy(s => s.DueOn).Select(s => s.DueOn).ToListAsync()));
    }

    [Fact]
    public async Task The_digest_counts_and_lists_what_is_overdue_due_today_and_due_soon()
    {
        using var site = await ReminderTestSite.StartAsync();
        var overdue = await site.AssignedRequestAsync("2026-09-11", "甲：已超期的申请"); // due Thu 10-15
        var today = await site.AssignedRequestAsync("2026-09-14", "乙：今日到期的申请"); // due Fri 10-16
        var soon = await site.AssignedRequestAsync("2026-09-15", "丙：临近到期的申请"); // due Mon 10-19
        var unclear = await site.AssignedRequestAsync("2026-10-14", "丁：待补正的申请");
        site.Clock.Set("2026-10-15");
        var correction = await site.StepAsync(site.Handler, unclear, "RequestCorrection", new() { ["Items"] = "请写明所需信息的年度", ["CorrectBy"] = "2026-10-30" });
        Assert.True(correction.IsRedirectTo($"/admin/requests/{unclear}"), $"{(int)correction.StatusCode}");
        await site.App.WithDbAsync(d =>
        {
            d.ReminderSettings.Add(new ReminderSettingsRecord
            {
                AgencyId = site.Agency.Id,
                Enabled = false,
                DaysBefore = 3,
                DigestEnabled = true,
                DigestToHeads = true,
                DigestMailbox = "gkb-" + site.Agency.Id + "@example.gov.cn",
                UpdatedBy = "test",
            });
            return d.SaveChangesAsync();
        });

        await site.RunOnAsync("2026-10-16");

        var digest = Assert.Single(await site.MailsToAsync("gkb-" + site.Agency.Id + "@example.gov.cn"));
        Assert.Equal($"【每日汇总】{site.Agency.FullName}依申请公开期限（2026-10-16）", digest.Subject);
        Assert.Contains("办理中 4 件：今日到期 1 件，3 个工作日内到期 1 件，已超期 1 件；待申请人补正 1 件，征求意见中 0 件，待缴纳信息处理费 0 件。", digest.Body);
        Assert.DoesNotContain("丁：待补正的申请", digest.Body);
        Assert.Contains($"申请编号 {overdue}　“甲：已超期的申请”　答复期限 2026-10-15，已超期 1 个工作日，承办人：测试Handler", digest.Body);
        Assert.Contains($"申请编号 {today}　“乙：今日到期的申请”　答复期限 2026-10-16，今日到期", digest.Body);
        Assert.Contains($"申请编号 {soon}　“丙：临近到期的申请”　答复期限 2026-10-19，剩余 1 个工作日", digest.Body);
        Assert.True(digest.Body.IndexOf("【已超期（督办）】", StringComparison.Ordinal) < digest.Body.IndexOf("【今日到期】", StringComparison.Ordinal));
        Assert.Equal(digest.Body, Assert.Single(await site.MailsToAsync(site.HeadMail)).Body);
        // Reminders are off: the handler gets nothing, and nothing is recorded as reminded.
        Assert.Empty(await site.MailsToAsync(site.HandlerMail));
        Assert.Empty(await site.App.WithDbAsync(d => d.SentReminders.Where(s => s.RequestId == overdue || s.RequestId == today || s.RequestId == soon).ToListAsync()));
    }

    [Fact]
    public async Task Reminders_and_digest_switched_off_send_nothing()
    {
        using var site = await ReminderTestSite.StartAsync();
        var id = await site.AssignedRequestAsync("2026-09-14", Title);
        var admin = await site.App.LoginAsync(await site.App.NewStaffAsync(Gongkai.Infrastructure.Identity.StaffRoles.Administrator, site.Agency.Id));
        var saved = await admin.PostFormAsync($"/admin/agencies/reminders/{site.Agency.Id}", $"/admin/agencies/reminders/{site.Agency.Id}",
            new() { ["DaysBefore"] = "3", ["OverdueEvery"] = "0", ["NotifyHandler"] = "true", ["NotifyHeads"] = "true" });
        Assert.True(saved.IsRedirectTo("/admin/agencies"), $"{(int)saved.StatusCode}");

        var result = await site.RunOnAsync("2026-10-16");

        Assert.Equal(default, result);
        Assert.Empty(await site.MailsToAsync(site.HandlerMail));
        Assert.Empty(await site.MailsToAsync(site.HeadMail));
        Assert.Empty(await site.App.WithDbAsync(d => d.SentReminders.Where(s => s.RequestId == id).ToListAsync()));
        Assert.Empty(await site.App.WithDbAsync(d => d.ReminderRuns.Where(r => r.AgencyId == site.Agency.Id).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Two_runners_on_one_database_send_the_reminders_once(Db db)
    {
        using var site = await ReminderTestSite.StartAsync(db);
        await site.AssignedRequestAsync("2026-09-14", Title);
        site.Clock.Set("2026-10-13");
        var job = site.App.Services.GetServices<IRecurringJob>().Single(j => j.Name == "deadline-reminders");
        var scopes = site.App.Services.GetRequiredService<IServiceScopeFactory>();
        var options = Options.Create(new JobOptions());
        var runners = Enumerable.Range(0, 2).Select(_ => new RecurringJobRunner(scopes, [job], options, NullLogger<RecurringJobRunner>.Instance)).ToList();

        var ran = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunOnceAsync(job, CancellationToken.None))));
        // An hour later the lease is free again, but the agency's day is done.
        site.Clock.Now = site.Clock.Now.AddHours(1).AddMinutes(1);
        var later = await runners[1].RunOnceAsync(job, CancellationToken.None);

        Assert.Equal(1, ran.Count(r => r));
        Assert.True(later);
        Assert.Single(await site.MailsToAsync(site.HandlerMail));
        Assert.Equal(2, (await site.MailsToAsync(site.HeadMail)).Count); // the reminder and the digest
        Assert.Single(await site.App.WithDbAsync(d => d.ReminderRuns.Where(r => r.AgencyId == site.Agency.Id).ToListAsync()));
    }

    [Fact]
    public async Task The_dashboard_shows_the_handler_their_requests_and_the_head_the_agencys()
    {
        using var site = await ReminderTestSite.StartAsync();
        var id = await site.AssignedRequestAsync("2026-09-14", Title);
        var other = await site.App.NewStaffAsync(Gongkai.Infrastructure.Identity.StaffRoles.Handler, site.Agency.Id);
        site.Clock.Set("2026-10-13");

        var handlerPage = WebUtility.HtmlDecode(await (await site.App.LoginAsync(site.Handler)).GetStringAsync("/admin"));
        var headPage = WebUtility.HtmlDecode(await (await site.App.LoginAsync(site.Head)).GetStringAsync("/admin"));
        var otherPage = WebUtility.HtmlDecode(await (await site.App.LoginAsync(other)).GetStringAsync("/admin"));

        Assert.Contains("期限提醒", handlerPage);
        Assert.Contains($"<a href=\"/admin/requests/{id}\">{id}</a>", handlerPage);
        Assert.Contains("您承办的申请：已超期 0 件，今日到期 0 件，临近到期 1 件", handlerPage);
        Assert.Contains("剩余 3 个工作日", handlerPage);
        Assert.Contains("本机关申请：已超期 0 件，今日到期 0 件，临近到期 1 件", headPage);
        Assert.Contains("测试Handler", headPage);
        Assert.Contains("您承办的申请中，没有临近到期、今日到期或已超期的。", otherPage);
        Assert.DoesNotContain($"/admin/requests/{id}\"", otherPage);
    }
}
