using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Publications;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>
/// /admin/requests/same-information and what follows from it: the group shown with applicants masked, linked to a
/// published document by a handler, and a later request answered in one step by pointing to that document.
/// </summary>
public sealed partial class SameInformationPageTests
{
    private const string Page = "/admin/requests/same-information";

    [Fact]
    public async Task A_handler_sees_the_group_masked_links_it_to_the_published_document_and_answers_a_later_request_by_pointing_to_it()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var ids = await SameInformationStoreTests.ThreeApplicantsAsync(app, agency.Id);
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, agency.Id));
        var stranger = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, (await app.NewAgencyAsync(null)).Id));

        var page = WebUtility.HtmlDecode(await handler.GetStringAsync(Page));
        Assert.Contains("3</strong> 件申请，<strong>3</strong> 个申请人", page);
        Assert.Contains("多个申请人就相同政府信息提出申请，建议依据《条例》第四十四条纳入主动公开范围", page);
        Assert.All(ids, id => Assert.Contains($"/admin/requests/{id}\"", page));
        Assert.DoesNotContain("张三丰", page);
        Assert.DoesNotContain("E10000001", page);
        Assert.DoesNotContain("13800138000", page);
        Assert.DoesNotContain("为此组主动公开", page);
        Assert.Contains("sameinfo=", WebUtility.HtmlDecode(await approver.GetStringAsync(Page)));
        Assert.DoesNotContain("加装电梯", WebUtility.HtmlDecode(await stranger.GetStringAsync(Page)));
        Assert.Contains(Page, await handler.GetStringAsync("/admin/requests"));

        var document = CatalogDocuments.Document(agency.Id, "关于老旧小区加装电梯补贴的通知", "2026-01-05", type: PublicationType.Other);
        await app.SaveAsync(document);
        Assert.True((await LinkAsync(stranger, ids, document.Id)).IsRedirectTo("/admin/access-denied"));
        var refused = await LinkAsync(handler, ids, null);
        Assert.Contains("请填写已发布的主动公开文件", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(d => d.SameInformationLinks.AnyAsync(l => ids.Contains(l.RequestId))));

        var linked = await LinkAsync(handler, ids, document.Id);
        Assert.True(linked.IsRedirectTo(Page), $"{(int)linked.StatusCode} {WebUtility.HtmlDecode(await linked.Content.ReadAsStringAsync())}");
        Assert.Contains("已主动公开：", WebUtility.HtmlDecode(await handler.GetStringAsync(Page)));

        // A fourth applicant asks later: the request page says it is published and answers in one step (Art. 36(一), 予以公开).
        var later = await app.NewRequestAsync(agency.Id, "加装电梯补贴的通知", a => a with { ApplicantName = "赵六", IdType = IdentityDocumentType.Passport, IdNumber = "E10000004", DocumentNumber = "示政办发〔2026〕7号" });
        var detail = WebUtility.HtmlDecode(await handler.GetStringAsync($"/admin/requests/{later}"));
        Assert.Contains("该信息已主动公开：《关于老旧小区加装电梯补贴的通知》", detail);
        var version = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == later).Select(r => r.Version).SingleAsync());
        var reply = await handler.PostFormAsync($"/admin/requests/{later}", $"/admin/requests/{later}", new()
        {
            ["step"] = "Decide",
            ["Version"] = $"{version}",
            ["Outcome"] = "Disclosed",
            ["LegalBasis"] = "《中华人民共和国政府信息公开条例》第三十六条第（一）项",
            ["DisclosedDocument"] = $"/catalog/{document.Id}",
            ["Reason"] = "您申请获取的政府信息已经主动公开。",
        });
        Assert.True(reply.IsRedirectTo($"/admin/requests/{later}"), WebUtility.HtmlDecode(await reply.Content.ReadAsStringAsync()));
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == later));
        Assert.Equal((Outcome.Disclosed, document.Id), (record.Outcome, record.DisclosedPublicationId));
        Assert.Contains(record.Events, e => e.Json.Contains("第三十六条第（一）项", StringComparison.Ordinal));
        Assert.DoesNotContain("该信息已主动公开", WebUtility.HtmlDecode(await handler.GetStringAsync($"/admin/requests/{later}")));
    }

    /// <summary>The page's link form for the group (its request ids repeated, as the form posts them).</summary>
    private static async Task<HttpResponseMessage> LinkAsync(HttpClient client, IEnumerable<long> ids, long? document)
    {
        var form = await client.GetStringAsync("/admin/account/password");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        var fields = ids.Select(id => new KeyValuePair<string, string>("RequestIds", $"{id}")).ToList();
        fields.Add(new("Document", document is null ? "" : $"/catalog/{document}"));
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(Page + "?handler=Link", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
