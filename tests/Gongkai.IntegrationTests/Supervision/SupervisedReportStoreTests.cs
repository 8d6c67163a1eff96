using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Supervision;
using Gongkai.IntegrationTests.AnnualReports;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Supervision;

/// <summary>Published reports checked by a supervising office and kept with their findings (SupervisedReportStore), on both providers.</summary>
public sealed class SupervisedReportStoreTests
{
    public static readonly string Seed = Path.Combine(Documents.RepositoryRoot(), "tests", "Gongkai.Core.Tests", "Checker", "Samples", "2020-litong-district-office.txt");

    public const string SeedAgency = "吴忠市利通区人民政府办公室";

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Checked_reports_keep_their_findings_an_unreadable_file_its_reason_and_the_same_file_again_replaces_its_row(Db db)
    {
        using var app = new GongkaiApp(db, demoData: false);
        var office = await app.NewAgencyAsync(null, "监督办" + Guid.NewGuid().ToString("N")[..8]);
        var matched = await app.NewAgencyAsync(office.Id, SeedAgency);
        var other = await app.NewAgencyAsync(null, "另一地区" + Guid.NewGuid().ToString("N")[..8]);
        var seed = await File.ReadAllBytesAsync(Seed);
        var generated = ReportExports.Export(ReportExportTests.Sample(), ".docx");
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<SupervisedReportStore>();

        var first = await store.CheckAndSaveAsync(
            [new("利通区.txt", seed), new("生成.docx", generated), new("炸弹.docx", MaliciousFiles.DocxBomb()), new("利通区副本.txt", seed), new("大.pdf", [], "文件超过 30 MB，已拒绝。", 40_000_000)],
            office.Id, "监督员甲");
        var again = await store.CheckAndSaveAsync([new("利通区-再次.txt", seed)], office.Id, "监督员乙");
        var elsewhere = await store.CheckAndSaveAsync([new("利通区.txt", seed)], other.Id, "监督员丙");

        // The same file twice in one upload and again later: one row, the latest check.
        Assert.Equal(4, first.Reports.Count);
        Assert.Equal(1, again.Replaced);
        var rows = await store.ListAsync(new HashSet<int> { office.Id, matched.Id });
        Assert.Equal(4, rows.Count);
        var litong = Assert.Single(rows, r => r.Year == 2020);
        Assert.Equal(first.Reports[0].Id, litong.Id);
        Assert.Equal(("利通区-再次.txt", "监督员乙", seed.LongLength), (litong.FileName, litong.CheckedBy, litong.Size));
        Assert.Equal(SeedAgency, litong.AgencyName);
        Assert.Equal(matched.Id, litong.MatchedAgencyId);
        Assert.Null(litong.ReadError);
        Assert.Equal(2, litong.Errors);
        var n1 = Assert.Single(SupervisedReportStore.Findings(litong), f => f.Rule == "N1");
        Assert.Equal((Severity.Error, "第17行"), (n1.Severity, n1.Location));
        Assert.StartsWith("正文称收到申请 1 件", n1.Message, StringComparison.Ordinal);

        var clean = Assert.Single(rows, r => r.FileName == "生成.docx");
        Assert.Equal((0, 2024, null), (clean.Errors, clean.Year, clean.ReadError));
        var bomb = Assert.Single(rows, r => r.FileName == "炸弹.docx");
        Assert.Contains("压缩炸弹", bomb.ReadError, StringComparison.Ordinal);
        Assert.Equal((0, "[]"), (bomb.Errors, bomb.FindingsJson));
        var large = Assert.Single(rows, r => r.FileName == "大.pdf");
        Assert.Equal(("文件超过 30 MB，已拒绝。", 40_000_000L), (large.ReadError, large.Size));

        // Another office's check of the same file is its own row, out of this office's scope and unmatched to its agency.
        Assert.NotEqual(litong.Id, elsewhere.Reports[0].Id);
        Assert.Null(elsewhere.Reports[0].MatchedAgencyId);
        Assert.Null(await store.FindAsync(elsewhere.Reports[0].Id, new HashSet<int> { office.Id }));
        Assert.False(await store.DeleteAsync(elsewhere.Reports[0].Id, new HashSet<int> { office.Id }, "监督员甲"));
        Assert.Equal((1, 1, 0), await store.CountAsync(new HashSet<int> { office.Id }, 2020));
        // On the dashboard, the matched agency's 2020 report is the uploaded one: published elsewhere, with its errors.
        var dashboard = scope.ServiceProvider.GetRequiredService<SupervisionDashboard>();
        var figures = (await dashboard.ForAsync([matched], SupervisionPeriod.OfYear(2020), new DateOnly(2021, 6, 1))).Single();
        Assert.Equal((ReportTimeliness.PublishedElsewhere, 2, litong.Id), (figures.Report!.Timeliness, figures.Report.Errors, figures.Report.CheckedUploadId));
        Assert.True(figures.NeedsAttention);

        // Audited with counts, never content; the deletion too.
        Assert.True(await store.DeleteAsync(clean.Id, new HashSet<int> { office.Id }, "监督员甲"));
        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(a => a.AgencyId == office.Id && a.Action.StartsWith("supervised-report")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.SupervisedReportsChecked, AuditActions.SupervisedReportsChecked, AuditActions.SupervisedReportDeleted], audit.Select(a => a.Action));
        Assert.Equal("检查 5 个文件，保存 4 份报告（其中替换此前检查的 0 份）：1 份有错误，2 份无法读取", audit[0].Details);
        Assert.DoesNotContain(audit, a => (a.Details ?? "").Contains("正文", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_summary_counts_error_and_warning_findings_per_report_and_rule_and_opens_as_xlsx()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        var office = await app.NewAgencyAsync(null);
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<SupervisedReportStore>();
        var seed = await File.ReadAllBytesAsync(Seed);
        var lines = await File.ReadAllLinesAsync(Seed);
        var cut = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines.Take(lines.Length / 2)));
        await store.CheckAndSaveAsync([new("利通区.txt", seed), new("利通区-前半.txt", cut), new("损坏.pdf", MaliciousFiles.Truncated(MaliciousFiles.Pdf("BT ET")))], office.Id, "监督员");

