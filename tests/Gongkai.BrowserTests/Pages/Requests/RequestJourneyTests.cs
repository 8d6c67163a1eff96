using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Support;
using Gongkai.Infrastructure.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Requests;

/// <summary>A member of the public applies and follows the request; a clerk confirms it; a handler replies.</summary>
public sealed partial class RequestJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task The_public_applies_and_tracks_a_clerk_confirms_and_a_handler_decides()
    {
        await fixture.CreateStaffAsync("journey-clerk", "登记员小王", "Journey-pass-1", StaffRoles.Clerk);
        await fixture.CreateStaffAsync("journey-handler", "承办人小李", "Journey-pass-2", StaffRoles.Handler);

        // The public: the form, no account, then the receipt with the tracking code.
        await using var publicContext = await fixture.NewContextAsync();
        var page = await publicContext.NewPageAsync();
        await page.GotoAsync("/apply");
        await page.GetByLabel("向哪个机关申请").SelectOptionAsync(new SelectOptionValue { Label = "示例区人民政府办公室" });
        await page.GetByLabel("姓名或名称").FillAsync("张三");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13800138000");
        await page.GetByLabel("电子邮箱").FillAsync("zhang@example.com");
        await page.GetByLabel("信息名称").FillAsync("示例区 2025 年道路维修计划");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("申请已提交");
        var code = (await page.Locator("code.password").InnerTextAsync()).Trim();
        Assert.Matches(CodePattern(), code);
        await Screenshots.SaveAsync(page, "request-receipt.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await page.GetByLabel("联系电话后四位").FillAsync("8000");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("待确认收到");

        // The clerk confirms receipt.
        await using var clerkContext = await fixture.NewContextAsync();
        var clerk = await SignInAsync(clerkContext, "journey-clerk", "Journey-pass-1");
        await clerk.GotoAsync("/admin/requests?q=" + code);
        await clerk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "确认收到" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录：确认收到申请");
        await Expect(clerk.Locator(".summary")).ToContainTextAsync("办理中");

        // The handler replies.
        await using var handlerContext = await fixture.NewContextAsync();
        var handler = await SignInAsync(handlerContext, "journey-handler", "Journey-pass-2");
        await handler.GotoAsync(clerk.Url);
        await handler.GetByLabel("办理结果").SelectOptionAsync(new SelectOptionValue { Label = "予以公开" });
        await handler.GetByRole(AriaRole.Button, new() { Name = "记录答复" }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录：作出答复");
        await Expect(handler.Locator(".summary")).ToContainTextAsync("已答复待送达");
        await Screenshots.SaveAsync(handler, "request-decided.png");

        // The public sees the result.
        await page.ReloadAsync();
        await page.GotoAsync("/track?code=" + code);
        await page.GetByLabel("联系电话后四位").FillAsync("8000");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("已答复待送达");
        await Expect(page.Locator("main")).ToContainTextAsync("予以公开");
    }

    [ChromiumFact]
    public async Task The_application_form_shows_every_problem_in_chinese_and_keeps_what_was_typed()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/apply");
        await page.GetByLabel("姓名或名称").FillAsync("李四");
        await page.GetByLabel("证件号码").FillAsync("110105194912310021");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("申请未提交");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("校验位不符");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写所需政府信息的名称");
        await Expect(page.GetByLabel("姓名或名称")).ToHaveValueAsync("李四");
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string user, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        return page;
    }

    [GeneratedRegex("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")]
    private static partial Regex CodePattern();
}
