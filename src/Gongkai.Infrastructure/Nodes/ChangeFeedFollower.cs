using System.Diagnostics;
using Gongkai.Infrastructure.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>
/// Keeps this node's search index, and whatever else follows the feed, within seconds of every commit made by any
/// node or the command line. At start it rebuilds the index when it cannot catch up (empty, older schema, or the
/// entries it missed were deleted) and otherwise applies what it missed while down; then it waits for PostgreSQL's
/// NOTIFY (or polls, on SQLite) and applies each batch of entries with its position in one index commit (ADR 0019).
/// </summary>
public sealed class ChangeFeedFollower(
    IServiceScopeFactory scopes,
    PublicationSearch search,
    GongkaiSettings settings,
    ILogger<ChangeFeedFollower> logger) : BackgroundService
{
    /// <summary>Entries read per round trip.</summary>
    public const int Batch = 500;

    /// <summary>How often to look without a notification (SQLite, or a lost notification).</summary>
    public static TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A missing id older than this is taken for a rolled-back transaction, not one still committing: on PostgreSQL a
    /// later id can commit before an earlier one, so the follower waits this long before moving past a hole.
    /// </summary>
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _gapAt;
    private long _gapSince;

    /// <summary>The newest entry this node has seen in the feed.</summary>
    public long Head { get; private set; }

    /// <summary>The entry this node's index has applied up to.</summary>
    public long Position => search.FeedPosition ?? 0;

    /// <summary>Entries committed but not yet applied here (a metric).</summary>
    public long Lag => Math.Max(0, Head - Position);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await StartFollowingAsync(stoppingToken);
        NpgsqlConnection? listener = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var more = false;
                try
                {
                    more = await FollowOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Change feed not applied: {Error}", e.GetType().Name);
                }

                if (!more)
                {
                    listener = await WaitAsync(listener, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the position is committed with the index, the next start goes on from it.
        }
        finally
        {
            if (listener is not null)
            {
                await listener.DisposeAsync();
            }
        }
    }

    /// <summary>Rebuilds when the index cannot catch up from the feed, then applies everything committed so far.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await StartFollowingAsync(ct);
        while (await FollowOnceAsync(ct))
        {
        }
    }

    private async Task StartFollowingAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var feed = scope.ServiceProvider.GetRequiredService<ChangeFeedReader>();
            var oldest = await feed.OldestAsync(ct);
            var newest = await feed.NewestAsync(ct);
            Head = newest;
            var reason = await RebuildReasonAsync(scope.ServiceProvider, oldest, newest, ct);
            if (reason is null)
            {
                return;
            }

            logger.LogInformation("Search index {Reason}: rebuilding from the database.", reason);
            var clock = Stopwatch.StartNew();
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(null, ct);
            logger.LogInformation("Search index rebuilt: {Count} documents in {Seconds:F1} s.", count, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The type only: messages can quote document text. Following goes on; `gongkai reindex` repairs.
            logger.LogError("Search index rebuild failed: {Error}. Run `gongkai reindex` with the site stopped.", e.GetType().Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string?> RebuildReasonAsync(IServiceProvider services, long oldest, long newest, CancellationToken ct)
    {
        if (search.IsStale)
        {
            return "is from an older version";
        }

        if (search.Count == 0 && await services.GetRequiredService<PublicationSearchSource>().CountAsync(ct) > 0)
        {
            return "is empty";
        }

        return search.FeedPosition switch
        {
            // Never followed the feed: it can catch up only if the feed still reaches back to its beginning.
            null when oldest > 1 => "has no position in the change feed",
            { } position when position + 1 < oldest => "missed changes that are no longer in the change feed",
            { } position when position > newest => "is ahead of the database (restored from a backup?)",
            _ => null,
        };
    }

    /// <summary>Applies one batch; true when a full batch was applied and more may be waiting.</summary>
    private async Task<bool> FollowOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var position = Position;
            var entries = await scope.ServiceProvider.GetRequiredService<ChangeFeedReader>().AfterAsync(position, Batch, ct);
            if (entries.Count == 0)
            {
                Head = Math.Max(Head, position);
                return false;
            }

            Head = Math.Max(Head, entries[^1].Id);
            var changed = entries.Where(e => e.Topic == ChangeFeedTopics.Publication).Select(e => e.EntityId).Distinct().ToList();
            var documents = await scope.ServiceProvider.GetRequiredService<PublicationSearchSource>().FindManyAsync(changed, ct);
            var kept = documents.Select(d => d.Id).ToHashSet();
            var next = Advance(position, entries);
            search.Apply(documents, changed.Where(id => !kept.Contains(id)), next);
            foreach (var handler in scope.ServiceProvider.GetServices<IChangeFeedHandler>())
            {
                await handler.HandleAsync(entries, ct);
            }

            return entries.Count == Batch && next > position;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The new position: past every entry that follows without a hole; past a hole only once it has stayed open for
    /// <see cref="GapTimeout"/>. Entries beyond a hole are applied now and again later (applying is idempotent).
    /// </summary>
    private long Advance(long position, IReadOnlyList<ChangeFeedEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Id == position + 1)
            {
                position = entry.Id;
                continue;
            }

            if (_gapAt != position + 1)
            {
                _gapAt = position + 1;
                _gapSince = Stopwatch.GetTimestamp();
            }

            if (Stopwatch.GetElapsedTime(_gapSince) < GapTimeout)
            {
                return position;
            }

            position = entry.Id;
        }

        _gapAt = null;
        return position;
    }

    /// <summary>Waits for a notification (PostgreSQL) or the poll interval; returns the listening connection to reuse.</summary>
    private async Task<NpgsqlConnection?> WaitAsync(NpgsqlConnection? listener, CancellationToken ct)
    {
        var wait = _gapAt is null ? Poll : TimeSpan.FromSeconds(1);
        if (settings.Provider != DatabaseProvider.PostgreSQL)
        {
            await Task.Delay(wait, ct);
            return null;
        }

        try
        {
            if (listener is null)
            {
                listener = new NpgsqlConnection(settings.ConnectionString);
                await listener.OpenAsync(ct);
                await using var listen = new NpgsqlCommand($"LISTEN {ChangeFeedTriggers.Channel}", listener);
                await listen.ExecuteNonQueryAsync(ct);
            }

            await listener.WaitAsync(wait, ct);
            return listener;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            // The server went away: poll until it is back, then listen again.
            logger.LogWarning("Change feed: not listening ({Error}); polling.", e.GetType().Name);
            if (listener is not null)
            {
                await listener.DisposeAsync();
            }

            await Task.Delay(wait, ct);
            return null;
        }
    }
}
