using System.CommandLine;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai publications</c>: the catalog of proactively disclosed documents.</summary>
internal static class PublicationCommands
{
    public static Command Create(CliHost host)
    {
        var publications = new Command("publications", "主动公开目录中的文件。");

        var import = new Command("import",
            "从旧网站导入已发布的主动公开文件（.json 或 .xlsx，列见 docs/proactive-disclosure.md）：先检查整个文件，有一行不合格则全部不导入；"
            + "检查通过后在一个事务中全部写入，作为已发布的主动公开文件。");
        var file = new Argument<FileInfo>("文件") { Description = ".json（对象数组）或 .xlsx（第一个工作表，第一行为表头）；附件路径相对于该文件所在文件夹" };
        var agency = new Option<string>("--agency") { Description = "导入到哪个机关的目录：统一社会信用代码", Required = true };
        var skipExisting = new Option<bool>("--skip-existing") { Description = "跳过本机关目录中已有的文件（文号相同，或标题和成文日期相同），而不是拒绝导入" };
        import.Arguments.Add(file);
        import.Options.Add(agency);
        import.Options.Add(skipExisting);
        import.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            await using var services = await host.OpenAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agencyId = await CliHost.AgencyIdAsync(db, result.GetValue(agency)!, ct);
            var importer = ActivatorUtilities.CreateInstance<CatalogImport>(scope.ServiceProvider);
            ProgressBar? bar = null;
            var progress = new WrittenSoFar(p => (bar ??= new ProgressBar(host.Error, p.Total)).Report(p.Done));
            CatalogImportResult imported;
            try
            {
                imported = await importer.ImportAsync(path.FullName, agencyId, result.GetValue(skipExisting), CliHost.Actor, progress, ct);
            }
            catch (CatalogImportException e)
            {
                bar?.Finish(0);
                throw new CliException(e.Message);
            }

            if (!imported.Succeeded)
            {
                await host.Error.WriteLineAsync($"错误：{path.Name} 中有 {imported.Errors.Count} 处不合格，没有导入任何文件：");
                foreach (var error in imported.Errors)
                {
                    await host.Error.WriteLineAsync("  " + error);
                }

                return 1;
            }

            bar?.Finish(imported.Imported);
            await host.Output.WriteLineAsync($"已导入 {imported.Imported} 件文件到{imported.AgencyName}。");
            if (imported.Skipped > 0)
            {
                await host.Output.WriteLineAsync($"跳过 {imported.Skipped} 件本机关目录中已有的文件（文号相同，或标题和成文日期相同）。");
            }

            if (imported.Cleaned > 0)
            {
                await host.Output.WriteLineAsync($"{imported.Cleaned} 件文件的正文含有脚本等不安全的内容，已删除这些内容后导入。");
            }

            return 0;
        });

        publications.Subcommands.Add(import);
        return publications;
    }

    /// <summary>The bar is made once the importer knows how many documents it writes.</summary>
    private sealed class WrittenSoFar(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
