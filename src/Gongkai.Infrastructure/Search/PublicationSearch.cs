using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Gongkai.Infrastructure.Requests;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// The full-text index of published documents (公开目录 search), one Lucene index in a folder. One instance per
/// process (a singleton): it keeps the index writer open, and Lucene's write lock keeps a second process out.
/// Every change is committed and made searchable before the call returns. Thread-safe: searches run in parallel,
/// changes one at a time.
/// </summary>
/// <remarks>
/// Each text is indexed twice: as CJK bigrams (with single characters), which is what decides a match — every
/// word of the query, as a phrase of bigrams, must occur — and as SmartCn words, which only adds to the score of
/// documents where the query's words are real words. Bigrams find every two-character word (复议, 公开); SmartCn
/// alone misses some (bench/Gongkai.SearchBench).
/// </remarks>
public sealed partial class PublicationSearch : IDisposable
{
    /// <summary>The deepest result that can be paged to; beyond it the visitor is asked to narrow the search.</summary>
    public const int MaxResults = 2000;

    /// <summary>The most categories and issuers counted in <see cref="SearchResults.Facets"/>.</summary>
    private const int FacetLimit = 50;

    /// <summary>Bump when the fields or analysis change: an index written with another schema is rebuilt at start.</summary>
    private const string Schema = "3";
    private const string SchemaKey = "gongkai.search.schema";
    private const double BufferMB = 64, RebuildBufferMB = 1024;

    private static readonly Sort NewestFirst = new(
        new SortField(SearchFields.PublishedOn, SortFieldType.INT64, true),
        new SortField(SearchFields.IdOrder, SortFieldType.INT64, true));

    private readonly System.Threading.Lock _gate = new();
    private readonly SearchAnalyzers _analyzers = new();
    private readonly SearchQueries _queries;
    private readonly FSDirectory _directory;
    private readonly TimeProvider _clock;
    private IndexWriter _writer;
    private volatile SearcherManager _manager;
    private volatile bool _disposed;

    /// <summary>Opens the index in <paramref name="path"/>, creating an empty one when there is none.</summary>
    public PublicationSearch(string path, TimeProvider clock)
    {
        _clock = clock;
        _queries = new SearchQueries(_analyzers);
        IndexPath = Path.GetFullPath(path);
        Directory.CreateDirectory(IndexPath);
        _directory = FSDirectory.Open(IndexPath);
        try
        {
            var existed = DirectoryReader.IndexExists(_directory);
            _writer = OpenWriter();
            if (!existed)
            {
                _writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = Schema });
                _writer.Commit();
            }

