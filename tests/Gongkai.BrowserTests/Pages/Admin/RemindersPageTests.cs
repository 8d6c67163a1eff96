using Gongkai.BrowserTests.Support;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Admin;

/// <summary>An administrator sets the office's deadline reminders; a handler finds an overdue request on the dashboard.</summary>
public sealed class RemindersPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "提醒测试：2026 年道路养护合同清单";

    [ChromiumFact]
    public async Task An_administrator_changes_the_reminder_settings_and_a_handler_sees_the_overdue_request_on_the_dashboard()
    {
        await fixture.CreateStaffAsync("browser-remind-admin", "提醒测试管理员", "Remind-pass-2026", StaffRoles.Administrator);
        var handler = await fixture.CreateStaffAsync("browser-remind-handler", "提醒测试承办人", "Remind-pass-2026", StaffRoles.Handler);
        var id = await OverdueRequestAssignedToAsync(handler);

        await using (var context = await fixture.NewContextAsync())
        {
            var page = await LoginAsync(context, "browser-remind-admin");
            await page.GotoAsync("/admin/agencies");
            await page.Locator("tr", new() { HasText = "示例区人民政府办公室" }).GetByRole(AriaRole.Link, new() { Name = "期限提醒" }).First.ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("期限提醒设置");
            await Expect(page.GetByLabel("到期前几个工作日开始提醒")).ToHaveValueAsync("3");

            await page.GetByLabel("到期前几个工作日开始提醒").FillAsync("11");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("提前提醒的工作日数须为 1 至 10 之间的整数。");

            await page.GetByLabel("到期前几个工作日开始提醒").FillAsync("5");
            await page.GetByLabel("提醒机构负责人（审核人）").UncheckAsync();
            await page.GetByLabel("同时发送到邮箱").FillAsync("gkb@example.gov.cn");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("机关");
        }

        using (var scope = fixture.Service<IServiceScopeFactory>().CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var office = await db.Agencies.SingleAsync(a => a.FullName == "示例区人民政府办公室");
            var saved = await db.ReminderSettings.AsNoTracking().SingleAsync(s => s.AgencyId == office.Id);
            Assert.Equal((5, false, "gkb@example.gov.cn"), (saved.DaysBefore, saved.NotifyHeads, saved.DigestMailbox));
        }

        await using (var context = await fixture.NewContextAsync())
        {
            var page = await LoginAsync(context, "browser-remind-handler");
            var panel = page.Locator("section.reminders");
            await Expect(panel.Locator("h2")).ToHaveTextAsync("期限提醒");
            var row = panel.Locator("tr", new() { HasText = Title });
            await Expect(row).ToContainTextAsync("已超期");
            await row.GetByRole(AriaRole.Link, new() { Name = $"{id}" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/requests/{id}$"));
        }
    }

    private static async Task<IPage> LoginAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Remind-pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        return page;
    }

    /// <summary>A request received in person 45 days ago (well past its 20 working days) and assigned to the handler.</summary>
    private async Task<long> OverdueRequestAssignedToAsync(StaffUser handler)
    {
        using var scope = fixture.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RequestStore>();
        var office = await db.Agencies.SingleAsync(a => a.FullName == "示例区人民政府办公室");
        var clerk = new Actor("browser-clerk", "测试登记员");
        var received = store.Today().AddDays(-45);
        var application = new RequestApplication
        {
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = "测试申请人",
            IdType = IdentityDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13800138000",
            InformationTitle = Title,
            ProvisionForm = ProvisionForm.Paper,
            ObtainMethod = ObtainMethod.PickUp,
        };
        var created = await store.CreateAsync(office.Id, application, Channel.InPerson, clerk, received, null, []);
        created.Request.Assign(new Step(received, clerk, store.Today()), new Actor(handler.UserName!, handler.DisplayName), null);
        await store.SaveAsync(created);
        return created.Record.Id;
    }
}
