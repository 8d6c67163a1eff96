using Lucene.Net.Index;

namespace Gongkai.Infrastructure.Search;

/// <summary>The index's place in the change feed (<see cref="Nodes.ChangeFeedFollower"/>), kept in its commit data.</summary>
public sealed partial class PublicationSearch
{
    /// <summary>
    /// Applies what the change feed says up to <paramref name="feedPosition"/>: adds or replaces
    /// <paramref name="upserts"/>, removes <paramref name="deletes"/>, and records the position, in one commit.
    /// </summary>
    public void Apply(IEnumerable<SearchDocument> upserts, IEnumerable<long> deletes, long feedPosition)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var document in upserts)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, IndexDocuments.Key(document.Id)), IndexDocuments.ToLucene(document));
            }

            foreach (var id in deletes)
            {
                _writer.DeleteDocuments(new Term(SearchFields.Id, IndexDocuments.Key(id)));
            }

            FeedPosition = feedPosition;
            CommitAndRefresh();
        }
    }

    private const string FeedKey = "feed-position";

    private static Dictionary<string, string> CommitData(long? feedPosition, bool current)
    {
        var data = new Dictionary<string, string> { [SchemaKey] = current ? Schema : "stale" };
        if (feedPosition is { } position)
        {
            data[FeedKey] = position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return data;
    }
}
