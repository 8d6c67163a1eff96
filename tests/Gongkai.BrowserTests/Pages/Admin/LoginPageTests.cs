using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Admin;

public sealed partial class LoginPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Clerk_logs_in_through_the_form_and_is_refused_the_accounts_page()
    {
        await fixture.CreateClerkAsync("browser-clerk", "测试登记员", "Clerk-pass-2026");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");

        await page.GetByLabel("用户名").FillAsync("browser-clerk");
        await page.GetByLabel("密码").FillAsync("Clerk-pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(AdminHome());
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        await Expect(page.Locator("header .who")).ToContainTextAsync("测试登记员");
        await Expect(page.Locator("main .lead")).ToContainTextAsync("测试登记员，您好");
        var screenshot = await Screenshots.SaveAsync(page, "clerk-dashboard.png");
        Assert.True(screenshot.Length > 10_000, $"{screenshot.FullName} is only {screenshot.Length} bytes");

        var denied = await page.GotoAsync("/admin/users");

        Assert.Equal(403, denied?.Status);
        await Expect(page).ToHaveURLAsync(AccessDenied());
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
    }

    [ChromiumFact]
    public async Task Wrong_password_shows_a_chinese_error_and_stays_on_the_login_page()
    {
        await fixture.CreateClerkAsync("browser-clerk-typo", "测试登记员乙", "Clerk-pass-2026");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");

        await page.GetByLabel("用户名").FillAsync("browser-clerk-typo");
        await page.GetByLabel("密码").FillAsync("Clerk-pass-2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码不正确。");
        await Expect(page).ToHaveURLAsync(LoginPage());
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作人员登录");
        await Expect(page.GetByLabel("用户名")).ToHaveValueAsync("browser-clerk-typo");
        await Expect(page.GetByLabel("密码")).ToBeEmptyAsync();
    }

    [GeneratedRegex(@"/admin/?$")]
    private static partial Regex AdminHome();

    [GeneratedRegex(@"/admin/access-denied(\?|$)")]
    private static partial Regex AccessDenied();

    [GeneratedRegex(@"/admin/login(\?|$)")]
    private static partial Regex LoginPage();
}