        var summary = SupervisedReportStore.Summary(await store.ListAsync(new HashSet<int> { office.Id }));
        var sheet = Spreadsheet.ReadXlsx(new MemoryStream(SupervisedReportExports.Xlsx(summary, null)));

        Assert.Equal(3, summary.Rows.Count);
        var full = summary.Rows.Single(r => r.Report.FileName == "利通区.txt");
        Assert.Equal(1, full.ByRule["N1"]);
        Assert.Equal(summary.Rows.Sum(r => r.ByRule.GetValueOrDefault("N1")), summary.Totals["N1"]);
        Assert.All(summary.Rules, rule => Assert.True(summary.Totals[rule] > 0));
        var header = sheet[1];
        Assert.Equal(SupervisedReportExports.Leading, header.Take(SupervisedReportExports.Leading.Length));
        var n1 = header.IndexOf("N1");
        Assert.True(n1 > 0);
        var row = sheet.Single(r => r.Count > 2 && r[2] == "利通区.txt");
        Assert.Equal((SeedAgency, "2020", "2", "1"), (row[0], row[1], row[3], row[n1]));
        Assert.Contains(sheet, r => r.Count > 6 && r[2] == "损坏.pdf" && r[6].Contains("PDF", StringComparison.Ordinal));
        var total = sheet[^1];
        Assert.Equal("合计（3 份）", total[0]);
        Assert.Equal(summary.Totals["N1"].ToString(System.Globalization.CultureInfo.InvariantCulture), total[n1]);
    }

    [Theory]
    [InlineData("吴忠市利通区人民政府办公室 2020 年政府信息公开工作年度报告", "吴忠市利通区人民政府办公室")]
    [InlineData("# 示例区人民政府2024年度政府信息公开工作年度报告", "示例区人民政府")]
    [InlineData("2024年丽水市政府信息公开工作年度报告", "丽水市")]
    [InlineData("政府信息公开工作年度报告", null)]
    [InlineData(null, null)]
    public void The_agency_is_read_from_the_title(string? title, string? agency) =>
        Assert.Equal(agency, SupervisedReportStore.AgencyOf(title));
}
