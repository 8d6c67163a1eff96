using System.Net;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Publications;

/// <summary>The gazette: an issue edited by staff, refused when wrong, then read on the portal as a page and as a PDF.</summary>
public sealed class GazetteTests
{
    private static string Unique(string title) => $"{title}（{Guid.NewGuid().ToString("N")[..6]}）";

    private static Dictionary<string, string> Issue(int agencyId, int number, params long[] documents)
    {
        var fields = new Dictionary<string, string>
        {
            ["AgencyId"] = $"{agencyId}",
            ["Year"] = "2024",
            ["Number"] = $"{number}",
            ["TotalNumber"] = "27",
            ["IssuedOn"] = "2024-03-15",
            ["PrintRun"] = "500",
            ["DistributionPoints"] = "区政务服务中心\n区图书馆",
        };
        for (var i = 0; i < documents.Length; i++)
        {
            fields[$"Selected[{i}]"] = $"{documents[i]}";
        }

        return fields;
    }

    [Fact]
    public async Task An_issue_is_checked_then_printed_on_the_portal_as_a_page_and_a_pdf()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var anonymous = app.Browser();
        var first = CatalogDocuments.Document(agency.Id, Unique("关于印发公报测试实施办法的通知"), "2024-03-01", number: "测政发〔2024〕3号",
            bodyHtml: "<p>第一条　为规范公报测试工作，制定本办法。</p>", body: "第一条　为规范公报测试工作，制定本办法。");
        var second = CatalogDocuments.Document(agency.Id, Unique("关于公报测试工作的通告"), "2024-03-05", body: "各单位：\n请按要求做好公报测试工作。");
        var draft = CatalogDocuments.Document(agency.Id, Unique("尚在起草的公报测试文件"), null);
        await app.SaveAsync(first, second, draft);

        var search = await publisher.PostFormAsync("/admin/gazette/edit", "/admin/gazette/edit?handler=search", new() { ["AgencyId"] = $"{agency.Id}", ["Number"] = "3", ["q"] = "实施办法" });
        var found = await search.Content.ReadAsStringAsync();
        Assert.Contains($"<label for=\"candidate-{first.Id}\">{first.Title}</label>", found);
        Assert.DoesNotContain(second.Title, found);
        Assert.DoesNotContain(draft.Title, found);
        Assert.Contains("value=\"3\"", found);

        // The second document is ticked first, but its order number puts it after the first.
        var fields = Issue(agency.Id, 3, second.Id, first.Id);
        fields[$"Orders[{second.Id}]"] = "2";
        fields[$"Orders[{first.Id}]"] = "1";
        var created = await publisher.PostFormAsync("/admin/gazette/edit", "/admin/gazette/edit", fields);
        Assert.True(created.IsRedirectTo("/admin/gazette/edit/"), await created.Content.ReadAsStringAsync());
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var duplicate = await publisher.PostFormAsync("/admin/gazette/edit", "/admin/gazette/edit", Issue(agency.Id, 3, first.Id));
        var unpublished = await publisher.PostFormAsync("/admin/gazette/edit", "/admin/gazette/edit", Issue(agency.Id, 4, first.Id, draft.Id));
        var wrongDate = Issue(agency.Id, 5);
        (wrongDate["IssuedOn"], wrongDate["PrintRun"], wrongDate["Number"]) = ("2023-12-30", "-1", "100");
        var wrong = await publisher.PostFormAsync("/admin/gazette/edit", "/admin/gazette/edit", wrongDate);
        var beforePublishing = await anonymous.GetAsync($"/gazette/{id}");
        var published = await publisher.PostFormAsync($"/admin/gazette/edit/{id}", $"/admin/gazette/edit/{id}?handler=publish", []);
        var html = await anonymous.GetStringAsync($"/gazette/{id}");
        var pdf = await anonymous.GetAsync($"/gazette/{id}.pdf");
        var pdfText = Documents.PdfText(await pdf.Content.ReadAsByteArrayAsync());
        var list = await anonymous.GetStringAsync($"/gazette?agency={agency.Id}");
        var staffList = await publisher.GetStringAsync("/admin/gazette");

