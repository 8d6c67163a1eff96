using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Statistics;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Statistics;

/// <summary>The public statistics (/statistics, /api/statistics) over the demo district's years of casework.</summary>
public sealed partial class StatisticsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Every_figure_equals_the_annual_report_of_the_same_agency_and_year(Db db)
    {
        using var app = new GongkaiApp(db, demoHistory: true);
        using var scope = app.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<ReportBuilder>();
        var statistics = scope.ServiceProvider.GetRequiredService<PublicStatistics>();
        var agencies = await app.WithDbAsync(d => d.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

        var locked = 0;
        for (var year = 2019; year <= 2025; year++)
        {
            // Counted for all agencies at once (the download, the comparison): the same as one by one.
            var together = await statistics.ForAsync(agencies, year);
            var oneByOne = new List<AgencyYearFigures>();
            foreach (var agency in agencies)
            {
                var report = await builder.BuildAsync(agency.Id, year, subtree: false);
                var figures = await statistics.ForAsync(agency, year);
                int Row(RequestsRow row) => report.Requests[row, ApplicantColumn.Total];

                Assert.Equal(Row(RequestsRow.NewlyReceived), figures.Received);
                Assert.Equal(Row(RequestsRow.CarriedIn), figures.CarriedIn);
                Assert.Equal(Row(RequestsRow.Total), figures.Decided);
                Assert.Equal(Row(RequestsRow.CarriedOut), figures.CarriedOut);
                Assert.Equal(figures.Decided, figures.Outcomes.Sum(o => o.Count));
                foreach (var (category, count) in figures.Outcomes)
                {
                    Assert.Equal(report.Requests.CategoryTotal(category, ApplicantColumn.Total), count);
                }

                Assert.Equal(report.Appeals[AppealKind.Reconsideration, AppealColumn.Total], figures.Reconsiderations);
                Assert.Equal(report.Appeals[AppealKind.Reconsideration, AppealColumn.Corrected], figures.ReconsiderationsCorrected);
                Assert.Equal(report.Appeals[AppealKind.LitigationDirect, AppealColumn.Total] + report.Appeals[AppealKind.LitigationAfterReconsideration, AppealColumn.Total], figures.Lawsuits);
                Assert.Equal(report.Stage.IsLocked(), figures.FromApprovedReport);
                Assert.True(figures.DecidedOnTime is null || figures.DecidedOnTime <= figures.Decided);
                Assert.True(figures.LettersAnsweredOnTime <= figures.LettersAnswered && figures.LettersAnswered <= figures.LettersReceived);
                locked += figures.FromApprovedReport ? 1 : 0;
                oneByOne.Add(figures);
            }

            Assert.Equal(oneByOne, together);
        }

        // The demo office's published 2024 report is among them, and the district has casework to count.
        Assert.True(locked >= 1);
        var office = agencies.Single(a => a.FullName == "示例区人民政府办公室");
        var office2024 = await statistics.ForAsync(office, 2024);
        Assert.True(office2024.FromApprovedReport);
        Assert.True(office2024.Received > 0);
        Assert.NotNull(office2024.DecidedOnTime);
    }

    [Fact]
    public async Task The_csv_and_json_downloads_hold_every_agency_under_the_one_asked_for_and_nothing_about_applicants()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoHistory: true);
        var government = await app.AgencyAsync("示例区人民政府");
        var under = await app.WithDbAsync(d => d.Agencies.CountAsync(a => a.IsActive));
        var client = app.Browser();

        using var csvResponse = await client.GetAsync($"/api/statistics?agency={government.Id}&year=2024&format=csv");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/statistics?agency={government.Id}&year=2024"));
        var page = await client.GetStringAsync($"/statistics?agency={government.Id}&year=2024");

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Gongkai.Web.Api.StatisticsCsv.Header), lines[0]);
        Assert.Equal(under, lines.Length - 1);
        Assert.StartsWith($"{government.Id},示例区人民政府,2024,", lines[1]);
        Assert.Equal("gongkai.statistics.v1", json.RootElement.GetProperty("schema").GetString());
        var agencies = json.RootElement.GetProperty("agencies");
        Assert.Equal(under, agencies.GetArrayLength());
        Assert.Equal(government.Id, agencies[0].GetProperty("agencyId").GetInt32());
        Assert.Contains("政府信息公开统计", page);
        Assert.Contains("与所属机关比较", page);

        // Nothing that names or reaches an applicant, in any of them.
        var applicants = await app.WithDbAsync(d => d.Requests.AsNoTracking().Select(r => new { r.ApplicantName, r.Phone, r.IdNumber }).ToListAsync());
        Assert.NotEmpty(applicants);
        foreach (var text in new[] { csv, json.RootElement.GetRawText(), page })
        {
            Assert.DoesNotMatch(PhoneOrId(), text);
            Assert.DoesNotContain(applicants, a => text.Contains(a.ApplicantName, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Bad_parameters_get_problem_details_and_small_counts_get_no_percentage()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var client = app.Browser();

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["year"] = await client.GetAsync("/api/statistics?year=2017"),
            ["format"] = await client.GetAsync("/api/statistics?format=xml"),
            ["agency"] = await client.GetAsync("/api/statistics?agency=abc"),
            ["unknown"] = await client.GetAsync("/api/statistics?agency=99999999"),
        };
        var page = await client.GetStringAsync("/statistics?year=2017");

        Assert.All(answers.Values, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, answers["unknown"].StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, answers["year"].StatusCode);
        Assert.Contains("没有 2017 年度的统计", page);
        Assert.Null(AgencyYearFigures.Share(3, 19));
        Assert.Equal("25.0%", AgencyYearFigures.Share(5, 20));
    }

    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")]
    private static partial Regex PhoneOrId();
}
