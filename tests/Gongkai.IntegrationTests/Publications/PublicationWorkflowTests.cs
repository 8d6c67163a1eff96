using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Publications;

/// <summary>The catalog's documents through the staff pages: 先审查、后公开, 同步发布 with the interpretation, validity, bad input.</summary>
public sealed partial class PublicationWorkflowTests
{
    private static Dictionary<string, string> Form(string title, string type = "NormativeDocument", string written = "2026-11-02", string? body = null, string? number = null, long? interprets = null, int? agencyId = null, string? index = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Issuer"] = "示例区人民政府办公室",
            ["WrittenOn"] = written,
            ["Type"] = type,
            ["Attribute"] = "Proactive",
            ["Category"] = interprets is null ? "法规文件" : "政策解读",
            ["BodyHtml"] = body ?? "<p>各镇人民政府、街道办事处：</p><p>现将有关事项通知如下。</p>",
            ["DraftingUnit"] = "示例区司法局",
        };
        if (number is not null)
        {
            form["DocumentNumber"] = number;
        }

        if (interprets is not null)
        {
            form["interprets"] = interprets.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (agencyId is not null)
        {
            form["AgencyId"] = agencyId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (index is not null)
        {
            form["IndexNumber"] = index;
        }

        return form;
    }

    private static long IdOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        return long.Parse(IdPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, long id, string handler, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/admin/publications/{id}", $"/admin/publications/{id}?handler={handler}", fields ?? []);

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_normative_document_is_reviewed_then_published_the_same_day_as_its_interpretation(Db db)
    {
        var app = GongkaiApp.For(db);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, office.Id));
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, office.Id));
        var title = "关于印发《示例区海绵城市建设管理办法》的通知 " + Guid.NewGuid().ToString("N")[..6];
        var number = $"示政办发〔2026〕{Random.Shared.Next(100, 99999)}号";

        var policyId = IdOf(await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form(title, number: number, agencyId: office.Id)));
        var unreviewed = await ActAsync(publisher, policyId, "publish");
        var reviewedBySelf = await ActAsync(publisher, policyId, "review");
        Assert.True((await ActAsync(approver, policyId, "review", new() { ["Opinion"] = "不涉密，同意公开。" })).IsRedirectTo($"/admin/publications/{policyId}"));
        var withoutInterpretation = await ActAsync(publisher, policyId, "publish");
        var interpretationId = IdOf(await publisher.PostFormAsync($"/admin/publications/edit?interprets={policyId}", "/admin/publications/edit", Form("《海绵城市建设管理办法》政策解读", type: "Other", interprets: policyId, agencyId: office.Id)));
        var interpretationNotReviewed = await ActAsync(publisher, policyId, "publish");
        await ActAsync(approver, interpretationId, "review");
        var published = await ActAsync(publisher, policyId, "publish");

        Assert.Contains("尚未通过保密审查，不能发布", WebUtility.HtmlDecode(await unreviewed.Content.ReadAsStringAsync()));
        Assert.True(reviewedBySelf.IsRedirectTo("/admin/access-denied"), "a publisher may not do the confidentiality review");
        Assert.Contains("应与政策解读同步发布", WebUtility.HtmlDecode(await withoutInterpretation.Content.ReadAsStringAsync()));
        Assert.Contains("尚未通过保密审查", WebUtility.HtmlDecode(await interpretationNotReviewed.Content.ReadAsStringAsync()));
        Assert.True(published.IsRedirectTo($"/admin/publications/{policyId}"));
        var (policy, interpretation) = await app.WithDbAsync(async d => (await d.Publications.SingleAsync(p => p.Id == policyId), await d.Publications.SingleAsync(p => p.Id == interpretationId)));
        Assert.Equal(PublicationStatus.Published, policy.Status);
        Assert.Equal(PublicationStatus.Published, interpretation.Status);
        Assert.Equal(policy.PublishedOn, interpretation.PublishedOn);
        Assert.Equal("不涉密，同意公开。", policy.ReviewOpinion);
        Assert.NotNull(policy.ReviewedBy);
        Assert.Matches($"^{office.CreditCode}/{policy.WrittenOn.Year}-[0-9]{{5}}$", policy.IndexNumber);

        var visitor = app.CreateClient();
        var policyPage = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/catalog/{policyId}"));
        var interpretationPage = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/catalog/{interpretationId}"));
        Assert.Contains($"/catalog/{interpretationId}", policyPage);
        Assert.Contains(number, policyPage);
        Assert.Contains($"/catalog/{policyId}", interpretationPage);
        Assert.Contains("政策解读", interpretationPage);
        using var json = System.Text.Json.JsonDocument.Parse(await visitor.GetStringAsync($"/api/publications/{policyId}"));
        Assert.Equal(number, json.RootElement.GetProperty("documentNumber").GetString());
        Assert.Equal("行政规范性文件", json.RootElement.GetProperty("type").GetString());
        Assert.Equal([interpretationId], json.RootElement.GetProperty("interpretations").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/publications/{interpretationId + 1000000}")).StatusCode);
    }

    [Fact]
    public async Task A_normative_document_without_an_interpretation_needs_a_recorded_reason_and_an_approver_does_not_review_their_own_draft()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, office.Id));
        var other = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, office.Id));
        var id = IdOf(await approver.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("示例区临时性规范文件 " + Guid.NewGuid().ToString("N")[..6], agencyId: office.Id)));

        var own = await ActAsync(approver, id, "review");
        await ActAsync(other, id, "review");
        var published = await ActAsync(approver, id, "publish", new() { ["NoInterpretationReason"] = "本文件仅调整实施日期，无需解读。" });

        Assert.Contains("起草人以外的审核人", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()));
        Assert.True(published.IsRedirectTo($"/admin/publications/{id}"));
        var record = await app.WithDbAsync(d => d.Publications.SingleAsync(p => p.Id == id));
        Assert.Equal("本文件仅调整实施日期，无需解读。", record.NoInterpretationReason);
        Assert.Contains("本文件仅调整实施日期", WebUtility.HtmlDecode(await approver.GetStringAsync($"/admin/publications/{id}")));
    }

    [Fact]
    public async Task A_repealed_document_shows_a_banner_and_leaves_the_in_force_count_of_the_annual_report()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, agency.Id));
        var ids = new List<long>();
        foreach (var (title, written) in new[] { ("甲办法", "2026-03-02"), ("乙办法", "2026-04-01"), ("丙办法", "2026-05-06") })
        {
            var form = Form(title, written: written, agencyId: agency.Id);
            form["Category"] = "";
            var id = IdOf(await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", form));
            await ActAsync(approver, id, "review");
            Assert.True((await ActAsync(publisher, id, "publish", new() { ["NoInterpretationReason"] = "测试用，无需解读。", ["PublishOn"] = "2026-06-01" })).IsRedirectTo($"/admin/publications/{id}"));
            ids.Add(id);
        }

        var repealed = await ActAsync(publisher, ids[0], "repeal", new() { ["EndOn"] = "2026-09-30", ["RepealedBy"] = "示政发〔2026〕30号" });
        var expired = await ActAsync(publisher, ids[1], "expire", new() { ["EndOn"] = "2026-10-31" });
        var banner = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/catalog/{ids[0]}"));
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<Gongkai.Infrastructure.AnnualReports.ReportBuilder>().BuildAsync(agency.Id, 2026, subtree: false);

        Assert.True(repealed.IsRedirectTo($"/admin/publications/{ids[0]}"));
        Assert.True(expired.IsRedirectTo($"/admin/publications/{ids[1]}"));
        Assert.Contains("本文件已于 2026年9月30日 废止（依据示政发〔2026〕30号）", banner);
        // Independent count: three made in 2026, one repealed in 2026, one expired, one in force at the end of 2026.
        Assert.Equal(3, report.Article20[Article20Counting.Item, "行政规范性文件", "本年制发件数"]);
        Assert.Equal(1, report.Article20[Article20Counting.Item, "行政规范性文件", "本年废止件数"]);
        Assert.Equal(1, report.Article20[Article20Counting.Item, "行政规范性文件", "现行有效件数"]);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_chinese_and_writes_nothing()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, office.Id));
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, office.Id));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var existing = IdOf(await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("已有文件 " + marker, type: "Other", agencyId: office.Id, index: "LEGACY-" + marker)));

        var script = await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("脚本 " + marker, body: "<p>正文</p><script>alert(1)</script><img src=x onerror=alert(2)>", agencyId: office.Id));
        var duplicate = await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("重复索引号 " + marker, agencyId: office.Id, index: "LEGACY-" + marker));
        var disguised = await PostWithFileAsync(publisher, Form("伪装附件 " + marker, type: "Other", agencyId: office.Id), "通知.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
        var category = await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", new Dictionary<string, string>(Form("错误分类 " + marker, agencyId: office.Id)) { ["Category"] = "不存在的分类" });
        await ActAsync(approver, existing, "review");
        await ActAsync(publisher, existing, "publish");
        var repealEarly = await ActAsync(publisher, existing, "repeal", new() { ["EndOn"] = "2020-01-01", ["RepealedBy"] = "示政发〔2026〕1号" });

        Assert.Contains("正文含有不允许的内容：<script> 标签、事件属性 onerror", WebUtility.HtmlDecode(await script.Content.ReadAsStringAsync()));
        Assert.Contains($"索引号“LEGACY-{marker}”已被《已有文件 {marker}》使用", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
        Assert.Contains("附件“通知.pdf”的内容不是 PDF 文件", WebUtility.HtmlDecode(await disguised.Content.ReadAsStringAsync()));
        Assert.Contains("目录分类“不存在的分类”不在本机关的目录中", WebUtility.HtmlDecode(await category.Content.ReadAsStringAsync()));
        Assert.Contains("废止日期（2020-01-01）不能早于成文日期（2026-11-02）", WebUtility.HtmlDecode(await repealEarly.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(d => d.Publications.CountAsync(p => p.Title.EndsWith(marker))));
        Assert.Null(await app.WithDbAsync(d => d.Publications.Where(p => p.Id == existing).Select(p => p.RepealedOn).SingleAsync()));
    }

    [Fact]
    public async Task Attachments_are_kept_once_per_content_with_their_text_and_served_only_once_published()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, office.Id));
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, office.Id));
        var word = "鹦鹉螺" + Guid.NewGuid().ToString("N")[..6];
        var docx = Docx($"附件一：{word}实施细则");

        var first = IdOf(await PostWithFileAsync(publisher, Form("附件文件甲 " + word, type: "Other", agencyId: office.Id), "实施细则.docx", docx));
        var second = IdOf(await PostWithFileAsync(publisher, Form("附件文件乙 " + word, type: "Other", agencyId: office.Id), "细则（副本）.docx", docx));
        var attachments = await app.WithDbAsync(d => d.PublicationAttachments.Where(a => a.PublicationId == first || a.PublicationId == second).ToListAsync());
        var hash = attachments[0].Sha256;
        var fileUrl = $"/catalog/{first}?handler=file&attachment={attachments.Single(a => a.PublicationId == first).Id}";
        var visitor = app.CreateClient();
        var beforePublication = await visitor.GetAsync(fileUrl);
        var searchBefore = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/search?agency={office.Id}&q={Uri.EscapeDataString(word)}"));
        await ActAsync(approver, first, "review");
        await ActAsync(publisher, first, "publish");
        var afterPublication = await visitor.GetAsync(fileUrl);
        // Publishing indexes at once, with the attachment's text; repealing updates the index too.
        var searchAfter = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/search?agency={office.Id}&q={Uri.EscapeDataString(word)}"));
        await ActAsync(publisher, first, "repeal", new() { ["EndOn"] = "2026-11-20", ["RepealedBy"] = "示政办发〔2026〕99号" });
        var inForceOnly = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/search?agency={office.Id}&valid=true&q={Uri.EscapeDataString(word)}"));

        Assert.Equal(2, attachments.Count);
        Assert.All(attachments, a => Assert.Contains(word, a.Text));
        Assert.All(attachments, a => Assert.Equal(hash, a.Sha256));
        Assert.Equal(1, await app.WithDbAsync(d => d.StoredFiles.CountAsync(f => f.Sha256 == hash)));
        Assert.Equal(HttpStatusCode.NotFound, beforePublication.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterPublication.StatusCode);
        Assert.Equal(docx, await afterPublication.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("附件文件甲", searchBefore);
        Assert.Contains("附件文件甲", searchAfter);
        Assert.Contains("共找到 1 条", searchAfter);
        Assert.DoesNotContain("附件文件甲", inForceOnly);
    }

    [Fact]
    public async Task Portal_pages_forbid_foreign_and_inline_scripts()
    {
        var app = GongkaiApp.For(Db.Sqlite);

        var response = await app.CreateClient().GetAsync("/catalog");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_article_26_list_shows_what_is_late_and_what_is_due()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At("2026-11-27T10:00:00+08:00"));
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, office.Id));
        await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("迟发文件", type: "Other", written: "2026-10-09", agencyId: office.Id));
        await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("新写文件", type: "Other", written: "2026-11-27", agencyId: office.Id));

        var page = WebUtility.HtmlDecode(await publisher.GetStringAsync("/admin/publications"));
        var dashboard = WebUtility.HtmlDecode(await publisher.GetStringAsync("/admin"));

        // 2026-10-09 (Friday) + 20 working days, counting Saturday 10-10 (a make-up working day) = 2026-11-05, and 16
        // working days have passed since by Friday 11-27; 2026-11-27 + 20 = 2026-12-25.
        Assert.Matches("迟发文件</a></td>\\s*<td>草稿</td>\\s*<td>2026-10-09</td>\\s*<td>2026-11-05</td>\\s*<td>已超期 16 个工作日</td>", page);
        Assert.Matches("<strong>2</strong> 件待发布", dashboard);
        Assert.Matches("<strong>1</strong> 件超过 20 个工作日未发布", dashboard);
        Assert.Matches("新写文件</a></td>\\s*<td>草稿</td>\\s*<td>2026-11-27</td>\\s*<td>2026-12-25</td>\\s*<td>还剩 20 个工作日</td>", page);
    }

    [Fact]
    public async Task A_document_due_past_the_published_schedule_is_listed_with_a_provisional_date()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At("2026-12-10T10:00:00+08:00"));
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, office.Id));
        await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("年底印发文件", type: "Other", written: "2026-12-10", agencyId: office.Id));

        var page = WebUtility.HtmlDecode(await publisher.GetStringAsync("/admin/publications"));

        // Thu 2026-12-10 + 20: 12-11 (1), 12-14…18 (2-6), 12-21…25 (7-11), 12-28…31 (12-15), 2027-01-01 off by law,
        // 01-04…08 (16-20). No 2027 schedule yet: listed, not dropped, and marked 预计.
        Assert.Matches("年底印发文件</a></td>\\s*<td>草稿</td>\\s*<td>2026-12-10</td>\\s*<td>2027-01-08（预计）</td>\\s*<td>还剩 20 个工作日</td>", page);
        var id = await app.WithDbAsync(d => d.Publications.Where(p => p.Title == "年底印发文件").Select(p => p.Id).SingleAsync());
        var detail = WebUtility.HtmlDecode(await publisher.GetStringAsync($"/admin/publications/{id}"));
        Assert.Contains("发布期限（第二十六条）</th><td colspan=\"3\">2027-01-08（预计）（还剩 20 个工作日）", detail);
        Assert.Contains("<li>其中 2027-01-01 为法定节假日（元旦，预计），不计算在内。</li>", detail);
    }

    [Fact]
    public async Task A_document_whose_due_date_cannot_be_counted_is_listed_with_the_reason_not_dropped()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At("2026-12-10T10:00:00+08:00"));
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, office.Id));
        await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("补录旧文件", type: "Other", written: "2018-05-10", agencyId: office.Id));

        var page = WebUtility.HtmlDecode(await publisher.GetStringAsync("/admin/publications"));
        var dashboard = WebUtility.HtmlDecode(await publisher.GetStringAsync("/admin"));
        var id = await app.WithDbAsync(d => d.Publications.Where(p => p.Title == "补录旧文件").Select(p => p.Id).SingleAsync());
        var detail = WebUtility.HtmlDecode(await publisher.GetStringAsync($"/admin/publications/{id}"));

        // The schedule starts in 2019: no working day can be counted from 2018, so there is no date, and it says why.
        Assert.Matches("补录旧文件</a></td>\\s*<td>草稿</td>\\s*<td>2018-05-10</td>\\s*<td>无法计算</td>\\s*<td>发布期限无法计算：2018-05-10 不在可计算工作日的范围内。</td>", page);
        Assert.Matches("<strong>1</strong> 件待发布", dashboard);
        Assert.Contains("<th scope=\"row\">发布期限（第二十六条）</th><td colspan=\"3\">无法计算<details>", detail);
        Assert.Contains("<li>发布期限无法计算：2018-05-10 不在可计算工作日的范围内。</li>", detail);
    }

    [Fact]
    public async Task Feeds_and_the_sitemap_list_published_documents_only()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, office.Id));
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, office.Id));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var published = IdOf(await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("订阅可见 " + marker, type: "Other", agencyId: office.Id)));
        var draft = IdOf(await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("订阅不可见 " + marker, type: "Other", agencyId: office.Id)));
        await ActAsync(approver, published, "review");
        await ActAsync(publisher, published, "publish");
        var visitor = app.CreateClient();

        var atom = await visitor.GetAsync($"/feeds/publications.atom?agency={office.Id}");
        var rss = await visitor.GetStringAsync($"/feeds/publications.rss?agency={office.Id}");
        var sitemap = await visitor.GetStringAsync("/sitemap.xml");
        var atomText = await atom.Content.ReadAsStringAsync();

        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        var feed = System.Xml.Linq.XDocument.Parse(atomText);
        Assert.Contains(feed.Descendants("{http://www.w3.org/2005/Atom}title"), t => t.Value == "订阅可见 " + marker);
        Assert.DoesNotContain("订阅不可见 " + marker, atomText);
        Assert.Contains("订阅可见 " + marker, System.Xml.Linq.XDocument.Parse(rss).Descendants("title").Select(t => t.Value));
        Assert.Contains($"/catalog/{published}</loc>", sitemap);
        Assert.DoesNotContain($"/catalog/{draft}</loc>", sitemap);
    }

    [Fact]
    public async Task The_guide_shows_the_offices_text_and_contact_and_refuses_script()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var settings = $"/admin/publications/settings?agency={agency.Id}";

        var refused = await publisher.PostFormAsync(settings, $"/admin/publications/settings?agency={agency.Id}&handler=guide", new() { ["GuideHtml"] = "<p>指南</p><iframe src=\"https://example.com\"></iframe>" });
        var saved = await publisher.PostFormAsync(settings, $"/admin/publications/settings?agency={agency.Id}&handler=guide", new() { ["GuideHtml"] = "<h2>主动公开的范围</h2><p>本机关主动公开机构职能、规划计划和财政预决算。</p>" });
        var scheme = await publisher.PostFormAsync(settings, $"/admin/publications/settings?agency={agency.Id}&handler=scheme", new() { ["Pattern"] = "SZ-{year}-{serial}" });
        var guide = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/guide?agency={agency.Id}"));
        var id = IdOf(await publisher.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", Form("编号规则检验", type: "Other", agencyId: agency.Id)));

        Assert.Contains("指南含有不允许的内容：<iframe> 标签", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.True(saved.IsRedirectTo("/admin/publications/settings"));
        Assert.True(scheme.IsRedirectTo("/admin/publications/settings"));
        Assert.Contains("本机关主动公开机构职能、规划计划和财政预决算。", guide);
        Assert.Contains("20 个工作日内答复", guide);
        Assert.Equal("SZ-2026-1", await app.WithDbAsync(d => d.Publications.Where(p => p.Id == id).Select(p => p.IndexNumber).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> PostWithFileAsync(HttpClient client, Dictionary<string, string> fields, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync("/admin/publications/edit");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            form.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Files", fileName);
        return await client.PostAsync("/admin/publications/edit", form);
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    [GeneratedRegex("/admin/publications/([0-9]+)")]
    private static partial Regex IdPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
