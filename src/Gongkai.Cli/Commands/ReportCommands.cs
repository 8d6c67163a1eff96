using System.CommandLine;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai report</c>: builds an agency's annual report from the records.</summary>
internal static class ReportCommands
{
    public static Command Create(CliHost host)
    {
        var report = new Command("report", "政府信息公开工作年度报告。");
        var build = new Command("build", "根据记录生成某机关某年度的年度报告，按输出文件的扩展名选择格式：.docx .html .pdf .xlsx .json。");
        var agency = new Option<string>("--agency") { Description = "机关的统一社会信用代码", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var subtree = new Option<bool>("--subtree") { Description = "包含下级机关（本级政府汇总）" };
        var outFile = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var format = new Option<Gongkai.Core.AnnualReports.ReportFormat?>("--format") { Description = "报告格式 V2019 或 V2021（默认按年度；选用其他格式时报告会注明）" };
        build.Options.Add(agency);
        build.Options.Add(format);
        build.Options.Add(year);
        build.Options.Add(subtree);
        build.Options.Add(outFile);
        build.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(outFile)!;
            if (!Gongkai.Infrastructure.AnnualReports.ReportExports.ContentTypes.ContainsKey(file.Extension.ToLowerInvariant()))
            {
                throw new CliException($"不支持导出为“{file.Extension}”：输出文件的扩展名应为 .docx、.html、.pdf、.xlsx 或 .json。");
            }

            var wide = result.GetValue(subtree);
            var step = 0;
            var progress = new SynchronousProgress(message => host.Output.WriteLine(wide ? $"[{++step}/4] {message}" : message));

            await using var services = await host.OpenAsync(ct);
            var db = services.GetRequiredService<GongkaiDbContext>();
            var agencyId = await CliHost.AgencyIdAsync(db, result.GetValue(agency)!, ct);
            var model = await services.GetRequiredService<Gongkai.Infrastructure.AnnualReports.ReportBuilder>()
                .BuildAsync(agencyId, result.GetValue(year), wide, result.GetValue(format), progress: wide ? progress : null, ct: ct);
            if (model.FormatWarning is { } warning)
            {
                await host.Output.WriteLineAsync($"注意：{warning}");
            }

            if (wide)
            {
                progress.Report($"写出 {file.Extension} 文件（{model.CoveredAgencies.Count} 个机关）…");
            }

            var bytes = Gongkai.Infrastructure.AnnualReports.ReportExports.Export(model, file.Extension);
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            await host.Output.WriteLineAsync($"已生成《{model.Title}》：{file.FullName}");
            foreach (var finding in model.Findings)
            {
                await host.Output.WriteLineAsync($"  [{finding.RuleId}] {finding.Location}：{finding.Message}");
            }

            return 0;
        });
        report.Subcommands.Add(build);

        // The tallies follow every write by themselves (ADR 0021); this is for a database restored in part or edited
        // with the triggers switched off.
        var recount = new Command("recount", "重新统计年度报告所用的申请和收费计数。计数随每次办理自动更新，仅在部分恢复数据库或绕过触发器修改数据后需要运行。");
        recount.SetAction(async (_, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            var db = services.GetRequiredService<GongkaiDbContext>();
            await Gongkai.Infrastructure.Requests.ReportTallyStore.RecountAsync(db, ct);
            var requests = await db.RequestTallies.SumAsync(t => t.Count, ct);
            var notices = await db.FeeTallies.SumAsync(t => t.Notices, ct);
            await host.Output.WriteLineAsync($"已重新统计：申请 {requests} 件，收费通知 {notices} 件。");
            return 0;
        });
        report.Subcommands.Add(recount);
        return report;
    }
}
