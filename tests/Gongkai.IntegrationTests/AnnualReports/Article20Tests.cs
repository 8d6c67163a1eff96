using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.AnnualReports;

public sealed class Article20Tests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_publisher_enters_the_figures_and_the_subtree_report_adds_them_up(Db db)
    {
        var app = GongkaiApp.For(db);
        var top = await app.NewAgencyAsync(null);
        var department = await app.NewAgencyAsync(top.Id);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, top.Id));

        foreach (var (agency, licences) in new[] { (top.Id, "12"), (department.Id, "30") })
        {
            var response = await publisher.PostFormAsync($"/admin/reports/article20?agency={agency}&year=2024", $"/admin/reports/article20?agency={agency}&year=2024", new()
            {
                ["agency"] = $"{agency}",
                ["year"] = "2024",
                ["第二十条第（五）项|行政许可|本年处理决定数量"] = licences,
                ["第二十条第（八）项|行政事业性收费|本年收费金额（单位：万元）"] = "1.25",
            });
            Assert.True(response.IsRedirectTo("/admin/reports/article20"), await response.Content.ReadAsStringAsync());
        }

        var report = await publisher.GetStringAsync($"/admin/reports?agency={top.Id}&year=2024&subtree=true");

        Assert.Equal(2, await app.WithDbAsync(d => d.Article20Figures.CountAsync(f => f.AgencyId == top.Id && f.Value != 0)));
        Assert.Contains("<td>42</td>", report);
        Assert.Contains("<td>2.5</td>", report);
    }

    [Fact]
    public async Task Bad_figures_are_refused_and_only_publishers_and_heads_may_enter_them()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var url = $"/admin/reports/article20?agency={agency.Id}&year=2024";

        var bad = await publisher.PostFormAsync(url, url, new() { ["第二十条第（一）项|规章|本年制发件数"] = "1.5", ["第二十条第（六）项|行政处罚|本年处理决定数量"] = "-2", ["第二十条第（六）项|行政强制|本年处理决定数量"] = "十" });
        var byClerk = await clerk.PostFormAsync(url, url, new() { ["第二十条第（六）项|行政处罚|本年处理决定数量"] = "5" });
        var html = await bad.Content.ReadAsStringAsync();

        Assert.Contains("件数应为整数", html);
        Assert.Contains("不能为负数", html);
        Assert.Contains("“十”不是数字", html);
        Assert.True(byClerk.IsRedirectTo("/admin/access-denied"));
        Assert.Equal(0, await app.WithDbAsync(d => d.Article20Figures.CountAsync(f => f.AgencyId == agency.Id)));
    }
}
