using System.CommandLine;
using System.Globalization;
using Gongkai.Infrastructure.Checker;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai supervision check-folder</c>: a folder of published reports checked and kept as one office's supervised reports.</summary>
internal static class SupervisionCommands
{
    /// <summary>Files read, checked and saved together.</summary>
    private const int Batch = 20;

    public static Command Create(CliHost host)
    {
        var supervision = new Command("supervision", "政务公开监督：检查下级机关（包括未使用本平台的机关）已发布的年度报告。");
        var checkFolder = new Command("check-folder", "检查文件夹中的每份年度报告（.txt .htm .html .docx .pdf .xlsx .json），把检查结果保存为某机关（监督方）检查的报告，在 /admin/supervision/reports 查看和汇总。同一文件再次检查时替换此前的结果。");
        var folder = new Argument<DirectoryInfo>("folder") { Description = "报告所在的文件夹（含子文件夹）" };
        var agency = new Option<string>("--agency") { Description = "监督方机关的统一社会信用代码（检查结果归属该机关及其上级查看）", Required = true };
        var year = new Option<int?>("--year") { Description = "报告中读不出年度时记为该年度" };
        checkFolder.Arguments.Add(folder);
        checkFolder.Options.Add(agency);
        checkFolder.Options.Add(year);
        checkFolder.SetAction(async (result, ct) =>
        {
            var directory = result.GetValue(folder)!;
            if (!directory.Exists)
            {
                throw new CliException($"没有这个文件夹：{directory.FullName}");
            }

            if (result.GetValue(year) is { } y && y is < 2008 or > 2100)
            {
                throw new CliException($"--year 不是有效的年度：{y}");
            }

            await using var services = await host.OpenAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var office = await CliHost.AgencyIdAsync(db, result.GetValue(agency)!, ct);
            var (paths, skipped) = ReportCheck.Folder(directory.FullName);
            if (skipped.Count > 0)
            {
                await host.Output.WriteLineAsync(ReportCheck.SkippedLine(directory.FullName, skipped));
            }

            var limits = scope.ServiceProvider.GetRequiredService<Gongkai.Infrastructure.Files.UntrustedFileLimits>();
            var store = scope.ServiceProvider.GetRequiredService<SupervisedReportStore>();
            var saved = new List<SupervisedReportRecord>();
            var replaced = 0;
            // A batch at a time: a large folder is never all in memory; each batch is saved with its audit entry.
            foreach (var batch in paths.Chunk(Batch))
            {
                var files = new List<ReportFile>();
                foreach (var path in batch)
                {
                    var name = Path.GetRelativePath(directory.FullName, path);
                    var length = new FileInfo(path).Length;
                    // A file over the limit is not loaded: it is kept as a row that says why.
                    files.Add(length > limits.MaxUploadBytes
                        ? new ReportFile(name, [], Gongkai.Infrastructure.Files.UntrustedFiles.TooLarge(limits.MaxUploadBytes).Message, length)
                        : new ReportFile(name, await File.ReadAllBytesAsync(path, ct)));
                }

                var outcome = await store.CheckAndSaveAsync(files, office, CliHost.Actor, result.GetValue(year), ct);
                replaced += outcome.Replaced;
                foreach (var r in outcome.Reports.Where(r => !saved.Any(s => s.Id == r.Id)))
                {
                    saved.Add(r);
                    var what = r.ReadError is { } error ? $"无法读取：{error}" : $"错误 {r.Errors}，警告 {r.Warnings}，提示 {r.Infos}";
                    var agencyName = r.AgencyName.Length == 0 ? "（未读出机关）" : r.AgencyName;
                    await host.Output.WriteLineAsync($"{r.FileName}\t{agencyName}\t{r.Year?.ToString(CultureInfo.InvariantCulture) ?? "年度未知"}\t{what}");
                }
            }

            await host.Output.WriteLineAsync($"共检查 {paths.Count} 个文件，保存 {saved.Count} 份报告：{saved.Count(r => r.ReadError is null && r.Errors == 0)} 份没有错误，{saved.Count(r => r.Errors > 0)} 份有错误，{saved.Count(r => r.ReadError is not null)} 份无法读取" + (replaced > 0 ? $"；{replaced} 份替换了此前的检查结果。" : "。"));
            return 0;
        });
        supervision.Subcommands.Add(checkFolder);
        return supervision;
    }
}
