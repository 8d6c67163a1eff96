using Microsoft.Extensions.Logging;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// Keeps the index in step with the database: <see cref="Publications.PublicationStore"/> tells it of every saved
/// change (publishing, editing, repealing), and anything else that changes a document calls <see cref="IndexAsync"/>.
/// </summary>
public sealed class SearchIndexer(PublicationSearchSource source, PublicationSearch search, Nodes.ChangeFeedReader feed, ILogger<SearchIndexer> logger) : Publications.IPublicationObserver
{
    /// <summary><see cref="Publications.PublicationStore"/> calls this after every saved change.</summary>
    public async Task ChangedAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            await IndexAsync(id, ct);
        }
    }

    /// <summary>
    /// Indexes the document as it now is in the database: added or replaced when it is published and 主动公开, removed
    /// otherwise (also when it no longer exists). A failure is logged, not thrown: the save that called this has
    /// succeeded, and <c>gongkai reindex</c> repairs the index.
    /// </summary>
    /// <returns>Whether the index was updated.</returns>
    public async Task<bool> IndexAsync(long publicationId, CancellationToken ct = default)
    {
        try
        {
            if (await source.FindAsync(publicationId, ct) is { } document)
            {
                search.Upsert(document);
            }
            else
            {
                search.Delete(publicationId);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Search index not updated for publication {Id}: {Error}", publicationId, e.GetType().Name);
            return false;
        }
    }

    /// <summary>Replaces the whole index with what the database holds; reports documents indexed so far.</summary>
    /// <returns>The number of documents indexed.</returns>
    public async Task<int> RebuildAsync(IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // The feed's head is read first: whatever commits during the rebuild is applied again after it (harmless).
        var head = await feed.NewestAsync(ct);
        var total = await source.CountAsync(ct);
        return search.Rebuild(source.All(ct), total, progress, ct, head);
    }
}
