using System.Net;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Interaction;

/// <summary>A writer who gave an e-mail address hears of each step: received (with the code), answered, reopened, published.</summary>
public sealed partial class LetterTests
{
    [Fact]
    public async Task A_writer_with_an_e_mail_address_gets_an_e_mail_at_each_step_and_one_without_gets_none()
    {
        using var app = new GongkaiApp(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var form = Letter(InteractionChannel.Inquiry, "社保卡补办需要什么材料", "请问社保卡丢失后补办需要带哪些材料，在哪里办理？", name: "周敏", phone: "13612340000", publish: true);
        form["Email"] = "zhoumin@example.com";
        var code = await WriteAsync(app.Browser(), agency.Id, form);
        var silent = await WriteAsync(app.Browser(), agency.Id, Letter(InteractionChannel.Inquiry, "公交卡优惠政策咨询", "请问老年人公交卡优惠政策从哪一年开始执行？", name: "吴刚", phone: "13612340001"));
        var letter = await LetterAsync(app, code);
        await ActAsync(handler, letter.Id, "reply", new() { ["Reply"] = "请携带身份证到区政务服务中心社保窗口办理，当场制卡。" });
        var published = await ActAsync(publisher, letter.Id, "publish", new()
        {
            ["PublicSubject"] = "社保卡补办需要什么材料",
            ["PublicBody"] = "请问社保卡丢失后补办需要带哪些材料，在哪里办理？",
            ["PublicReply"] = "请携带身份证到区政务服务中心社保窗口办理，当场制卡。",
        });
        Assert.True(published.IsRedirectTo($"/admin/letters/{letter.Id}"));

        var emails = await app.WithDbAsync(d => d.RequestEmails.AsNoTracking().Where(m => m.LetterId == letter.Id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["已收到", "已答复", "已在网站公开（已隐去您的个人信息）"], emails.Select(m => m.Subject[(m.Subject.IndexOf("来信", StringComparison.Ordinal) + 2)..]));
        Assert.All(emails, m => Assert.Equal("zhoumin@example.com", m.To));
        Assert.All(emails, m => Assert.NotNull(m.SentAt));
        Assert.Contains(Gongkai.Infrastructure.Requests.RequestStore.FormatCode(letter.TrackingCode), emails[0].Body);
        Assert.Contains("请携带身份证到区政务服务中心社保窗口办理，当场制卡。", emails[1].Body);
        var silentLetter = await LetterAsync(app, silent);
        Assert.False(await app.WithDbAsync(d => d.RequestEmails.AnyAsync(m => m.LetterId == silentLetter.Id)));

        // Sent through the pickup folder (no mail server here): one .eml per e-mail.
        var eml = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml");
        Assert.Equal(3, eml.Length);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/interaction/letters/{letter.Id}")).StatusCode);
    }
}
