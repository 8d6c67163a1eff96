using System.Net;
using System.Text.Json;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Web;

public sealed class PortalTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Home_page_shows_the_agency_and_the_five_sections_as_chinese_characters(Db db)
    {
        var client = GongkaiApp.For(db).Browser();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("<h1>示例区人民政府政府信息公开</h1>", html);
        foreach (var section in new[] { "政府信息公开指南", "政府信息公开目录", "依申请公开", "互动交流", "年度报告" })
        {
            Assert.Contains(section, html);
        }

        // Razor must write characters, not &#x…; entities (the encoder GongkaiWeb registers allows all ranges).
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task The_interaction_page_offers_each_open_channel_and_the_tracking_page()
    {
        var html = await GongkaiApp.For(Db.Sqlite).Browser().GetStringAsync("/interaction");

        Assert.Contains("<h1>互动交流</h1>", html);
        Assert.Contains("channel=LeaderMailbox", html);
        Assert.Contains("channel=Complaint", html);
        Assert.Contains("channel=Inquiry", html);
        Assert.Contains("/interaction/track", html);
    }

    [Fact]
    public async Task The_guide_shows_the_chosen_agencys_disclosure_office()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var bureau = await app.AgencyAsync("示例区教育局");

        var html = await app.Browser().GetStringAsync($"/guide?agency={bureau.Id}");

        Assert.Contains("示例区教育局", html);
        Assert.Contains("区教育局办公室", html);
        Assert.Contains("示例区学府路 2 号", html);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Healthz_checks_the_database_and_the_calendar(Db db)
    {
        var response = await GongkaiApp.For(db).Browser().GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("2019–2026", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api_and_the_reference_page_is_served()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();

        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        var reference = await client.GetAsync("/api-docs/");

        Assert.Contains("/api/agencies", paths);
        Assert.Contains("/api/calendar/add", paths);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_chinese_404()
    {
        var response = await GongkaiApp.For(Db.Sqlite).Browser().GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html);
        Assert.Contains("返回首页", html);
    }

    [Fact]
    public async Task An_unknown_api_path_gets_problem_details()
    {
        var response = await GongkaiApp.For(Db.Sqlite).Browser().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_api_error_is_problem_details_in_chinese()
    {
        var response = await GongkaiApp.For(Db.Sqlite).Browser().GetAsync("/api/calendar/add?date=2020-13-01&days=5");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("yyyy-MM-dd", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Working_days_api_counts_from_the_day_after_marks_provisional_dates_and_refuses_dates_it_cannot_know()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();

        using var ok = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/add?date=2020-09-28&days=20"));
        // Sun 2026-12-20: 12-21…25 (1-5), 12-28…31 (6-9), 2027-01-01 off by law, 01-04…08 (10-14), 01-11…15 (15-19), 01-18 (20).
        using var provisional = JsonDocument.Parse(await client.GetStringAsync("/api/calendar/add?date=2026-12-20&days=20"));
        var outside = await client.GetAsync("/api/calendar/add?date=2018-12-20&days=20");
        using var problem = JsonDocument.Parse(await outside.Content.ReadAsStringAsync());

        Assert.Equal("2020-11-02", ok.RootElement.GetProperty("result").GetString());
        Assert.False(ok.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-01-18", provisional.RootElement.GetProperty("result").GetString());
        Assert.True(provisional.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal((HttpStatusCode)422, outside.StatusCode);
        Assert.Contains("早于节假日安排数据的范围", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_failure_shows_people_a_chinese_page_and_machines_problem_details_never_the_exception()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();

        var page = await client.GetAsync("/test-failure");
        var api = await client.GetAsync("/api/test-failure");
        var html = await page.Content.ReadAsStringAsync();
        var json = await api.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("系统暂时出错", html);
        Assert.DoesNotContain("secret-stack-detail", html);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret-stack-detail", json);
    }

    [Fact]
    public async Task The_home_page_lists_the_latest_documents_and_answers_and_the_footer_its_registration_marks()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoHistory: true, settings: new Dictionary<string, string>
        {
            ["Gongkai:Site:IdentifierCode"] = "9999000001",
            ["Gongkai:Site:IcpNumber"] = "示ICP备00000000号",
            ["Gongkai:Site:PoliceNumber"] = "示公网安备 99999902000001号",
        });
        var html = System.Net.WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/"));
        var plain = System.Net.WebUtility.HtmlDecode(await GongkaiApp.For(Db.Sqlite).Browser().GetStringAsync("/"));

        Assert.Contains("最新公开", html);
        Assert.Matches(@"<ul class=""latest"">\s*<li><a href=""/catalog/\d+"">", html);
        Assert.Matches(@"<li><a href=""/interaction/letters/\d+"">", html);
        Assert.Contains("网站标识码：9999000001", html);
        Assert.Contains(">示ICP备00000000号</a>", html);
        Assert.Contains(">示公网安备 99999902000001号</a>", html);
        Assert.DoesNotContain("网站标识码", plain);
    }

    [Fact]
    public async Task The_site_has_its_icon_and_a_staff_page_s_error_keeps_the_staff_layout()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var icon = await app.Browser().GetAsync("/favicon.ico");
        var staff = await app.LoginAsync(await app.NewStaffAsync(Gongkai.Infrastructure.Identity.StaffRoles.Handler, (await app.AgencyAsync("示例区人民政府办公室")).Id));
        var missing = await staff.GetAsync("/admin/requests/999999999");
        var html = System.Net.WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("政务公开后台", html);
        Assert.Contains("返回工作台", html);
        var notFound = await app.Browser().GetAsync("/no-such-page");
        var portal = System.Net.WebUtility.HtmlDecode(await notFound.Content.ReadAsStringAsync());
        Assert.Contains("返回首页", portal);
        Assert.DoesNotContain("政务公开后台", portal);
    }

    [Fact]
    public async Task A_refused_application_names_the_field_and_never_sends_a_huge_field_back()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.AgencyAsync("示例区人民政府");
        async Task<(int Status, string Html)> ApplyWith(int length)
        {
            var fields = ApplicationForms.Fields(agency.Id, "示例区 2026 年道路维修计划");
            fields["Form.Description"] = new string('长', length);
            var response = await app.Browser().PostFormAsync("/apply", "/apply", fields);
            return ((int)response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        // Within the form's size limits: refused by the field's own rule, which names it; the page holds 2000 characters of it.
        var (status, html) = await ApplyWith(300_000);
        Assert.Equal(200, status);
        Assert.Contains("所需政府信息的内容描述不能超过 2000 个字，现为 300000 个字。", html);
        Assert.True(html.Length < 100_000, $"the page is {html.Length} characters");

        // Beyond them (a value over 4 MB): a short Chinese error page, nothing sent back.
        var (tooLarge, refused) = await ApplyWith(2_000_000);
        Assert.Equal(400, tooLarge);
        Assert.Contains("请求有误", refused);
        Assert.True(refused.Length < 20_000);
    }
}
