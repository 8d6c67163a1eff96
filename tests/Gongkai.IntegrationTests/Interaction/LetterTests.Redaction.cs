using System.Net;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Interaction;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Interaction;

/// <summary>The copy of a letter offered for publication: third persons and addresses out, the agency's hotline in.</summary>
public sealed partial class LetterTests
{
    [Theory]
    [InlineData("楼下邻居王建国每天晚上在家打麻将到凌晨。", "王建国")]
    [InlineData("张秀英老人反映青山镇幸福村三组的道路损坏。", "张秀英")]
    [InlineData("如有疑问请联系人李明。", "李明")]
    public void A_person_s_name_is_found_by_the_tagger(string text, string name)
    {
        var names = GongkaiApp.For(Db.Sqlite).Services.GetRequiredService<PersonNames>().Find(text);

        Assert.Contains(name, names);
        Assert.DoesNotContain("幸福村", names);
    }

    [Fact]
    public async Task The_copy_offered_for_publication_hides_neighbours_and_addresses_and_keeps_the_agency_s_hotline()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        await app.WithDbAsync(async d =>
        {
            (await d.Agencies.FindAsync(agency.Id))!.Contact.Phone = "0999-12345000";
            return await d.SaveChangesAsync();
        });
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var code = await WriteAsync(app.Browser(), agency.Id, Letter(InteractionChannel.Complaint, "楼下噪音扰民",
            "我是和平路8号3单元502的住户，楼下邻居王建国每天晚上在家打麻将到凌晨，严重影响休息。", name: "孙丽", phone: "13712345670", publish: true));
        var letter = await LetterAsync(app, code);
        await ActAsync(handler, letter.Id, "reply", new() { ["Reply"] = "您反映的问题已转交城东街道办理，社区已上门劝导。如有疑问请拨打0999-12345000咨询。" });

        var form = WebUtility.HtmlDecode(await publisher.GetStringAsync($"/admin/letters/{letter.Id}"));
        Assert.Contains("我是×××的住户，楼下邻居×××每天晚上在家打麻将到凌晨，严重影响休息。", form);
        Assert.Contains("如有疑问请拨打0999-12345000咨询。", form);

        var published = await ActAsync(publisher, letter.Id, "publish", new()
        {
            ["PublicSubject"] = "楼下噪音扰民",
            ["PublicBody"] = "我是×××的住户，楼下邻居×××每天晚上在家打麻将到凌晨，严重影响休息。",
            ["PublicReply"] = "您反映的问题已转交城东街道办理，社区已上门劝导。如有疑问请拨打0999-12345000咨询。",
        });
        Assert.True(published.IsRedirectTo($"/admin/letters/{letter.Id}"), WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()));
        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/interaction/letters/{letter.Id}"));
        Assert.Contains("0999-12345000", page);
        Assert.DoesNotContain("王建国", page);
        Assert.DoesNotContain("和平路8号", page);
    }
}
