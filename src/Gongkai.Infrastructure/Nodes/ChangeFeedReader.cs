using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>Reads the change feed (<see cref="ChangeFeedEntry"/>) in sequence.</summary>
public sealed class ChangeFeedReader(GongkaiDbContext db)
{
    /// <summary>Up to <paramref name="count"/> entries after <paramref name="position"/>, in sequence.</summary>
    public Task<List<ChangeFeedEntry>> AfterAsync(long position, int count, CancellationToken ct = default) =>
        db.ChangeFeed.AsNoTracking().Where(e => e.Id > position).OrderBy(e => e.Id).Take(count).ToListAsync(ct);

    /// <summary>The newest entry's id; 0 when the feed is empty.</summary>
    public async Task<long> NewestAsync(CancellationToken ct = default) => await db.ChangeFeed.MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>The oldest entry still kept; 0 when the feed is empty.</summary>
    public async Task<long> OldestAsync(CancellationToken ct = default) => await db.ChangeFeed.MinAsync(e => (long?)e.Id, ct) ?? 0;
}

/// <summary>Anything besides the search index that follows the feed (the portal's cached pages).</summary>
public interface IChangeFeedHandler
{
    Task HandleAsync(IReadOnlyList<ChangeFeedEntry> entries, CancellationToken ct);
}
