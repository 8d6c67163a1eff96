using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>
/// December 2026, before the State Council has published 2027's schedule: deadlines that reach into 2027 are
/// provisional (预计) wherever they are shown, and move — with a record and an e-mail — when 2027 is imported.
/// </summary>
public sealed partial class RequestFlowTests
{
    // Received in person Fri 2026-12-04. Day 1 is Mon 12-07: 12-07…11 (1-5), 12-14…18 (6-10), 12-21…25 (11-15),
    // 12-28…31 (16-19); Fri 2027-01-01 is New Year's Day by law, 01-02/03 the weekend: day 20 is Mon 2027-01-04 (预计).
    private const string Today = "2026-12-04T10:00:00+08:00";

    // A hypothetical 2027 notice that bridges New Year to Monday 01-04 and makes Saturday 01-09 a working day: the
    // 2026-12-04 request's day 20 becomes Tuesday 2027-01-05 (01-01…01-04 off).
    private const string Bridged2027 = """
        { "2027": { "holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],
                    "workdays": ["2027-01-09"] } }
        """;

    private static async Task<RequestRecord> InPersonWithEmailAsync(GongkaiApp app, int agencyId, string title)
    {
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RequestStore>();
        var application = new RequestApplication
        {
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = "李四",
            IdType = IdentityDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13900139000",
            Email = "lisi@example.com",
            InformationTitle = title,
            ProvisionForm = ProvisionForm.Paper,
            ObtainMethod = ObtainMethod.PickUp,
        };
        var created = await store.CreateAsync(agencyId, application, Channel.InPerson, new Actor("test-clerk", "测试登记员"), store.Today(), null, []);
        return created.Record;
    }

