using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

public sealed class RequestApiTests
{
    private static object Body(int agencyId, string title, string idNumber = "11010519491231002X", string applicantName = "王五") => new
    {
        agencyId,
        application = new
        {
            applicantType = "NaturalPerson",
            applicantName,
            idType = "ResidentIdCard",
            idNumber,
            phone = "13900139000",
            informationTitle = title,
            provisionForm = "Electronic",
            obtainMethod = "Online",
        },
    };

    private static HttpClient Platform(GongkaiApp app, string key = GongkaiApp.ApiKey)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_platform_forwards_a_request_and_anyone_with_code_and_phone_digits_reads_its_status(Db db)
    {
        var app = GongkaiApp.For(db);
        var office = await app.AgencyAsync("示例区人民政府办公室");

        var filed = await Platform(app).PostAsJsonAsync("/api/requests", Body(office.Id, "转办接口测试"));
        using var created = JsonDocument.Parse(await filed.Content.ReadAsStringAsync());
        var code = created.RootElement.GetProperty("trackingCode").GetString()!;
        var status = await app.CreateClient().PostAsJsonAsync("/api/requests/status", new { code, phoneTail = "9000" });
        using var statusJson = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        var wrong = await app.CreateClient().PostAsJsonAsync("/api/requests/status", new { code, phoneTail = "1234" });

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal("AwaitingConfirmation", created.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("待确认收到", statusJson.RootElement.GetProperty("statusName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.InformationTitle == "转办接口测试" && r.AgencyId == office.Id));
        Assert.Equal(Channel.Online, record.Channel);
        Assert.Equal("api:test-platform", record.Events.Single().UserName);
    }

    [Fact]
    public async Task Forwarding_needs_a_valid_key_for_that_agency_and_valid_content()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var other = await app.AgencyAsync("示例区教育局");
        // Other tests file requests in the same database at the same time: count only this test's applicant.
        var marker = "拒收" + Guid.NewGuid().ToString("N")[..8];

        var noKey = await app.CreateClient().PostAsJsonAsync("/api/requests", Body(office.Id, "无密钥", applicantName: marker));
        var wrongKey = await Platform(app, "guess").PostAsJsonAsync("/api/requests", Body(office.Id, "错误密钥", applicantName: marker));
        var wrongAgency = await Platform(app).PostAsJsonAsync("/api/requests", Body(other.Id, "无权机关", applicantName: marker));
        var invalid = await Platform(app).PostAsJsonAsync("/api/requests", Body(office.Id, "", "123", applicantName: marker));
        var staff = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));
        var byStaffCookie = await staff.PostAsJsonAsync("/api/requests", Body(office.Id, "员工 Cookie", applicantName: marker));
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongAgency.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("请填写所需政府信息的名称。", problem.RootElement.GetProperty("errors").GetProperty("InformationTitle")[0].GetString());
        Assert.Contains("18 位", problem.RootElement.GetProperty("errors").GetProperty("IdNumber")[0].GetString());
        Assert.NotEqual(HttpStatusCode.Created, byStaffCookie.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.Requests.CountAsync(r => r.ApplicantName == marker)));
    }
}
