using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Support;
using Gongkai.Infrastructure.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Interaction;

/// <summary>A citizen writes to the leader mailbox, the office answers and publishes, the citizen tracks it and reads the published reply.</summary>
public sealed partial class LetterJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task A_citizen_writes_to_the_mailbox_tracks_the_letter_and_reads_the_published_reply()
    {
        await fixture.CreateStaffAsync("browser-approver", "测试审核人", "Approver-pass-2026", StaffRoles.Approver);
        await using var citizenContext = await fixture.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        // The office the test's staff belong to (id 2 in a fresh demo database).
        await citizen.GotoAsync("/interaction?agency=2");
        await Expect(citizen.Locator(".site-name")).ToHaveTextAsync("示例区人民政府办公室");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "领导信箱" }).ClickAsync();

        await citizen.GetByLabel(new System.Text.RegularExpressions.Regex("^标题( \\*)?$")).FillAsync("建议在滨河公园增设健身器材");
        await citizen.GetByLabel(new System.Text.RegularExpressions.Regex("^内容( \\*)?$")).FillAsync("滨河公园每天晨练的居民很多，但健身器材只有两套，建议增设一些适合老年人的器材。");
        await citizen.GetByLabel(new System.Text.RegularExpressions.Regex("^姓名( \\*)?$")).FillAsync("周晓燕");
        await citizen.GetByLabel(new System.Text.RegularExpressions.Regex("^联系电话( \\*)?$")).FillAsync("13598765432");
        await citizen.GetByLabel(new System.Text.RegularExpressions.Regex("^电子邮箱")).FillAsync("zhou.xiaoyan@example.com");
        await citizen.GetByLabel("同意将来信和答复在网站公开").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await Expect(citizen.Locator("h1")).ToHaveTextAsync("来信已收到");
        var code = await citizen.Locator(".receipt .code").InnerTextAsync();
        Assert.Matches(Code(), code);

        await using var staffContext = await fixture.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/admin/login");
        await staff.GetByLabel("用户名").FillAsync("browser-approver");
        await staff.GetByLabel("密码").FillAsync("Approver-pass-2026");
        await staff.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await staff.GotoAsync("/admin/letters");
        await staff.GetByRole(AriaRole.Link, new() { Name = "建议在滨河公园增设健身器材" }).First.ClickAsync();
        await staff.GetByLabel("答复内容").FillAsync("感谢您的建议。区文化广电旅游体育局将于下月在滨河公园增设适老健身器材八套。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存答复。");
        await Expect(staff.GetByLabel("公开的来信内容")).Not.ToContainTextAsync("周晓燕");
        await staff.GetByRole(AriaRole.Button, new() { Name = "公开", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已在网站公开。");

        await citizen.GotoAsync("/interaction/track");
        await citizen.GetByLabel("查询码").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(citizen.Locator("main")).ToContainTextAsync("已答复");
        await Expect(citizen.Locator("main")).ToContainTextAsync("增设适老健身器材八套");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Status)).ToHaveTextAsync("感谢您的评价。");

        await citizen.GotoAsync("/interaction?agency=2");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "建议在滨河公园增设健身器材" }).ClickAsync();
        await Expect(citizen.Locator("main")).ToContainTextAsync("增设适老健身器材八套");
        await Expect(citizen.Locator("main")).Not.ToContainTextAsync("周晓燕");
        await Expect(citizen.Locator("main")).Not.ToContainTextAsync("13598765432");

        // The writer gave an e-mail address: told of the letter received, answered and published.
        var mails = Directory.GetFiles(fixture.MailFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("zhou.xiaoyan@example.com", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mails.Count);
    }

    [GeneratedRegex("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")]
    private static partial Regex Code();
}
