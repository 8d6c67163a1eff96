using DocumentFormat.OpenXml.Packaging;
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

/// <summary>A supervisor opens the dashboard, drills into a late request and downloads the agency's 通报.</summary>
public sealed class SupervisionPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task A_supervisor_drills_into_a_late_request_and_exports_the_notice()
    {
        // A request answered two months after it arrived: late by any clock.
        var today = ChinaDate.Today(TimeProvider.System);
        var title = "监督看板测试：某路段改造工程的验收报告";
        string code;
        using (var scope = fixture.Service<IServiceProvider>().CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var office = await db.Agencies.SingleAsync(a => a.FullName == "示例区人民政府办公室");
            var store = scope.ServiceProvider.GetRequiredService<RequestStore>();
            var received = new DateOnly(today.Year, 1, 5);
            var late = await store.CreateHistoricAsync(office.Id, new HistoricCase(office.CreditCode, ApplicantType.NaturalPerson, "监督测试申请人", Channel.Online,
                received, title, Outcome.Disclosed, received.AddDays(60), null, null, null), new Actor("test", "测试"));
            code = RequestStore.FormatCode(late.Record.TrackingCode);
        }

        await fixture.CreateStaffAsync("browser-supervisor", "测试监督员", "Supervisor-pass-2026", StaffRoles.Supervisor);
        await using var context = await fixture.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("browser-supervisor");
        await page.GetByLabel("密码").FillAsync("Supervisor-pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "监督看板" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("政府信息公开工作监督看板");
        await page.GetByLabel("排序").SelectOptionAsync("late");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        var row = page.Locator("#supervision tbody tr").Filter(new() { HasText = "示例区人民政府办公室" });
        await Expect(row).ToHaveClassAsync("attention");

        await row.Locator("a[data-figure=late]").ClickAsync();
        await Expect(page.Locator("#drill-down")).ToContainTextAsync("逾期答复");
        await page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Expect(page.GetByText(title).First).ToBeVisibleAsync();

        await page.GoBackAsync();
        await page.GoBackAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("#supervision tbody tr").Filter(new() { HasText = "示例区人民政府办公室" }).GetByRole(AriaRole.Link, new() { Name = "下载通报" }).ClickAsync());
        Assert.Equal($"通报-示例区人民政府办公室-{today.Year}.docx", download.SuggestedFilename);
        using var docx = WordprocessingDocument.Open(await download.PathAsync(), false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("关于示例区人民政府办公室政府信息公开工作情况的通报", text);
        Assert.Contains(code, text);
        Assert.Contains(title, text);
        Assert.DoesNotContain("监督测试申请人", text);

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.Equal($"政府信息公开监督统计-{today.Year}.xlsx", workbook.SuggestedFilename);
    }
}