            IsStale = !(_writer.CommitData.TryGetValue(SchemaKey, out var schema) && schema == Schema);
            FeedPosition = _writer.CommitData.TryGetValue(FeedKey, out var position) && long.TryParse(position, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
            _manager = new SearcherManager(_writer, true, null);
        }
        catch
        {
            _writer?.Dispose();
            _directory.Dispose();
            _analyzers.Dispose();
            throw;
        }
    }

    /// <summary>The index folder.</summary>
    public string IndexPath { get; }

    /// <summary>The index was written with another schema (an older version of this class) and should be rebuilt.</summary>
    public bool IsStale { get; private set; }

    /// <summary>
    /// The last change-feed entry this index has applied (<see cref="Nodes.ChangeFeedFollower"/>), committed with the
    /// documents it changed; null for an index that has never followed the feed.
    /// </summary>
    public long? FeedPosition { get; private set; }

    /// <summary>Documents in the index.</summary>
    public int Count
    {
        get
        {
            var searcher = Acquire(out var manager);
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                manager.Release(searcher);
            }
        }
    }

    /// <summary>Adds or replaces one document; searchable when this returns.</summary>
    public void Upsert(SearchDocument document) => Upsert([document]);

    /// <summary>Adds or replaces documents (by id), in one commit; searchable when this returns.</summary>
    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var document in documents)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, IndexDocuments.Key(document.Id)), IndexDocuments.ToLucene(document));
            }

            CommitAndRefresh();
        }
    }

    /// <summary>Removes a document (nothing happens when it is not indexed); gone from results when this returns.</summary>
    public void Delete(long id)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.DeleteDocuments(new Term(SearchFields.Id, IndexDocuments.Key(id)));
            CommitAndRefresh();
        }
    }

    /// <summary>
    /// Replaces the whole index with <paramref name="documents"/> (<paramref name="total"/> expected, for progress):
    /// all or nothing. Searches go on answering from the old index until the new one is committed; if anything
    /// fails, or <paramref name="ct"/> cancels, the old index stays as it was. Reports the number indexed so far.
    /// </summary>
    /// <returns>The number of documents indexed.</returns>
    public int Rebuild(IEnumerable<SearchDocument> documents, int total, IProgress<int>? progress = null, CancellationToken ct = default, long? feedPosition = null)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var every = Math.Max(1, total / 100);
            var count = 0;
            try
            {
                _writer.DeleteAll();
                // Fewer, larger flushed segments: less merging while the whole index is written (a buffer is filled only
                // as far as the documents need: a catalog of 10,000 takes about 100 MB). Segments are not also copied
                // into compound files (a few files more per segment until they are merged).
                _writer.Config.RAMBufferSizeMB = RebuildBufferMB;
                _writer.Config.UseCompoundFile = false;
                var noCompoundRatio = _writer.Config.MergePolicy.NoCFSRatio;
                _writer.Config.MergePolicy.NoCFSRatio = 0;
                // Analysis is the slow part: on every core. The source is read one document at a time.
                Parallel.ForEach(
                    Partitioner.Create(documents, EnumerablePartitionerOptions.NoBuffering),
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
                    document =>
                    {
                        _writer.AddDocument(IndexDocuments.ToLucene(document));
                        if (Interlocked.Increment(ref count) % every == 0)
                        {
                            progress?.Report(count);
                        }
                    });
                _writer.SetCommitData(CommitData(feedPosition ?? FeedPosition, current: true));
                _writer.Commit();
                FeedPosition = feedPosition ?? FeedPosition;
                _writer.Config.RAMBufferSizeMB = BufferMB;
                _writer.Config.UseCompoundFile = true;
                _writer.Config.MergePolicy.NoCFSRatio = noCompoundRatio;
            }
            catch (Exception e)
            {
                // A new writer, with the usual buffer.
                Recover();
                if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
                {
                    ExceptionDispatchInfo.Capture(aggregate.InnerExceptions[0]).Throw();
                }

                throw;
            }

            IsStale = false;
            _manager.MaybeRefreshBlocking();
            progress?.Report(count);
            return count;
        }
    }

    /// <summary>Waits for the merges Lucene started in the background (the bench: what a rebuild costs with them).</summary>
    internal void WaitForMerges()
    {
        lock (_gate)
        {
            _writer.WaitForMerges();
        }
    }

    /// <summary>
    /// One page of results. Never throws on what a visitor typed: text that has nothing searchable gives no results,
    /// out-of-range paging is clamped (check <see cref="SearchQuery.Problem"/> first to tell the visitor).
    /// </summary>
    public SearchResults Search(SearchQuery query)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        var (match, rank, heading, searchable) = _queries.Parts(query.Text ?? "");
        if (!searchable || query.AgencyIds is { Count: 0 })
        {
            return SearchResults.Empty(page, size);
        }

        var byDate = match is null || query.Order == SearchOrder.Newest;
        var start = (long)(page - 1) * size;
        var reachable = start < MaxResults;
        var wanted = reachable ? (int)Math.Min(start + size, MaxResults) : 1;
        var today = ChinaDate.Today(_clock);
        var searcher = Acquire(out var manager);
        try
        {
            // The rank clause only orders by relevance: not needed for date order, and its words found in a large
            // share of all documents (公开, 政府) would read long postings to change almost no order.
            var ranked = byDate ? null : Rare(rank, searcher.IndexReader);
            Query main = match is null ? new MatchAllDocsQuery()
                : ranked is null ? match
                : new BooleanQuery { { match, Occur.MUST }, { ranked, Occur.SHOULD } };
            var (collector, found, total) = byDate
                ? ByDate(searcher, main, query, wanted, start, size)
                : ByScore(searcher, main, heading, query, wanted, start, size);
            var hits = new List<SearchHit>();
            var words = SearchQueries.Words(query.Text ?? "");
            if (reachable)
            {
                foreach (var scored in found)
                {
                    var stored = IndexDocuments.Read(searcher.Doc(scored.Doc));
                    hits.Add(new SearchHit(
                        stored.Id,
                        Snippets.Title(_analyzers.Bigrams, match, words, stored.Title),
                        Snippets.Snippet(_analyzers.Bigrams, match, words, stored.Body, stored.Attachments),
                        stored.DocumentNumber,
                        stored.Issuer,
                        stored.PublishedOn,
                        stored.Type,
                        stored.Category,
                        stored.InForceOn(today),
                        stored.InterpretsId,
                        float.IsFinite(scored.Score) ? scored.Score : 0f)
                    {
                        Validity = stored.ValidityOn(today),
                    });
                }
            }

            return new SearchResults(total, hits, collector.Facets(FacetLimit)) { Page = page, PageSize = size, IsEstimate = collector.Bounded };
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>Documents a rank word may be in, as a share of all, and still be worth scoring.</summary>
    public const double RankWordShare = 0.1;

    /// <summary>Below this many documents every rank word is scored: a small catalog is fast either way.</summary>
    public const int RankPruningFrom = 50_000;

    /// <summary>
    /// The rank clause without the words in more than <see cref="RankWordShare"/> of the documents (in an index of at
    /// least <see cref="RankPruningFrom"/>); null when none is left.
    /// </summary>
    private static Query? Rare(Query? rank, IndexReader reader)
    {
        if (rank is not BooleanQuery words || reader.MaxDoc < RankPruningFrom)
        {
            return rank;
        }

        var limit = Math.Max(1, (int)(reader.MaxDoc * RankWordShare));
        var kept = new BooleanQuery();
        foreach (var clause in words.Clauses)
        {
            if (clause.Query is not TermQuery term || reader.DocFreq(term.Term) <= limit)
            {
                kept.Add(clause);
            }
        }

        return kept.Clauses.Count == 0 ? null : kept;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _manager.Dispose();
            _writer.Dispose();
            _directory.Dispose();
            _analyzers.Dispose();
        }
    }

    private IndexWriter OpenWriter() => new(_directory, new IndexWriterConfig(SearchAnalyzers.Version, _analyzers.Index)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        RAMBufferSizeMB = BufferMB,
    });

    private void CommitAndRefresh()
    {
        // Every commit states the schema and the feed position: the last commit's data is what a reopened index reads.
        _writer.SetCommitData(CommitData(FeedPosition, current: !IsStale));
        _writer.Commit();
        _manager.MaybeRefreshBlocking();
    }

    /// <summary>
    /// After a failed rebuild: throw away everything since the last commit (Lucene closes the writer for that) and
    /// open a new writer and searcher manager on the index as it was.
    /// </summary>
    private void Recover()
    {
        _writer.Rollback();
        _writer = OpenWriter();
        var old = _manager;
        _manager = new SearcherManager(_writer, true, null);
        old.Dispose();
    }

    private IndexSearcher Acquire(out SearcherManager manager)
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            manager = _manager;
            try
            {
                return manager.Acquire();
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(manager, _manager))
            {
                // Replaced after a failed rebuild while this search started: take the new one.
            }
        }
    }
}
