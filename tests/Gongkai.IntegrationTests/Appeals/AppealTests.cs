using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Appeals;

public sealed class AppealTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_handler_records_a_reconsideration_linked_to_its_request_and_the_year_table_counts_it(Db db)
    {
        var app = GongkaiApp.For(db);
        var agency = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id);
        var requestId = await app.NewRequestAsync(agency.Id, "复议所涉申请");
        var code = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == requestId).Select(r => r.TrackingCode).SingleAsync());
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));

        var saved = await handler.PostFormAsync("/admin/appeals/edit", "/admin/appeals/edit", new()
        {
            ["AgencyId"] = $"{agency.Id}",
            ["Kind"] = "Reconsideration",
            ["Body"] = "示例区人民政府",
            ["CaseNumber"] = "示例复〔2024〕1号",
            ["RequestCode"] = RequestStore.FormatCode(code),
            ["FiledOn"] = "2024-03-01",
            ["Result"] = "Corrected",
            ["ConcludedOn"] = "2024-05-20",
        });
        var refused = await handler.PostFormAsync("/admin/appeals/edit", "/admin/appeals/edit", new()
        {
            ["AgencyId"] = $"{agency.Id}",
            ["Kind"] = "LitigationDirect",
            ["Body"] = "示例区人民法院",
            ["FiledOn"] = "2024-03-01",
            ["Result"] = "Upheld",
        });
        var page = await handler.GetStringAsync("/admin/appeals?year=2024");

        Assert.True(saved.IsRedirectTo("/admin/appeals"), $"{(int)saved.StatusCode}");
        Assert.Contains("已审结的案件请填写审结日期", await refused.Content.ReadAsStringAsync());
        var stored = await app.WithDbAsync(d => d.Appeals.AsNoTracking().SingleAsync(a => a.AgencyId == agency.Id));
        Assert.Equal(requestId, stored.RequestId);
        Assert.Equal(AppealResult.Corrected, stored.Result);
        Assert.Contains("示例复〔2024〕1号", page);
        Assert.Contains(RequestStore.FormatCode(code), page);
    }

    [Fact]
    public async Task Clerks_and_supervisors_read_appeals_but_cannot_record_them()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var supervisor = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, office.Id));

        var list = await supervisor.GetAsync("/admin/appeals");
        var edit = await supervisor.GetAsync("/admin/appeals/edit");

        Assert.Equal(System.Net.HttpStatusCode.OK, list.StatusCode);
        Assert.True(edit.IsRedirectTo("/admin/access-denied"));
    }
}
