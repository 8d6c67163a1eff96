using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages;

public sealed partial class IndexPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] PortalSections = ["政府信息公开指南", "政府信息公开目录", "依申请公开", "互动交流", "年度报告"];

    [ChromiumFact]
    public async Task Home_page_shows_the_portal_in_chinese()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("h1")).ToContainTextAsync("示例区人民政府");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        foreach (var section in PortalSections)
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        }

        var screenshot = await Screenshots.SaveAsync(page, "home.png");
        Assert.True(screenshot.Exists, $"no screenshot at {screenshot.FullName}");
        Assert.True(screenshot.Length > 20_000, $"{screenshot.FullName} is only {screenshot.Length} bytes: a blank page?");
    }

    [ChromiumFact]
    public async Task Guide_link_in_the_navigation_shows_the_disclosure_office_contact()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })
            .GetByRole(AriaRole.Link, new() { Name = "政府信息公开指南", Exact = true })
            .ClickAsync();

        await Expect(page).ToHaveURLAsync(GuideUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("政府信息公开指南");
        var contact = page.GetByRole(AriaRole.Region, new() { Name = "政府信息公开工作机构" });
        await Expect(contact).ToContainTextAsync("办公地址");
        await Expect(contact).ToContainTextAsync("示例省示例市示例区人民路 1 号");
        await Expect(contact).ToContainTextAsync("0999-12345678");
    }

    [ChromiumFact]
    public async Task Home_page_fits_a_phone_screen_without_horizontal_scrolling()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToContainTextAsync("示例区人民政府");

        var width = await page.EvaluateAsync<PageWidth>("() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })");

        await Screenshots.SaveAsync(page, "home-phone.png");
        Assert.True(width.ScrollWidth <= width.InnerWidth, $"the page is {width.ScrollWidth}px wide on a {width.InnerWidth}px screen");
    }

    // Playwright fills the result through a parameterless constructor and setters.
    private sealed class PageWidth
    {
        public int ScrollWidth { get; set; }
        public int InnerWidth { get; set; }
    }

    [GeneratedRegex(@"/guide(\?|$)")]
    private static partial Regex GuideUrl();
}
