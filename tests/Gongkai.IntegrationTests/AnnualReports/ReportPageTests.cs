using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.AnnualReports;

public sealed partial class ReportPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_subtree_report_is_generated_from_the_records_with_every_rule_holding(Db db)
    {
        var app = GongkaiApp.For(db);
        var top = await app.NewAgencyAsync(null, "报告测试区政府" + Guid.NewGuid().ToString("N")[..4]);
        var department = await app.NewAgencyAsync(top.Id);
        await app.WithDbAsync(async d =>
        {
            d.Requests.Add(Records.Request(top.Id, "2023-12-20", "2024-01-10", Outcome.Disclosed, ApplicantType.NaturalPerson));
            d.Requests.Add(Records.Request(top.Id, "2024-03-01", "2024-03-20", Outcome.PartiallyDisclosed, ApplicantType.NaturalPerson));
            d.Requests.Add(Records.Request(department.Id, "2024-05-01", "2024-05-20", Outcome.UnavailableNotHeld, ApplicantType.Business));
            d.Requests.Add(Records.Request(department.Id, "2024-12-25", null, null, ApplicantType.Business));
            d.Appeals.Add(new AppealCase { AgencyId = department.Id, Kind = AppealKind.Reconsideration, Body = "区政府", FiledOn = new DateOnly(2024, 6, 1), ConcludedOn = new DateOnly(2024, 8, 1), Result = AppealResult.Upheld });
            return await d.SaveChangesAsync();
        });
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, top.Id));

        var whole = await client.GetStringAsync($"/admin/reports?agency={top.Id}&year=2024&subtree=true");
        var own = await client.GetStringAsync($"/admin/reports?agency={top.Id}&year=2024");

        Assert.Contains($"{top.FullName}2024年政府信息公开工作年度报告", whole);
        Assert.Contains("表格的勾稽关系全部成立", whole);
        Assert.Contains("本年度共收到政府信息公开申请3件，上年结转1件；办理答复3件，其中予以公开1件，部分公开1件，不予公开0件，无法提供1件，不予处理0件，其他处理0件；结转下年度继续办理1件。", whole);
        Assert.Contains("本年度因政府信息公开申请行政复议1件（结果维持1件）。", whole);
        Assert.Contains("本年度未收取政府信息公开信息处理费。", whole);
        Assert.Contains("及其所属1个机关", whole);
        Assert.Contains($"cell=carried-out&amp;type=Business&amp;agency={top.Id}\">1</a>", whole);
        Assert.Contains("本年度共收到政府信息公开申请1件，上年结转1件", own);
    }

    /// <summary>
    /// Over the demo district's history: every figure of 表三 that links to its cases opens a list of exactly that many
    /// cases, for one agency alone and for an agency with those under it, in both formats' years.
    /// </summary>
    [Fact]
    public async Task Every_linked_report_cell_opens_a_list_of_exactly_its_cases()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var government = await app.AgencyAsync("示例区人民政府");
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, government.Id));
        var checkedCells = 0;
        var failures = new List<string>();
        foreach (var (agency, subtree) in new[] { (government.Id, true), (government.Id, false), (office.Id, false) })
        {
            foreach (var year in new[] { 2020, 2024 })
            {
                var report = await client.GetStringAsync($"/admin/reports?agency={agency}&year={year}{(subtree ? "&subtree=true" : "")}");
                foreach (System.Text.RegularExpressions.Match cell in CellLinks().Matches(report))
                {
                    var link = System.Net.WebUtility.HtmlDecode(cell.Groups["link"].Value);
                    var list = await client.GetStringAsync(link);
                    var shown = ListCount().Match(list);
                    Assert.True(shown.Success, $"{link}: no count on the list page");
                    if (shown.Groups["n"].Value != cell.Groups["n"].Value)
                    {
                        failures.Add($"{link}: the cell says {cell.Groups["n"].Value}, the list has {shown.Groups["n"].Value}");
                    }

                    checkedCells++;
                }
            }
        }

        Assert.True(checkedCells > 100, $"only {checkedCells} linked cells found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<a href=""(?<link>/admin/requests\?year=[^""]+)"">(?<n>\d+)</a>")]
    private static partial System.Text.RegularExpressions.Regex CellLinks();

    [System.Text.RegularExpressions.GeneratedRegex(@"<caption>共 (?<n>\d+) 件")]
    private static partial System.Text.RegularExpressions.Regex ListCount();

    [Fact]
    public async Task A_year_before_the_format_or_beyond_the_calendar_is_refused_in_chinese()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));

        var early = await client.GetStringAsync($"/admin/reports?agency={office.Id}&year=2018");
        var late = await client.GetStringAsync($"/admin/reports?agency={office.Id}&year=2031");
        var foreign = await client.GetAsync($"/admin/reports?agency={(await app.AgencyAsync("示例区教育局")).Id}&year=2024");

        Assert.Contains("2018 年不在可以生成年度报告的范围内", early);
        Assert.Contains("2031 年不在可以生成年度报告的范围内", late);
        Assert.True(foreign.IsRedirectTo("/admin/access-denied"));
    }

    [Fact]
    public async Task Staff_write_the_narrative_sections_starting_from_the_generated_draft()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var url = $"/admin/reports?agency={agency.Id}&year=2024";

        var draft = await publisher.GetStringAsync(url);
        var saved = await publisher.PostFormAsync(url, $"{url}&handler=Narrative", new() { ["section"] = "5", ["text"] = "一是公开深度不够。\n二是解读形式单一。" });
        var byClerk = await clerk.PostFormAsync(url, $"{url}&handler=Narrative", new() { ["section"] = "5", ["text"] = "改写" });
        var after = await publisher.GetStringAsync(url);

        Assert.Contains("认真贯彻落实《中华人民共和国政府信息公开条例》", draft);
        Assert.Contains("本年度未收取政府信息公开信息处理费。", draft);
        Assert.True(saved.IsRedirectTo("/admin/reports"), $"{(int)saved.StatusCode}");
        Assert.True(byClerk.IsRedirectTo("/admin/access-denied"));
        Assert.Contains("<p>一是公开深度不够。</p>", after);
        Assert.Contains("<p>二是解读形式单一。</p>", after);
        Assert.Equal("一是公开深度不够。\n二是解读形式单一。", await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(d.ReportNarratives, n => n.AgencyId == agency.Id).ContinueWith(t => t.Result.Text)));
    }

    [Fact]
    public async Task Another_format_than_the_years_may_be_chosen_and_the_report_says_so()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, agency.Id));

        var page = await client.GetStringAsync($"/admin/reports?agency={agency.Id}&year=2024&format=V2019");
        var json = await client.GetStringAsync($"/admin/reports?handler=Export&agency={agency.Id}&year=2024&format=V2019&type=json");

        Assert.Contains("2024 年度的年度报告应使用2021 年版格式（国办公开办函〔2021〕30号），当前选择的是2019 年试行版格式", page);
        Assert.Contains("\"format\": \"V2019\"", json);
        Assert.Contains("政府集中采购", json);
    }
}