        Assert.Contains("2024年第3期已存在。", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains($"《{draft.Title}》尚未主动公开发布，不能编入公报。", await unpublished.Content.ReadAsStringAsync());
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("出版日期应在 2024 年内。", wrongHtml);
        Assert.Contains("印数不能为负数。", wrongHtml);
        Assert.Contains("期号应为 1 至 99 的整数。", wrongHtml);
        Assert.Equal([3], await app.WithDbAsync(db => db.GazetteIssues.Where(g => g.AgencyId == agency.Id).Select(g => g.Number).ToListAsync()));
        Assert.Equal(HttpStatusCode.NotFound, beforePublishing.StatusCode);
        Assert.True(published.IsRedirectTo($"/admin/gazette/edit/{id}"));

        Assert.Contains("《测试政府公报》", html);
        Assert.Contains("2024年第3期（总第27期）", html);
        Assert.Contains("出版日期：2024年3月15日", html);
        Assert.Contains("<h2 id=\"contents-heading\">目录</h2>", html);
        Assert.Contains($"<li><a href=\"#document-1\">{first.Title}</a>（测政发〔2024〕3号）</li>", html);
        Assert.Contains($"<li><a href=\"#document-2\">{second.Title}</a></li>", html);
        Assert.Contains("<p>第一条　为规范公报测试工作，制定本办法。</p>", html);
        Assert.Contains("<p>请按要求做好公报测试工作。</p>", html);
        Assert.Contains("本期印数：500 份", html);
        Assert.Contains("<li>区图书馆</li>", html);
        Assert.DoesNotContain(draft.Title, html);

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("《测试政府公报》", pdfText);
        Assert.Contains("2024年第3期（总第27期）", pdfText);
        Assert.True(pdfText.IndexOf(first.Title, StringComparison.Ordinal) < pdfText.IndexOf(second.Title, StringComparison.Ordinal), pdfText);
        Assert.Contains("请按要求做好公报测试工作。", pdfText);
        Assert.Contains("区政务服务中心；区图书馆", pdfText);

        Assert.Contains($"<a href=\"/gazette/{id}?agency={agency.Id}\">《测试政府公报》 2024年第3期（总第27期）</a>", list);
        Assert.Contains($"<a href=\"/admin/gazette/edit/{id}\">第 3 期</a>", staffList);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.GazetteSaved && a.Target == $"政府公报 {id}")));
    }

    [Fact]
    public async Task An_unpublished_issue_is_not_on_the_portal_and_only_writers_change_issues()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var outsider = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, (await app.NewAgencyAsync(null)).Id));
        var document = CatalogDocuments.Document(agency.Id, Unique("撤回测试文件"), "2024-06-01");
        await app.SaveAsync(document);
        var created = await publisher.PostFormAsync("/admin/gazette/edit", "/admin/gazette/edit", Issue(agency.Id, 1, document.Id));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        await publisher.PostFormAsync($"/admin/gazette/edit/{id}", $"/admin/gazette/edit/{id}?handler=publish", []);
        var whilePublished = await app.Browser().GetAsync($"/gazette/{id}");
        await publisher.PostFormAsync($"/admin/gazette/edit/{id}", $"/admin/gazette/edit/{id}?handler=unpublish", []);
        var page = await app.Browser().GetAsync($"/gazette/{id}");
        var pdf = await app.Browser().GetAsync($"/gazette/{id}.pdf");
        var readByClerk = await clerk.GetAsync($"/admin/gazette/edit/{id}");
        var newByClerk = await clerk.GetAsync("/admin/gazette/edit");
        var savedByClerk = await clerk.PostFormAsync($"/admin/gazette/edit/{id}", $"/admin/gazette/edit/{id}?handler=publish", []);
        var readByOutsider = await outsider.GetAsync($"/admin/gazette/edit/{id}");

        Assert.Equal(HttpStatusCode.OK, whilePublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByClerk.StatusCode);
        Assert.Contains(document.Title, await readByClerk.Content.ReadAsStringAsync());
        Assert.True(newByClerk.IsRedirectTo("/admin/access-denied"));
        Assert.True(savedByClerk.IsRedirectTo("/admin/access-denied"));
        Assert.True(readByOutsider.IsRedirectTo("/admin/access-denied"));
        Assert.False(await app.WithDbAsync(db => db.GazetteIssues.Where(g => g.Id == id).Select(g => g.IsPublished).SingleAsync()));
    }
}
