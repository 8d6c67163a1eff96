using System.Net;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Reminders;

/// <summary>The agency's reminder settings page (/admin/agencies/reminders/{id}): administrators only, validated, audited.</summary>
public sealed class ReminderSettingsPageTests
{
    [Fact]
    public async Task An_administrator_saves_the_settings_with_an_audit_entry_and_bad_values_are_refused_in_chinese()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, agency.Id));
        var page = $"/admin/agencies/reminders/{agency.Id}";

        var form = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        var refused = await admin.PostFormAsync(page, page, new() { ["Enabled"] = "true", ["DaysBefore"] = "11", ["OverdueEvery"] = "0", ["DigestEnabled"] = "true", ["DigestMailbox"] = "不是邮箱" });
        var refusedText = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var saved = await admin.PostFormAsync(page, page, new()
        {
            ["Enabled"] = "true",
            ["DaysBefore"] = "5",
            ["OverdueEvery"] = "2",
            ["NotifyHandler"] = "true",
            ["DigestEnabled"] = "true",
            ["DigestMailbox"] = " gkb@example.gov.cn ",
        });

        Assert.Contains("value=\"3\"", form); // the default
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("提前提醒的工作日数须为 1 至 10 之间的整数。", refusedText);
        Assert.Contains("每日汇总的收件邮箱格式不正确", refusedText);
        Assert.True(saved.IsRedirectTo("/admin/agencies"), $"{(int)saved.StatusCode}");
        var stored = await app.WithDbAsync(d => d.ReminderSettings.AsNoTracking().SingleAsync(s => s.AgencyId == agency.Id));
        Assert.Equal((true, 5, 2, true, false, true, false, "gkb@example.gov.cn"),
            (stored.Enabled, stored.DaysBefore, stored.OverdueEvery, stored.NotifyHandler, stored.NotifyHeads, stored.DigestEnabled, stored.DigestToHeads, stored.DigestMailbox));
        var audit = Assert.Single(await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(a => a.AgencyId == agency.Id && a.Action == AuditActions.ReminderSettingsSaved).ToListAsync()));
        Assert.Contains("提前 5 个工作日", audit.Details);
        Assert.Contains("value=\"5\"", WebUtility.HtmlDecode(await admin.GetStringAsync(page)));
    }

    [Fact]
    public async Task The_page_is_refused_to_a_head_to_another_agencys_administrator_and_to_a_post_without_the_form_token()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var sibling = await app.NewAgencyAsync(null);
        var head = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, agency.Id));
        var foreignAdmin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, sibling.Id));
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, agency.Id));
        var page = $"/admin/agencies/reminders/{agency.Id}";

        var byHead = await head.GetAsync(page);
        var byForeign = await foreignAdmin.GetAsync(page);
        var forged = await admin.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["DaysBefore"] = "1", ["OverdueEvery"] = "0" }));

        Assert.True(byHead.StatusCode == HttpStatusCode.Forbidden || byHead.IsRedirectTo("/admin/access-denied"), $"{(int)byHead.StatusCode}");
        Assert.True(byForeign.StatusCode == HttpStatusCode.Forbidden || byForeign.IsRedirectTo("/admin/access-denied"), $"{(int)byForeign.StatusCode}");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.WithDbAsync(d => d.ReminderSettings.AnyAsync(s => s.AgencyId == agency.Id)));
    }

    [Fact]
    public async Task An_administrator_gives_a_staff_member_the_address_reminders_go_to()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var handler = await app.NewStaffAsync(StaffRoles.Handler, agency.Id);
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, agency.Id));
        var id = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == handler.UserName).Select(u => u.Id).SingleAsync());
        var page = $"/admin/users/edit/{id}";

        var refused = await admin.PostFormAsync(page, page, new() { ["DisplayName"] = "李四", ["AgencyId"] = $"{agency.Id}", ["Roles"] = StaffRoles.Handler, ["Email"] = "li si@example" });
        var saved = await admin.PostFormAsync(page, page, new() { ["DisplayName"] = "李四", ["AgencyId"] = $"{agency.Id}", ["Roles"] = StaffRoles.Handler, ["Email"] = "lisi@example.gov.cn" });

        Assert.Contains("电子邮箱格式不正确", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.True(saved.IsRedirectTo("/admin/users"), $"{(int)saved.StatusCode}");
        Assert.Equal("lisi@example.gov.cn", await app.WithDbAsync(d => d.Users.Where(u => u.Id == id).Select(u => u.Email).SingleAsync()));
        Assert.Contains("value=\"lisi@example.gov.cn\"", await admin.GetStringAsync(page));
    }
}
