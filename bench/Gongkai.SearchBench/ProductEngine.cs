using System.Globalization;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneFSDirectory = Lucene.Net.Store.FSDirectory;

namespace Gongkai.SearchBench;

/// <summary>
/// The product's own <see cref="PublicationSearch"/>, as the site runs it: indexed with <see cref="PublicationSearch.Rebuild"/>
/// (what <c>gongkai reindex</c> does), queried with a <see cref="SearchQuery"/> in relevance order, 20 a page, facets,
/// highlighted titles and snippets included.
/// </summary>
public sealed class ProductEngine(string path, bool reuse) : ISearchEngine
{
    private readonly PublicationSearch search = new(path, TimeProvider.System);

    public string Name => "Gongkai PublicationSearch";

    /// <summary>Set when an existing index of the same corpus was reused and nothing was indexed.</summary>
    public bool Reused { get; private set; }

    public void Index(IReadOnlyList<GovDocument> corpus)
    {
        if (reuse && !search.IsStale && search.Count == corpus.Count)
        {
            Reused = true;
            return;
        }

        search.Rebuild(corpus.Select(ToSearchDocument), corpus.Count);
    }

    /// <summary>Waits for the merges a rebuild left running after its commit.</summary>
    public void WaitForMerges() => search.WaitForMerges();

    public long SizeBytes() => new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);

    public int Top(string query, Span<int> ids)
    {
        var results = search.Search(new SearchQuery(query));
        for (var i = 0; i < results.Hits.Count; i++)
        {
            ids[i] = (int)results.Hits[i].Id;
        }

        return results.Hits.Count;
    }

    /// <summary>The documents the product's match query selects (its <c>Total</c>), read from the index on disk.</summary>
    public List<int> All(string query)
    {
        using var analyzers = new SearchAnalyzers();
        var (match, _, _) = new SearchQueries(analyzers).Text(query);
        using var directory = LuceneFSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        var collector = new IdCollector();
        new IndexSearcher(reader).Search(match ?? new MatchAllDocsQuery(), collector);
        return collector.Ids;
    }

    /// <summary>What <see cref="SearchResults.Total"/> says for the query.</summary>
    public int Total(string query) => search.Search(new SearchQuery(query)).Total;

    public void Dispose() => search.Dispose();

    public static SearchDocument ToSearchDocument(GovDocument d) => new(
        d.Id,
        d.AgencyId,
        d.Title,
        d.DocumentNumber,
        string.Create(CultureInfo.InvariantCulture, $"11010{d.AgencyId:D3}-{d.Date.Year}-{d.Id:D7}"),
        d.Issuer,
        d.Category,
        d.DocumentType switch { "规章" => PublicationType.Regulation, "行政规范性文件" => PublicationType.NormativeDocument, _ => PublicationType.Other },
        d.Date.AddDays(-7),
        d.Date,
        null,
        null,
        d.Body,
        "",
        null,
        null);

    private sealed class IdCollector : ICollector
    {
        private NumericDocValues? values;

        public List<int> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => values = context.AtomicReader.GetNumericDocValues("idOrder");

        public void Collect(int doc) => Ids.Add((int)values!.Get(doc));
    }
}
