using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// At start, in the background: when the index is empty (first run, or its folder was deleted) but the database has
/// published documents, or it was written by an older version, rebuild it. The site answers meanwhile; search finds
/// nothing until the rebuild commits.
/// </summary>
public sealed class SearchIndexStartup(IServiceScopeFactory scopes, PublicationSearch search, ILogger<SearchIndexStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting first.
        await Task.Yield();
        try
        {
            using var scope = scopes.CreateScope();
            var source = scope.ServiceProvider.GetRequiredService<PublicationSearchSource>();
            if (!search.IsStale && (search.Count > 0 || await source.CountAsync(stoppingToken) == 0))
            {
                return;
            }

            logger.LogInformation("Search index {State}: rebuilding from the database.", search.IsStale ? "is from an older version" : "is empty");
            var clock = Stopwatch.StartNew();
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(null, stoppingToken);
            logger.LogInformation("Search index rebuilt: {Count} documents in {Seconds:F1} s.", count, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the old index stays as it was, and the next start tries again.
        }
        catch (Exception e)
        {
            // The type only: messages can quote document text.
            logger.LogError("Search index rebuild failed: {Error}. Run `gongkai reindex` with the site stopped.", e.GetType().Name);
        }
    }
}
