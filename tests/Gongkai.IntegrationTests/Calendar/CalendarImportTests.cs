using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Calendar;

/// <summary>Each test imports into a database of its own: imports change the calendar the whole host uses.</summary>
public sealed class CalendarImportTests
{
    private const string Year2027 = """
        {
          "_source": { "papers": { "2027": ["https://www.gov.cn/example-2027"] } },
          "2027": {
            "holidays": ["2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"],
            "workdays": ["2027-02-20"]
          }
        }
        """;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json, string note = "测试导入")
    {
        var page = await client.GetStringAsync("/admin/calendar");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(note), "Note" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", "holidays.json");
        return await client.PostAsync("/admin/calendar", form);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Importing_a_new_year_makes_a_new_version_and_extends_the_calendar(Db db)
    {
        using var app = new GongkaiApp(db);
        var admin = await app.NewStaffAsync(StaffRoles.Administrator, null);
        var client = await app.LoginAsync(admin);
        var before = await app.Browser().GetAsync("/api/calendar/add?date=2026-12-25&days=10");

        var response = await UploadAsync(client, Year2027);

        // Before the import 2027 is reckoned from the law: the same date here, but provisional.
        Assert.Contains("\"result\":\"2027-01-11\",\"provisional\":true", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = await app.WithDbAsync(d => d.CalendarVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal(admin.UserName, versions[1].CreatedBy);
        Assert.Equal("2027", versions[1].YearsImported);
        Assert.Equal(64, versions[1].ContentSha256.Length);
        Assert.NotEqual(versions[0].ContentSha256, versions[1].ContentSha256);
        // 2026-12-25 (Fri) + 10 working days: 12-28…12-31 (4), 2027-01-01 holiday, 01-04…01-08 (9), 01-11 (10).
        Assert.Contains("\"result\":\"2027-01-11\",\"provisional\":false", await app.Browser().GetStringAsync("/api/calendar/add?date=2026-12-25&days=10"));
        Assert.True(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(e => e.Action == AuditActions.CalendarImported && e.UserName == admin.UserName)));
        Assert.Contains("生效中", await client.GetStringAsync("/admin/calendar"));
    }

    [Theory]
    [InlineData("{ \"2027\": { \"holidays\": [\"2027-01-01\"], ", "不是有效的 JSON")]
    [InlineData("{ \"2027\": { \"holidays\": [\"2027-01-01\", \"2027-02-20\"], \"workdays\": [\"2027-02-20\"] } }", "既被列为节假日又被列为调休上班日")]
    [InlineData("{ \"2027\": { \"holidays\": [\"2027-13-01\"], \"workdays\": [] } }", "不是 yyyy-MM-dd 格式的日期")]
    [InlineData("{ \"2029\": { \"holidays\": [\"2029-01-01\"], \"workdays\": [] } }", "缺少 2027 年")]
    [InlineData("[1, 2, 3]", "最外层应是一个对象")]
    public async Task A_bad_calendar_file_is_refused_in_chinese_and_nothing_is_written(string json, string message)
    {
        using var app = new GongkaiApp(Db.Sqlite);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var response = await UploadAsync(client, json);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("导入失败", html);
        Assert.Contains(message, html);
        Assert.Equal(1, await app.WithDbAsync(d => d.CalendarVersions.CountAsync()));
        Assert.False(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(e => e.Action == AuditActions.CalendarImported)));
    }

    [Fact]
    public async Task Staff_who_are_not_top_level_administrators_cannot_import()
    {
        using var app = new GongkaiApp(Db.Sqlite);
        var bureau = await app.AgencyAsync("示例区教育局");
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, bureau.Id));
        var departmentAdmin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, bureau.Id));

        var byClerk = await UploadAsync(clerk, Year2027);
        var byDepartmentAdmin = await UploadAsync(departmentAdmin, Year2027);

        Assert.True(byClerk.IsRedirectTo("/admin/access-denied"), $"{(int)byClerk.StatusCode} {byClerk.Headers.Location}");
        Assert.True(byDepartmentAdmin.IsRedirectTo("/admin/access-denied"), $"{(int)byDepartmentAdmin.StatusCode} {byDepartmentAdmin.Headers.Location}");
        Assert.Equal(1, await app.WithDbAsync(d => d.CalendarVersions.CountAsync()));
    }

    [Fact]
    public async Task The_year_page_marks_holidays_and_make_up_working_days()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));

        var html = await client.GetStringAsync("/admin/calendar/year/2020");

        Assert.Contains("2020 年工作日日历", html);
        Assert.Contains("aria-label=\"10日 调休上班日\"", html);
        Assert.Contains("aria-label=\"1日 节假日\"", html);
    }

    [Theory]
    [InlineData("2026-11-02T09:00:00+08:00", true)]
    [InlineData("2026-06-01T09:00:00+08:00", false)]
    public async Task The_dashboard_warns_from_november_when_next_years_schedule_is_missing(string now, bool warns)
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: new FixedClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, (await app.AgencyAsync("示例区人民政府办公室")).Id));

        var html = await client.GetStringAsync("/admin");

        Assert.Equal(warns, html.Contains("请系统管理员在“节假日安排”中导入", StringComparison.Ordinal));
    }
}
