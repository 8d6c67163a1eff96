using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.AnnualReports;

/// <summary>The Art. 20 figures through Excel: a template of the current values out, a filled one in, all rows or none.</summary>
public sealed class Article20ImportTests
{
    private const string Penalty = "第二十条第（六）项";
    private const string Fees = "第二十条第（八）项";
    private const string FeeColumn = "本年收费金额（单位：万元）";

    private static string Url(int agency, int year = 2024) => $"/admin/reports/article20?agency={agency}&year={year}";

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int agency, IEnumerable<IReadOnlyList<object?>> rows, int year = 2024) =>
        client.PostFileAsync(Url(agency, year), $"/admin/reports/article20?handler=import",
            new() { ["agency"] = $"{agency}", ["year"] = $"{year}" }, "upload", "第二十条数据.xlsx", Spreadsheet.Write(new Spreadsheet.Sheet("数据", rows.ToList())));

    private static async Task<List<List<string>>> TemplateAsync(HttpClient client, int agency, int year = 2024)
    {
        var response = await client.GetAsync(Url(agency, year) + "&handler=template");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return Spreadsheet.ReadXlsx(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static IReadOnlyList<object?>[] Rows(List<List<string>> template, Func<List<string>, string?>? change = null) =>
        template.Select((r, i) => (IReadOnlyList<object?>)(i == 0 ? r : [r[0], r[1], r[2], change?.Invoke(r) ?? r[3]])).ToArray();

    private static async Task<decimal> ReportFigureAsync(GongkaiApp app, int agency, string item, string row, string column)
    {
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(agency, 2024, subtree: false);
        return report.Article20[item, row, column];
    }

    [Fact]
    public async Task The_template_round_trips_and_a_good_file_changes_the_form_and_the_report()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        await publisher.PostFormAsync(Url(agency.Id), Url(agency.Id), new() { [$"{Penalty}|行政处罚|本年处理决定数量"] = "7" });

        var template = await TemplateAsync(publisher, agency.Id);
        var unchanged = await UploadAsync(publisher, agency.Id, Rows(template));
        var afterRoundTrip = await ReportFigureAsync(app, agency.Id, Penalty, "行政处罚", "本年处理决定数量");
        var good = await UploadAsync(publisher, agency.Id, Rows(template, r => (r[1], r[2]) switch
        {
            ("行政处罚", _) => "99",
            ("行政强制", _) => "",
            ("行政事业性收费", _) => "3.25",
            _ => null,
        }));
        var form = await publisher.GetStringAsync(Url(agency.Id));

        // 2024 uses the 2021 format: 2×3 + 1 + 2 + 1 cells, each a row under the header.
        Assert.Equal(["项目", "行", "列", "数值"], template[0]);
        Assert.Equal(11, template.Count);
        Assert.Contains([Penalty, "行政处罚", "本年处理决定数量", "7"], template);
        Assert.True(unchanged.IsRedirectTo("/admin/reports/article20"), await unchanged.Content.ReadAsStringAsync());
        Assert.Equal(7, afterRoundTrip);
        Assert.True(good.IsRedirectTo("/admin/reports/article20"), await good.Content.ReadAsStringAsync());
        Assert.Contains("aria-label=\"行政处罚 本年处理决定数量\" value=\"99\"", form);
        Assert.Contains("aria-label=\"行政事业性收费 本年收费金额（单位：万元）\" value=\"3.25\"", form);
        Assert.Equal(99, await ReportFigureAsync(app, agency.Id, Penalty, "行政处罚", "本年处理决定数量"));
        Assert.Equal(3.25m, await ReportFigureAsync(app, agency.Id, Fees, "行政事业性收费", FeeColumn));
        Assert.Equal(0, await ReportFigureAsync(app, agency.Id, Penalty, "行政强制", "本年处理决定数量"));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Article20Saved && a.AgencyId == agency.Id && a.Details == "从 第二十条数据.xlsx 导入")));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_writes_nothing_and_names_each_bad_row()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        IReadOnlyList<object?>[] rows =
        [
            ["项目", "行", "列", "数值"],
            [Penalty, "行政处罚", "本年处理决定数量", 40],
            [Penalty, "行政强制", "本年处理决定数量", "十二"],
            [Penalty, "行政复议", "本年处理决定数量", 1],
            [Fees, "行政事业性收费", FeeColumn, 1.255m],
            [Penalty, "行政处罚", "本年处理决定数量", 41],
            ["第二十条第（九）项", "政府集中采购", "采购总金额", 1],
            [Penalty, "行政处罚", "上一年项目数量", -1],
        ];

        var bad = await UploadAsync(publisher, agency.Id, rows);
        var html = await bad.Content.ReadAsStringAsync();
        var byClerk = await UploadAsync(clerk, agency.Id, rows.Take(2));

        Assert.Contains("第 3 行：“十二”不是数字。", html);
        Assert.Contains("第 4 行：第二十条第（六）项没有“行政复议”这一行。", html);
        Assert.Contains("第 5 行：行政事业性收费 · 本年收费金额（单位：万元）：金额最多保留两位小数。", html);
        Assert.Contains("第 6 行：与第 2 行重复（第二十条第（六）项 · 行政处罚 · 本年处理决定数量）。", html);
        Assert.Contains("第 7 行：2021 年版格式（国办公开办函〔2021〕30号）中没有“第二十条第（九）项”这一项。", html);
        Assert.Contains("第 8 行：第二十条第（六）项没有“上一年项目数量”这一列。", html);
        Assert.DoesNotContain("第 2 行：", html);
        Assert.True(byClerk.IsRedirectTo("/admin/access-denied"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Article20Figures.CountAsync(f => f.AgencyId == agency.Id)));
    }

    [Fact]
    public async Task An_approved_year_refuses_the_import_and_counted_items_are_left_out_of_the_template()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        await app.SaveAsync(CatalogDocuments.Document(agency.Id, "计入第二十条的规范性文件", "2024-05-01"));
        await app.WithDbAsync(async db =>
        {
            db.AnnualReports.Add(new AnnualReportRecord { AgencyId = agency.Id, Year = 2023, Stage = ReportStage.Approved });
            return await db.SaveChangesAsync();
        });

        var template = await TemplateAsync(publisher, agency.Id);
        var counted = await UploadAsync(publisher, agency.Id, [["项目", "行", "列", "数值"], ["第二十条第（一）项", "规章", "本年制发件数", 3]]);
        var locked = await UploadAsync(publisher, agency.Id, [["项目", "行", "列", "数值"], [Penalty, "行政处罚", "本年处理决定数量", 5]], year: 2023);

        Assert.DoesNotContain(template, r => r[0] == "第二十条第（一）项");
        Assert.Equal(5, template.Count);
        Assert.Contains("第 2 行：第二十条第（一）项按公开目录中的文件统计，不能导入。", await counted.Content.ReadAsStringAsync());
        Assert.Contains("第二十条数据不能再修改", await locked.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Article20Figures.CountAsync(f => f.AgencyId == agency.Id)));
    }
}
