using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.AnnualReports;

/// <summary>The demo district's years of casework: its 2020 and 2024 reports are published and every year's rules hold.</summary>
public sealed class DemoReportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task The_demo_district_has_published_reports_for_2020_and_2024_and_every_year_passes_every_rule(Db db)
    {
        using var app = new GongkaiApp(db, demoHistory: true);
        var government = await app.AgencyAsync("示例区人民政府");
        using var scope = app.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<ReportBuilder>();

        var portal = await app.Browser().GetStringAsync("/reports?all=true");
        var reports = new Dictionary<int, AnnualReportModel>();
        for (var year = 2019; year <= 2025; year++)
        {
            reports[year] = await builder.BuildAsync(government.Id, year, subtree: true);
        }

        var published = await app.WithDbAsync(d => d.AnnualReports.AsNoTracking().Where(r => r.PublishedSnapshot != null).OrderBy(r => r.Year).ToListAsync());
        var page2020 = await app.Browser().GetStringAsync($"/reports/{published.First(r => r.Year == 2020).Id}");

        Assert.Contains("示例区人民政府2020年政府信息公开工作年度报告", portal);
        Assert.Contains("示例区人民政府2024年政府信息公开工作年度报告", portal);
        Assert.Contains("示例区人民政府办公室2024年政府信息公开工作年度报告", portal);
        Assert.Equal([2020, 2024, 2024], published.Select(r => r.Year));
        Assert.Equal(ReportFormat.V2019, reports[2020].Format);
        Assert.Equal(ReportFormat.V2021, reports[2024].Format);
        Assert.Equal(ReportStage.Published, reports[2024].Stage);
        Assert.Equal(new DateOnly(2025, 3, 21), reports[2024].PublishedOn);
        foreach (var (year, report) in reports)
        {
            Assert.True(report.Findings.Count == 0, $"{year}: " + string.Join("; ", report.Findings.Select(f => $"[{f.RuleId}] {f.Location} {f.Message}")));
            // Like a real district: dozens of requests, most answered within the year, a few carried over.
            Assert.InRange(report.Requests[RequestsRow.NewlyReceived, ApplicantColumn.Total], 20, 120);
            Assert.InRange(report.Requests[RequestsRow.CarriedOut, ApplicantColumn.Total], 0, 15);
        }

        Assert.True(reports[2020].Requests[RequestsRow.Disclosed, ApplicantColumn.Total] > reports[2020].Requests[RequestsRow.WithheldThirdPartyRights, ApplicantColumn.Total]);
        Assert.Contains("政府集中采购", page2020);
        Assert.Contains("本年度共收到政府信息公开申请", page2020);
        Assert.Contains("2021-03-26", await app.Browser().GetStringAsync("/reports?all=true"));

        // The catalog: documents listed, a repealed one says so, and section 二 counts them.
        var catalog = await app.Browser().GetStringAsync("/catalog");
        var documents = await app.WithDbAsync(d => d.Publications.AsNoTracking().ToListAsync());
        var repealed = documents.First(p => p.RepealedOn is not null);
        var page = await app.Browser().GetStringAsync($"/catalog/{repealed.Id}");
        var normative2024 = documents.Count(p => p.Type == Gongkai.Core.Publications.PublicationType.NormativeDocument && p.WrittenOn.Year == 2024);
        Assert.Contains("政府信息公开目录", catalog);
        Assert.Contains($"共 {documents.Count} 条", catalog);
        Assert.Contains(repealed.IndexNumber, page);
        Assert.Contains("本文件已于 2023年6月30日 废止", page);
        Assert.Equal(normative2024, reports[2024].Article20["第二十条第（一）项", "行政规范性文件", "本年制发件数"]);
        Assert.Equal(404, (int)(await app.Browser().GetAsync("/catalog/999999")).StatusCode);
        Assert.True(documents.Count > 20, "the demo catalog fills more than one page");
        var second = await app.Browser().GetStringAsync("/catalog?page=2");
        Assert.Contains("第 2 页", second);
        Assert.DoesNotContain(documents.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).First().Title, second);
        // Each normative document is published with its interpretation, linked both ways.
        var policy = documents.First(p => p.Type == Gongkai.Core.Publications.PublicationType.NormativeDocument && p.RepealedOn is null);
        var interpretation = documents.Single(p => p.InterpretsId == policy.Id);
        Assert.Contains($"/catalog/{interpretation.Id}", await app.Browser().GetStringAsync($"/catalog/{policy.Id}"));
        Assert.Contains($"/catalog/{policy.Id}", await app.Browser().GetStringAsync($"/catalog/{interpretation.Id}"));

        // A year not yet written starts from the records: what was published, the subjects asked about, the appeals.
        var draft = reports[2025].SectionText(1);
        var published2025 = documents.Count(p => p.PublishedOn?.Year == 2025 && p.Attribute == Gongkai.Core.Publications.DisclosureAttribute.Proactive);
        Assert.Contains($"（一）主动公开。本年度在政府信息公开目录中主动公开政府信息{published2025}条", draft);
        Assert.Matches(@"申请内容较集中的是[^（]+（\d+件）", draft);
        Assert.Matches(@"（五）监督保障。本年度", draft);

        // The same reports as open data.
        using var list = System.Text.Json.JsonDocument.Parse(await app.Browser().GetStringAsync("/api/reports"));
        Assert.Equal(3, list.RootElement.GetArrayLength());
        var first = list.RootElement.EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2020);
        Assert.Equal("2021-03-26", first.GetProperty("publishedOn").GetString());
        using var json = System.Text.Json.JsonDocument.Parse(await app.Browser().GetStringAsync(first.GetProperty("json").GetString()));
        Assert.Equal("gongkai.annual-report.v1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal("Published", json.RootElement.GetProperty("stage").GetString());
        var missing = await app.Browser().GetAsync("/api/reports/999999");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("没有编号为 999999 的已发布年度报告", await missing.Content.ReadAsStringAsync());
    }
}
