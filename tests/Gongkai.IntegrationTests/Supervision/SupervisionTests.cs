using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.Infrastructure.Statistics;
using Gongkai.Infrastructure.Supervision;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Supervision;

/// <summary>The supervision dashboard (/admin/supervision) over the demo district's years of casework.</summary>
public sealed partial class SupervisionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_whole_years_figures_equal_the_annual_reports_built_from_the_records(Db db)
    {
        using var app = new GongkaiApp(db, demoHistory: true);
        using var scope = app.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<ReportBuilder>();
        var dashboard = scope.ServiceProvider.GetRequiredService<SupervisionDashboard>();
        var statistics = scope.ServiceProvider.GetRequiredService<PublicStatistics>();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarStore>().GetCalendarAsync();
        var agencies = await app.WithDbAsync(d => d.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var today = ChinaDate.Today(TimeProvider.System);

        var (decided, late, timed) = (0, 0, 0);
        for (var year = 2019; year <= 2025; year++)
        {
            var rows = await dashboard.ForAsync(agencies, SupervisionPeriod.OfYear(year), today);
            var published = await statistics.ForAsync(agencies, year);
            foreach (var (agency, row) in agencies.Zip(rows))
            {
                var report = await builder.BuildAsync(agency.Id, year, subtree: false, live: true);
                int Row(RequestsRow r) => report.Requests[r, ApplicantColumn.Total];
                Assert.Equal(agency.Id, row.AgencyId);
                Assert.Equal(Row(RequestsRow.NewlyReceived), row.Received);
                Assert.Equal(Row(RequestsRow.Total), row.Decided);
                foreach (var category in Enum.GetValues<OutcomeCategory>())
                {
                    Assert.Equal(report.Requests.CategoryTotal(category, ApplicantColumn.Total), row.Outcome(category));
                }

                Assert.Equal(report.Appeals[AppealKind.Reconsideration, AppealColumn.Total], row.Reconsiderations);
                Assert.Equal(report.Appeals[AppealKind.Reconsideration, AppealColumn.Corrected], row.ReconsiderationsCorrected);
                Assert.Equal(report.Appeals[AppealKind.LitigationDirect, AppealColumn.Total] + report.Appeals[AppealKind.LitigationAfterReconsideration, AppealColumn.Total], row.Lawsuits);
                Assert.Equal(report.Appeals[AppealKind.LitigationDirect, AppealColumn.Corrected] + report.Appeals[AppealKind.LitigationAfterReconsideration, AppealColumn.Corrected], row.LawsuitsCorrected);

                // The letters and the answers on time are the public statistics' (from the records).
                var figures = published.Single(p => p.AgencyId == agency.Id);
                Assert.Equal(figures.LettersReceived, row.LettersReceived);
                Assert.Equal(figures.LettersAnswered, row.LettersAnswered);
                Assert.Equal(figures.LettersAnsweredOnTime, row.LettersOnTime);
                if (figures.DecidedOnTime is { } onTime)
                {
                    Assert.Equal(onTime, row.DecidedOnTime);
                }

                // The working days to answer, counted in the database from ordinals, equal the calendar's day-by-day count.
                var pairs = await app.WithDbAsync(d => d.Requests.AsNoTracking()
                    .Where(r => r.AgencyId == agency.Id && r.DecidedOn != null && r.DecidedOn.Value.Year == year)
                    .Select(r => new { r.ReceivedOn, r.DecidedOn, r.DueOn }).ToListAsync());
                var counted = pairs.Where(p => p.ReceivedOn is { } r && calendar.Reckons(r) && calendar.Reckons(p.DecidedOn!.Value)).ToList();
                Assert.Equal(counted.Count, row.Timed);
                Assert.Equal(counted.Sum(p => (long)calendar.WorkingDaysBetween(p.ReceivedOn!.Value, p.DecidedOn!.Value)), row.WorkingDays);
                Assert.Equal(pairs.Count(p => p.DueOn is { } due && p.DecidedOn > due), row.DecidedLate);
                (decided, late, timed) = (decided + row.Decided, late + row.DecidedLate, timed + row.Timed);
            }
        }

        Assert.True(decided > 100 && timed > 100, $"the demo history has casework to count ({decided} decided)");
    }

    [Fact]
    public async Task Every_figure_drills_down_to_exactly_its_cases_and_the_exports_say_the_same()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoHistory: true);
        var government = await app.AgencyAsync("示例区人民政府");
        var supervisor = await app.NewStaffAsync(StaffRoles.Supervisor, government.Id);
        var client = await app.LoginAsync(supervisor);
        var today = ChinaDate.Today(TimeProvider.System);
        var period = SupervisionPeriod.OfYear(today.Year - 1);

        var page = await client.GetStringAsync($"/admin/supervision?period={period.Key}");
        Assert.Contains("政府信息公开工作监督看板", page);
        var links = FigureLink().Matches(page).Select(m => (Agency: int.Parse(m.Groups["agency"].Value), Figure: m.Groups["figure"].Value,
            Href: WebUtility.HtmlDecode(m.Groups["href"].Value), Count: int.Parse(m.Groups["count"].Value))).ToList();
        Assert.NotEmpty(links);
        Assert.Contains(links, l => l.Count > 0);
        foreach (var link in links.Where(l => l.Count is > 0 and < IndexRowsLimit).Take(12))
        {
            var list = await client.GetStringAsync(link.Href);
            Assert.Equal(link.Count, RequestRow().Matches(list).Count);
        }

        // The workbook holds the same rows and total as the page; the 通报 names cases by code, never their applicants.
        var xlsx = await client.GetAsync($"/admin/supervision?period={period.Key}&handler=xlsx");
        Assert.Equal(SupervisionExports.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = Spreadsheet.ReadXlsx(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(SupervisionExports.Columns, sheet[1].Take(SupervisionExports.Columns.Length));
        var received = links.Where(l => l.Figure == "received").ToList();
        Assert.Equal(received.Sum(l => l.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), sheet[^1][1]);

        var office = await app.AgencyAsync("示例区人民政府办公室");
        var notice = await client.GetAsync($"/admin/supervision?period={period.Key}&handler=notice&agency={office.Id}");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await notice.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains($"关于{office.FullName}政府信息公开工作情况的通报", text);
        Assert.Contains("示例区人民政府", text);
        var applicants = await app.WithDbAsync(d => d.Requests.AsNoTracking().Where(r => r.AgencyId == office.Id).Select(r => r.ApplicantName).Distinct().ToListAsync());
        Assert.DoesNotContain(applicants, a => text.Contains(a, StringComparison.Ordinal));
        Assert.DoesNotMatch(PhoneOrId(), text);
    }

    [Fact]
    public async Task Only_supervisors_and_administrators_see_it_and_only_for_their_own_tree()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var government = await app.AgencyAsync("示例区人民政府");
        var department = await app.NewAgencyAsync(government.Id, "监督测试局");
        var sibling = await app.NewAgencyAsync(government.Id, "监督测试另一局");
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, government.Id));
        var local = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, department.Id));

        var refused = await handler.GetAsync("/admin/supervision");
        var own = await local.GetStringAsync("/admin/supervision");
        var other = await local.GetAsync($"/admin/supervision?handler=notice&agency={sibling.Id}");
        var bad = await local.GetStringAsync("/admin/supervision?period=2026-13");

        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.IsRedirectTo("/admin/access-denied"), refused.StatusCode.ToString());
        Assert.Contains("监督测试局", own);
        Assert.DoesNotContain("监督测试另一局", own);
        Assert.DoesNotContain("示例区人民政府办公室", own);
        Assert.True(other.StatusCode == HttpStatusCode.Forbidden || other.IsRedirectTo("/admin/access-denied"), other.StatusCode.ToString());
        Assert.Contains("统计期间“2026-13”无效", bad);
    }

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31", true)]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30", false)]
    [InlineData("2026-q1", "2026-01-01", "2026-03-31", false)]
    [InlineData("2026-02", "2026-02-01", "2026-02-28", false)]
    [InlineData("2024-2", "2024-02-01", "2024-02-29", false)]
    public void Periods_are_read_from_their_keys(string key, string from, string to, bool wholeYear)
    {
        var period = SupervisionPeriod.Parse(key, new DateOnly(2026, 12, 6), out var error);

        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period!.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(wholeYear, period.IsWholeYear);
        Assert.Equal(wholeYear ? period.Year : period.Year - 1, period.ReportYear);
    }

    [Theory]
    [InlineData("2027")]
    [InlineData("2018")]
    [InlineData("2026-12-01")]
    [InlineData("2026-Q5")]
    [InlineData("2026-00")]
    [InlineData("<script>")]
    public void Malformed_or_future_periods_are_refused_in_chinese(string key)
    {
        Assert.Null(SupervisionPeriod.Parse(key, new DateOnly(2026, 6, 6), out var error));
        Assert.StartsWith("统计期间", error);
    }

    private const int IndexRowsLimit = Gongkai.Web.Pages.Admin.Requests.IndexModel.Limit;

    [GeneratedRegex("""<a href="(?<href>/admin/requests\?agency=(?<agency>\d+)[^"]*)" data-figure="(?<figure>[a-z]+)">(?<count>\d+)</a>""")]
    private static partial Regex FigureLink();

    [GeneratedRegex("""<tr[^>]*>\s*<td><a href="/admin/requests/\d+""")]
    private static partial Regex RequestRow();

    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")]
    private static partial Regex PhoneOrId();
}
