using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

public sealed partial class PublicationSearch
{
    /// <summary>
    /// How many matches a search by relevance reads, at most, in a large index (<see cref="BoundedFrom"/>): each
    /// segment stops at its share. A text found in more documents than this (政府信息公开 in one of six documents of a
    /// million) is then ranked among the documents that hold every word in their title, 文号 or keywords — the
    /// <see cref="MaxResults"/> best of them by those fields — and this many of the rest, spread over the whole index;
    /// its total and filter counts are estimates ("约").
    /// </summary>
    /// <remarks>
    /// Scoring every one of 160,000 matches was most of the time of the slowest searches at a million documents
    /// (bench/README.md, step 4); the documents left out hold the words only in their body, and mostly rank below the
    /// heading matches that are always scored. Ordering by date reads every match (the newest could be anywhere).
    /// </remarks>
    public const int MatchBudget = 20_000;

    /// <summary>Below this many documents every match is read: a small catalog is exact and fast either way.</summary>
    public const int BoundedFrom = RankPruningFrom;

    /// <summary>The budget of this instance: <see cref="MatchBudget"/>, smaller in tests.</summary>
    internal int Budget { get; set; } = MatchBudget;

    /// <summary>The index size from which <see cref="Budget"/> applies: <see cref="BoundedFrom"/>, smaller in tests.</summary>
    internal int BudgetFrom { get; set; } = BoundedFrom;

    private static (FacetingCollector Collector, ScoreDoc[] Page, int Total) ByDate(
        IndexSearcher searcher, Query main, SearchQuery query, int wanted, long start, int size)
    {
        var top = TopFieldCollector.Create(NewestFirst, wanted, false, main is not MatchAllDocsQuery, false, true);
        var collector = new FacetingCollector(top, query);
        searcher.Search(main, SearchQueries.Filter(query), collector);
        return (collector, top.GetTopDocs((int)start, size).ScoreDocs, top.TotalHits);
    }

    /// <summary>
    /// By relevance: every match, or, past the budget, the heading matches and a spread of the rest, merged by the
    /// same score (the same query on the same searcher scores a document the same in both passes).
    /// </summary>
    private (FacetingCollector Collector, ScoreDoc[] Page, int Total) ByScore(
        IndexSearcher searcher, Query main, Query? heading, SearchQuery query, int wanted, long start, int size)
    {
        var bounded = heading is not null && searcher.IndexReader.MaxDoc >= BudgetFrom;
        var top = TopScoreDocCollector.Create(wanted, true);
        var collector = new FacetingCollector(top, query, bounded ? Budget : int.MaxValue);
        searcher.Search(main, SearchQueries.Filter(query), collector);
        if (!collector.Bounded || heading is null)
        {
            return (collector, top.GetTopDocs((int)start, size).ScoreDocs, top.TotalHits);
        }

        // The best heading matches by the heading query alone (cheap: short fields), then scored by the main query.
        // Always as many as can be paged to, whatever the page: every page then ranks the same candidates, so that no
        // document is shown on two pages or skipped between them.
        var headed = TopScoreDocCollector.Create(MaxResults, true);
        searcher.Search(heading, SearchQueries.Filter(query), new FacetingCollector(headed, query));
        var picked = headed.GetTopDocs(0, MaxResults).ScoreDocs;
        var rescored = TopScoreDocCollector.Create(Math.Max(1, picked.Length), true);
        if (picked.Length > 0)
        {
            searcher.Search(new FilteredQuery(main, new DocumentsFilter(picked.Select(d => d.Doc)), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), rescored);
        }

        var page = top.GetTopDocs(0, wanted).ScoreDocs
            .Concat(rescored.GetTopDocs(0, wanted).ScoreDocs)
            .DistinctBy(d => d.Doc)
            .OrderByDescending(d => d.Score).ThenBy(d => d.Doc)
            .Skip((int)start).Take(size)
            .ToArray();
        return (collector, page, Math.Max(collector.Estimate, headed.TotalHits));
    }
}

/// <summary>Exactly the given documents (top-level document numbers of one searcher).</summary>
internal sealed class DocumentsFilter(IEnumerable<int> docs) : Filter
{
    private readonly int[] _docs = [.. docs.Order()];

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        var bits = new FixedBitSet(maxDoc);
        var any = false;
        foreach (var doc in _docs)
        {
            var local = doc - context.DocBase;
            if (local >= 0 && local < maxDoc && (acceptDocs is null || acceptDocs.Get(local)))
            {
                bits.Set(local);
                any = true;
            }
        }

        return any ? bits : null;
    }
}
