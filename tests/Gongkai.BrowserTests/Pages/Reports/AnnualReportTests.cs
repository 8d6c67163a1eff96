using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Support;
using Gongkai.Infrastructure.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Reports;

/// <summary>The office's 2025 report from draft to the portal, by two people in two browsers.</summary>
public sealed partial class AnnualReportTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> LoginAsync(IBrowserContext context, string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        return page;
    }

    [ChromiumFact]
    public async Task A_publisher_writes_and_submits_an_approver_approves_and_the_report_appears_on_the_portal()
    {
        await fixture.CreateStaffAsync("browser-publisher", "测试发布员", "Publisher-pass-2026", StaffRoles.Publisher);
        await fixture.CreateStaffAsync("browser-approver", "测试科长", "Approver-pass-2026", StaffRoles.Approver);
        await using var publisherContext = await fixture.NewContextAsync();
        await using var approverContext = await fixture.NewContextAsync();
        var publisher = await LoginAsync(publisherContext, "browser-publisher", "Publisher-pass-2026");

        await publisher.GotoAsync("/admin/reports?year=2025");
        await Expect(publisher.Locator("article.report h2")).ToHaveTextAsync("示例区人民政府办公室2025年政府信息公开工作年度报告");
        await Expect(publisher.GetByText("表格的勾稽关系全部成立")).ToBeVisibleAsync();
        await publisher.GetByText("修改五、存在的主要问题及改进情况").ClickAsync();
        await publisher.GetByLabel("五、存在的主要问题及改进情况").FillAsync("一是依申请公开答复文书格式不够统一。下一步将统一文书模板。");
        await publisher.Locator("form:has(textarea#text-5)").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(publisher.GetByText("一是依申请公开答复文书格式不够统一。下一步将统一文书模板。").First).ToBeVisibleAsync();
        await publisher.GetByRole(AriaRole.Button, new() { Name = "核对无误，提交审核" }).ClickAsync();
        await Expect(publisher.Locator("#lifecycle")).ToContainTextAsync("已审核");

        var approver = await LoginAsync(approverContext, "browser-approver", "Approver-pass-2026");
        await approver.GotoAsync("/admin/reports?year=2025");
        await approver.GetByRole(AriaRole.Button, new() { Name = "定稿（锁定本年度数字）" }).ClickAsync();
        await Expect(approver.Locator("#lifecycle")).ToContainTextAsync("已定稿");

        await publisher.ReloadAsync();
        await Expect(publisher.GetByText("修改五、存在的主要问题及改进情况")).ToHaveCountAsync(0);
        var download = await publisher.RunAndWaitForDownloadAsync(() => publisher.GetByRole(AriaRole.Link, new() { Name = "Word (.docx)" }).ClickAsync());
        Assert.EndsWith("2025年政府信息公开工作年度报告.docx", download.SuggestedFilename);
        await publisher.GetByRole(AriaRole.Button, new() { Name = "在门户网站发布" }).ClickAsync();
        await Expect(publisher.Locator("#lifecycle")).ToContainTextAsync("已发布");
        // The office is a department: its 2025 report was due by 2026-01-31.
        await Expect(publisher.GetByRole(AriaRole.Alert).Filter(new() { HasText = "晚于法定时限" })).ToContainTextAsync("2026-01-31");
        await Screenshots.SaveAsync(publisher, "annual-report-published.png");

        var portal = await publisherContext.NewPageAsync();
        await portal.GotoAsync("/reports?all=true");
        await portal.GetByRole(AriaRole.Link, new() { Name = "示例区人民政府办公室2025年政府信息公开工作年度报告" }).ClickAsync();
        await Expect(portal).ToHaveURLAsync(ReportPage());
        await Expect(portal.Locator("h1")).ToHaveTextAsync("示例区人民政府办公室2025年政府信息公开工作年度报告");
        await Expect(portal.GetByText("一是依申请公开答复文书格式不够统一。下一步将统一文书模板。")).ToBeVisibleAsync();
        await Expect(portal.Locator("table").Nth(4).Locator("th[scope=rowgroup]").First).ToHaveTextAsync("三、本年度办理结果");
    }

    [GeneratedRegex(@"/reports/\d+$")]
    private static partial Regex ReportPage();
}
