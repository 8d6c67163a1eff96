using System.Net;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>The information disclosed goes with the reply: files and a published document, downloaded on /track, e-mailed when chosen.</summary>
public sealed partial class RequestFlowTests
{
    private static readonly byte[] Pdf = MaliciousFiles.Pdf("BT /F1 12 Tf 72 720 Td (plan) Tj ET");

    /// <summary>A step posted as the request page's multipart form, with files.</summary>
    private static async Task<HttpResponseMessage> StepWithFilesAsync(GongkaiApp app, HttpClient client, long id, string step, Dictionary<string, string> fields, string fileField, params (string Name, byte[] Content)[] files)
    {
        var version = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var all = new Dictionary<string, string>(fields) { ["step"] = step, ["Version"] = $"{version}" };
        return await client.PostFilesAsync($"/admin/requests/{id}", $"/admin/requests/{id}", all, fileField, files);
    }

    [Fact]
    public async Task The_information_disclosed_goes_with_the_reply_to_the_tracking_page_and_the_applicant_s_e_mail()
    {
        using var app = new GongkaiApp(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));
        var application = Application(office.Id, "区政府办公室 2026 年老旧小区改造计划");
        application["Form.ObtainMethod"] = "Email";
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(app.Browser(), application)).StatusCode);
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.InformationTitle == "区政府办公室 2026 年老旧小区改造计划"));
        Assert.True((await StepAsync(app, clerk, record.Id, "ConfirmReceipt")).IsRedirectTo($"/admin/requests/{record.Id}"));
        var document = CatalogDocuments.Document(office.Id, "示例区老旧小区改造三年行动计划", "2026-03-01");
        await app.SaveAsync(document);
        var published = document.Id;

        // Files go only with a reply that discloses: refused, and nothing written.
        var refused = await StepWithFilesAsync(app, handler, record.Id, "Decide", new() { ["Outcome"] = "UnavailableNotHeld", ["Reason"] = "本机关未制作该信息" }, "DisclosedFiles", ("plan-2026.pdf", Pdf));
        Assert.Contains("只有“予以公开”或“部分公开”的答复才附所公开的信息", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(d => d.RequestAttachments.AnyAsync(a => a.RequestId == record.Id && a.Purpose == AttachmentPurpose.Disclosed)));

        var decided = await StepWithFilesAsync(app, handler, record.Id, "Decide", new() { ["Outcome"] = "Disclosed", ["DisclosedDocument"] = $"https://example.gov.cn/catalog/{published}" }, "DisclosedFiles", ("plan-2026.pdf", Pdf));
        Assert.True(decided.IsRedirectTo($"/admin/requests/{record.Id}"), WebUtility.HtmlDecode(await decided.Content.ReadAsStringAsync()));

        // The applicant: the tracking page lists the file and the document; the file opens only with the right phone digits.
        var visitor = app.Browser();
        var track = WebUtility.HtmlDecode(await (await TrackAsync(visitor, record.TrackingCode, "8000")).Content.ReadAsStringAsync());
        Assert.Contains("所公开的信息", track);
        Assert.Contains("下载：plan-2026.pdf", track);
        Assert.Contains($"/catalog/{published}", track);
        var fileId = await app.WithDbAsync(d => d.RequestAttachments.Where(a => a.RequestId == record.Id && a.Purpose == AttachmentPurpose.Disclosed).Select(a => a.Id).SingleAsync());
        var wrong = await visitor.PostFormAsync("/track", "/track?handler=Disclosed", new() { ["Code"] = record.TrackingCode, ["PhoneTail"] = "1234", ["file"] = $"{fileId}" });
        Assert.NotEqual("application/pdf", wrong.Content.Headers.ContentType?.MediaType);
        var file = await visitor.PostFormAsync("/track", "/track?handler=Disclosed", new() { ["Code"] = record.TrackingCode, ["PhoneTail"] = "8000", ["file"] = $"{fileId}" });
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.NotNull(await app.WithDbAsync(d => d.RequestAttachments.Where(a => a.Id == fileId).Select(a => a.DownloadedAt).SingleAsync()));
        Assert.Contains("申请人已于", WebUtility.HtmlDecode(await handler.GetStringAsync($"/admin/requests/{record.Id}")));

        // Chosen by e-mail: the reply's e-mail carries the file.
        var eml = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml").Select(File.ReadAllText).ToList();
        Assert.Contains(eml, m => m.Contains("plan-2026.pdf", StringComparison.Ordinal));
    }
}
