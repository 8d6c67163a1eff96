using System.CommandLine;
using System.Globalization;
using Gongkai.Infrastructure.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai reindex</c>: rebuilds the full-text search index from the database.</summary>
internal static class ReindexCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("reindex", "从数据库重建站内搜索的全文索引（已发布的主动公开文件）。网站运行时会自动维护索引并占用它：重建前请先停止网站。");
        command.SetAction(async (_, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                // Opening the index takes its write lock, which a running website holds.
                scope.ServiceProvider.GetRequiredService<PublicationSearch>();
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                throw new CliException("搜索索引正被运行中的网站使用。网站运行时会自动更新索引；如需完全重建，请先停止网站再执行 reindex。");
            }

            var total = await scope.ServiceProvider.GetRequiredService<PublicationSearchSource>().CountAsync(ct);
            var bar = new ProgressBar(host.Error, total);
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(bar, ct);
            bar.Finish(count);
            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"已重建索引：{count} 件，用时 {clock.Elapsed.TotalSeconds:F1} 秒。"));
            return 0;
        });
        return command;
    }
}
