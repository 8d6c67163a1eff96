using Gongkai.BrowserTests.Support;
using Gongkai.Infrastructure.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Requests;

/// <summary>
/// A first day at the office: a citizen applies to the portal's default agency (the district government), the demo
/// office's staff — who handle the government's requests — assign it, ask for a correction, which the citizen makes
/// online, and reply with the information attached; the citizen downloads the reply and the file.
/// </summary>
public sealed partial class RequestJourneyTests
{
    [ChromiumFact]
    public async Task A_citizen_applies_to_the_default_agency_corrects_online_and_downloads_the_reply_and_the_file()
    {
        await fixture.CreateStaffAsync("office-clerk", "登记员小赵", "Office-pass-1", StaffRoles.Clerk);
        await fixture.CreateStaffAsync("office-handler", "承办人小钱", "Office-pass-2", StaffRoles.Handler);

        await using var publicContext = await fixture.NewContextAsync();
        var page = await publicContext.NewPageAsync();
        await page.GotoAsync("/apply");
        await Expect(page.GetByLabel("向哪个机关申请")).ToHaveValueAsync(await page.Locator("#AgencyId option", new() { HasText = "示例区人民政府" }).First.GetAttributeAsync("value") ?? "");
        await page.GetByLabel("姓名或名称").FillAsync("孙立");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13700137000");
        await page.GetByLabel("信息名称").FillAsync("示例区 2026 年道路维修资金安排");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var code = (await page.Locator("code.password").InnerTextAsync()).Trim();

        // The office's clerk confirms and assigns; the handler asks for a correction.
        await using var clerkContext = await fixture.NewContextAsync();
        var clerk = await SignInAsync(clerkContext, "office-clerk", "Office-pass-1");
        await clerk.GotoAsync("/admin/requests?q=" + code);
        await clerk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var requestPage = clerk.Url;
        await clerk.GetByRole(AriaRole.Button, new() { Name = "确认收到" }).ClickAsync();
        await clerk.GetByLabel("承办人", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "承办人小钱（office-handler）" });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "分办", Exact = true }).ClickAsync();
        await Expect(clerk.Locator(".summary")).ToContainTextAsync("承办人：承办人小钱");

        await using var handlerContext = await fixture.NewContextAsync();
        var handler = await SignInAsync(handlerContext, "office-handler", "Office-pass-2");
        await handler.GotoAsync("/admin/requests?assigned=me");
        await handler.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await handler.GetByLabel("需补正的事项").FillAsync("请写明所需资金安排涉及的路段或年度。");
        await handler.GetByRole(AriaRole.Button, new() { Name = "发出补正通知" }).ClickAsync();
        await Expect(handler.Locator(".summary")).ToContainTextAsync("待补正");

        // The citizen corrects on the tracking page.
        await page.GotoAsync("/track?code=" + code);
        await page.GetByLabel("联系电话后四位").FillAsync("7000");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("请写明所需资金安排涉及的路段或年度。");
        await page.GetByLabel("补正内容").FillAsync("幸福路、和平路 2026 年度的维修资金安排。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("补正材料已提交");

        // The handler replies with the file; the clerk delivers online.
        var file = Path.Combine(Path.GetTempPath(), $"roads-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, OnePagePdf());
        await handler.GotoAsync(requestPage);
        await Expect(handler.Locator("main")).ToContainTextAsync("申请人在线补正：幸福路、和平路 2026 年度的维修资金安排。");
        await handler.GetByLabel("办理结果").SelectOptionAsync(new SelectOptionValue { Label = "予以公开" });
        await handler.Locator("#decide-files").SetInputFilesAsync(file);
        await handler.GetByRole(AriaRole.Button, new() { Name = "记录答复" }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录：作出答复");
        await clerk.GotoAsync(requestPage);
        await clerk.GetByLabel("送达方式").SelectOptionAsync(new SelectOptionValue { Label = "在线送达" });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "记录送达" }).ClickAsync();
        File.Delete(file);

        // The citizen downloads the reply and the information disclosed.
        await page.GotoAsync("/track?code=" + code);
        await page.GetByLabel("联系电话后四位").FillAsync("7000");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var reply = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载答复书" }).ClickAsync());
        Assert.StartsWith("答复书-", reply.SuggestedFilename);
        var disclosed = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载：" + Path.GetFileName(file) }).ClickAsync());
        Assert.Equal(Path.GetFileName(file), disclosed.SuggestedFilename);
        await clerk.GotoAsync(requestPage);
        await Expect(clerk.Locator("main")).ToContainTextAsync("申请人已于");
    }

    /// <summary>A whole one-page PDF, as a scanner would make.</summary>
    private static byte[] OnePagePdf()
    {
        var objects = new[]
        {
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>\nendobj\n",
        };
        var text = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var o in objects)
        {
            offsets.Add(text.Length);
            text.Append(o);
        }

        var xref = text.Length;
        text.Append("xref\n0 4\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        text.Append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }
}
