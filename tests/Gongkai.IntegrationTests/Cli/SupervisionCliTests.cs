using Gongkai.Cli;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.IntegrationTests.AnnualReports;
using Gongkai.IntegrationTests.Supervision;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Cli;

/// <summary><c>gongkai supervision check-folder</c>: a folder of published reports kept as an office's supervised reports.</summary>
public sealed class SupervisionCliTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_folder_is_checked_file_by_file_and_saved_as_the_offices_reports_and_a_second_run_replaces_them(Db db)
    {
        using var app = new GongkaiApp(db, demoData: false);
        var office = await app.NewAgencyAsync(null, "监督办" + Guid.NewGuid().ToString("N")[..8]);
        var folder = Directory.CreateTempSubdirectory("gongkai-supervision-");
        try
        {
            File.Copy(SupervisedReportStoreTests.Seed, Path.Combine(folder.FullName, "利通区.txt"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "乡镇"));
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "乡镇", "生成.docx"), ReportExports.Export(ReportExportTests.Sample(), ".docx"));
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "损坏.pdf"), MaliciousFiles.Truncated(MaliciousFiles.Pdf("BT ET")));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "说明.png"), "不是报告");

            var first = await RunAsync(app, "supervision", "check-folder", folder.FullName, "--agency", office.CreditCode, "--year", "2023");
            var second = await RunAsync(app, "supervision", "check-folder", folder.FullName, "--agency", office.CreditCode);
            var unknown = await RunAsync(app, "supervision", "check-folder", folder.FullName, "--agency", GongkaiApp.UniqueCreditCode());

            Assert.True(first.ExitCode == 0, first.Error);
            var lines = first.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("已跳过 1 个文件", lines[0], StringComparison.Ordinal);
            Assert.Equal(["乡镇/生成.docx", "利通区.txt", "损坏.pdf"], lines[1..4].Select(l => l.Split('\t')[0]));
            Assert.StartsWith($"利通区.txt\t{SupervisedReportStoreTests.SeedAgency}\t2020\t错误 2，", lines[2], StringComparison.Ordinal);
            Assert.Contains("损坏.pdf\t（未读出机关）\t2023\t无法读取：", lines[3], StringComparison.Ordinal);
            Assert.Equal("共检查 3 个文件，保存 3 份报告：1 份没有错误，1 份有错误，1 份无法读取。", lines[4]);
            Assert.True(second.ExitCode == 0, second.Error);
            Assert.EndsWith("；3 份替换了此前的检查结果。", second.Output.TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("没有统一社会信用代码为", unknown.Error, StringComparison.Ordinal);

            var rows = (await app.WithDbAsync(d => d.SupervisedReports.AsNoTracking().Where(r => r.SupervisorAgencyId == office.Id).ToListAsync())).OrderBy(r => r.FileName, StringComparer.Ordinal).ToList();
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal("命令行", r.CheckedBy));
            Assert.Equal([(2024, 0), (2020, 2)], rows.Where(r => r.ReadError is null).Select(r => (r.Year ?? 0, r.Errors)));
            Assert.NotNull(rows.Single(r => r.FileName == "损坏.pdf").ReadError);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(GongkaiApp app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GongkaiCli.RunAsync(args, output, error, app.Database.Settings(demoData: false));
        return (code, output.ToString(), error.ToString());
    }
}