    [Fact]
    public async Task A_request_received_2026_12_04_is_due_2027_01_04_marked_provisional_wherever_it_is_shown()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At(Today));
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var record = await InPersonWithEmailAsync(app, office.Id, "预计期限测试");
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        var visitor = app.Browser();

        var detail = WebUtility.HtmlDecode(await handler.GetStringAsync($"/admin/requests/{record.Id}"));
        var list = WebUtility.HtmlDecode(await handler.GetStringAsync("/admin/requests?due=provisional"));
        var dashboard = WebUtility.HtmlDecode(await handler.GetStringAsync("/admin"));
        var tracked = WebUtility.HtmlDecode(await (await TrackAsync(visitor, record.TrackingCode, "9000")).Content.ReadAsStringAsync());
        var api = await visitor.PostAsJsonAsync("/api/requests/status", new { code = record.TrackingCode, phoneTail = "9000" });
        using var status = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var stored = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Notices).Include(r => r.Emails).SingleAsync(r => r.Id == record.Id));

        Assert.Equal(new DateOnly(2027, 1, 4), stored.DueOn);
        Assert.True(stored.DueProvisional);
        Assert.Equal(ClockState.Running, stored.ClockState);
        // The acknowledgement notice and its e-mail.
        Assert.Contains("答复期限为2027年1月4日（预计）", Assert.Single(stored.Notices).Text);
        Assert.Contains("答复期限为2027年1月4日（预计）", Assert.Single(stored.Emails).Body);
        Assert.Contains("答复期限：<strong>2027-01-04（预计）</strong>", detail);
        Assert.Contains("2027-01-04（预计）", list);
        Assert.Contains("预计期限测试", list);
        Assert.Contains("2027年国务院节假日安排尚未导入：跨入2027年的期限为预计日期", dashboard);
        Assert.Contains("请系统管理员在“节假日安排”中导入", dashboard);
        Assert.Contains("件答复期限为预计日期", dashboard);
        Assert.Contains("<dt>答复期限</dt><dd>2027-01-04（预计）</dd>", tracked);
        Assert.Contains("答复期限 2027-01-04 为预计日期：2027年国务院节假日安排尚未公布", tracked);
        Assert.Contains("其中 2027-01-01 为法定节假日（元旦，预计），不计算在内。", tracked);
        Assert.DoesNotContain("管理员", tracked);
        Assert.DoesNotContain("待确定", tracked);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("2027-01-04", status.RootElement.GetProperty("due").GetString());
        Assert.True(status.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal("Running", status.RootElement.GetProperty("clockState").GetString());
    }

    [Fact]
    public async Task The_online_receipt_gives_the_provisional_due_date_if_confirmed_today()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At(Today));
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var visitor = app.Browser();

        var submitted = await ApplyAsync(visitor, Application(office.Id, "网上申请的预计期限"));
        var receipt = WebUtility.HtmlDecode(await visitor.GetStringAsync("/apply/received"));

        Assert.True(submitted.IsRedirectTo("/apply/received"), $"{(int)submitted.StatusCode}");
        // Confirmed today (Fri 2026-12-04), the count is the in-person one above: Mon 2027-01-04 (预计).
        Assert.Contains("如于今日（2026年12月4日）确认，答复期限为 <strong>2027年1月4日（预计）</strong>", receipt);
        Assert.Contains("2027年国务院节假日安排尚未公布", receipt);
        Assert.DoesNotContain("管理员", receipt);
    }

    [Fact]
    public async Task Importing_2027_moves_the_provisional_due_date_records_old_and_new_and_emails_the_applicant()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At(Today));
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var record = await InPersonWithEmailAsync(app, office.Id, "导入后重新计算");
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var response = await admin.PostFormAsync("/admin/calendar", "/admin/calendar", new() { ["Json"] = Bridged2027, ["Note"] = "2027 年通知" });
        var message = await MessageAfterAsync(admin, response);
        var stored = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Events).Include(r => r.Emails).SingleAsync(r => r.Id == record.Id));
        var detail = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/requests/{record.Id}"));
        var tracked = WebUtility.HtmlDecode(await (await TrackAsync(app.Browser(), record.TrackingCode, "9000")).Content.ReadAsStringAsync());
        var dashboard = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));

        Assert.Contains("件申请的答复期限随之调整", message);
        Assert.Equal(new DateOnly(2027, 1, 5), stored.DueOn);
        Assert.False(stored.DueProvisional);
        var change = stored.Events.Single(e => e.Type == nameof(DeadlineRecomputed));
        Assert.Contains("\"OldDue\":\"2027-01-04\"", change.Json, StringComparison.Ordinal);
        Assert.Contains("\"NewDue\":\"2027-01-05\"", change.Json, StringComparison.Ordinal);
        Assert.Contains("2027-01-04 → 2027-01-05", detail);
        var email = stored.Emails.OrderBy(m => m.Id).Last();
        Assert.Equal("lisi@example.com", email.To);
        Assert.Contains("答复期限由2027年1月4日调整为2027年1月5日。", email.Body);
        Assert.DoesNotContain("预计", email.Body);
        Assert.Contains("<dt>答复期限</dt><dd>2027-01-05</dd>", tracked);
        Assert.DoesNotContain("为预计日期", tracked);
        Assert.DoesNotContain("节假日安排尚未导入", dashboard);
    }

    [Fact]
    public async Task A_request_projected_without_a_date_gets_its_provisional_one_at_start()
    {
        // A database written before provisional dates existed: the request's projection says "unknown", no date.
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At(Today));
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var record = await InPersonWithEmailAsync(app, office.Id, "升级前登记的申请");
        await app.WithDbAsync(d => d.Requests.Where(r => r.Id == record.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DueOn, (DateOnly?)null).SetProperty(r => r.DueProvisional, false).SetProperty(r => r.ClockState, ClockState.Unknown)));

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Gongkai.Infrastructure.Persistence.DatabaseInitializer>().PrepareAsync();
        }

        var stored = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.Id == record.Id));
        Assert.Equal(new DateOnly(2027, 1, 4), stored.DueOn);
        Assert.True(stored.DueProvisional);
        Assert.Equal(ClockState.Running, stored.ClockState);
    }
}
