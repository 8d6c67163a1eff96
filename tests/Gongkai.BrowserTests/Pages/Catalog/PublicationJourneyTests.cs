using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Support;
using Gongkai.Infrastructure.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Catalog;

/// <summary>The catalog as the public and the office use it: search, filter, read a policy and its interpretation; write a document.</summary>
public sealed partial class PublicationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task A_visitor_searches_filters_and_reads_a_policy_and_its_interpretation()
    {
        await using var context = await fixture.NewContextAsync();
        await WaitForSearchIndexAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "站内搜索" }).FillAsync("营商环境");
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("共找到");
        await Expect(page.Locator(".results mark").First).ToHaveTextAsync("营商环境");
        await page.GetByLabel("文件类型").SelectOptionAsync("NormativeDocument");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(TypeFilter());
        var metas = await page.Locator(".results .result-meta").AllInnerTextsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, m => Assert.Contains("类型：行政规范性文件", m));
        var title = await page.Locator(".results .result-title a").First.InnerTextAsync();
        await page.Locator(".results .result-title a").First.ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("table.facts-table")).ToContainTextAsync("索引号");
        await Expect(page.Locator("table.facts-table")).ToContainTextAsync("有效性");
        await page.GetByRole(AriaRole.Link, new() { Name = $"《{title}》政策解读" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync($"《{title}》政策解读");
        await Expect(page.Locator("main")).ToContainTextAsync("起草背景");
        await page.GetByRole(AriaRole.Link, new() { Name = $"《{title}》" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    [ChromiumFact]
    public async Task A_publisher_writes_a_formatted_body_in_the_editor_and_saves_the_draft()
    {
        await fixture.CreateStaffAsync("browser-publisher", "测试发布员", "Publisher-pass-2026", StaffRoles.Publisher);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("browser-publisher");
        await page.GetByLabel("密码").FillAsync("Publisher-pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync("/admin/publications/edit");

        await page.GetByLabel("标题", new() { Exact = true }).FillAsync("关于开展海绵城市建设宣传周活动的通知");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "正文", Exact = true });
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("各街道办事处：");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "加粗" }).ClickAsync();
        await page.Keyboard.TypeAsync("活动时间为六月第一周。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("关于开展海绵城市建设宣传周活动的通知");
        await Expect(page.Locator(".publication-body")).ToContainTextAsync("各街道办事处：");
        await Expect(page.Locator(".publication-body b, .publication-body strong")).ToHaveTextAsync("活动时间为六月第一周。");
        await Expect(page.Locator("table.facts-table caption")).ToContainTextAsync("草稿");
    }

    /// <summary>The demo's documents are indexed in the background when the app starts.</summary>
    private static async Task WaitForSearchIndexAsync(IBrowserContext context)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var response = await context.APIRequest.GetAsync("/api/search?q=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83");
            if (response.Ok && !(await response.TextAsync()).Contains("\"total\":0", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail("The search index was not built within 30 seconds of start.");
    }

    [GeneratedRegex("type=NormativeDocument")]
    private static partial Regex TypeFilter();
}
