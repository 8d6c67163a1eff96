using System.Diagnostics;
using System.Globalization;
using Gongkai.Infrastructure.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneFSDirectory = Lucene.Net.Store.FSDirectory;

namespace Gongkai.SearchBench;

/// <summary>
/// Where a product search spends its time, step by step, on an index the bench built (--profile PATH): the match
/// query alone, with the SmartCn rank clause, with facets, reading 20 stored documents, and highlighting them.
/// </summary>
public static class Profile
{
    public static void Run(string path, int runs)
    {
        using var index = new IndexOnDisk(path);
        var (analyzers, queries, reader, searcher) = (index.Analyzers, index.Queries, index.Reader, index.Searcher);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reader.NumDocs:N0} documents in {path}; {runs} runs, median ms"));
        Console.WriteLine("| Query | hits | match only | + rank | + facets | + read 20 | + titles | + snippets |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var text in Queries.All)
        {
            var (textMatch, rank, _) = queries.Text(text);
            var match = textMatch!;
            var main = rank is null ? match : new BooleanQuery { { match, Occur.MUST }, { rank, Occur.SHOULD } };
            var query = new SearchQuery(text);
            var steps = new List<double>[6];
            for (var s = 0; s < steps.Length; s++)
            {
                steps[s] = [];
            }

            var hits = 0;
            for (var r = 0; r < runs + 2; r++)
            {
                var t = new double[6];
                var start = Stopwatch.GetTimestamp();
                var onlyMatch = TopScoreDocCollector.Create(20, true);
                searcher.Search(match, onlyMatch);
                t[0] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                hits = onlyMatch.TotalHits;

                start = Stopwatch.GetTimestamp();
                var ranked = TopScoreDocCollector.Create(20, true);
                searcher.Search(main, ranked);
                t[1] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                start = Stopwatch.GetTimestamp();
                var top = TopScoreDocCollector.Create(20, true);
                var faceting = new FacetingCollector(top, query);
                searcher.Search(main, faceting);
                faceting.Facets(50);
                var docs = top.GetTopDocs(0, 20).ScoreDocs;
                t[2] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                start = Stopwatch.GetTimestamp();
                var stored = docs.Select(d => IndexDocuments.Read(searcher.Doc(d.Doc))).ToList();
                t[3] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                start = Stopwatch.GetTimestamp();
                foreach (var s in stored)
                {
                    Snippets.Title(analyzers.Bigrams, match, SearchQueries.Words(text), s.Title);
                }

                t[4] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                start = Stopwatch.GetTimestamp();
                foreach (var s in stored)
                {
                    Snippets.Snippet(analyzers.Bigrams, match, SearchQueries.Words(text), s.Body, s.Attachments);
                }

                t[5] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (r >= 2)
                {
                    for (var s = 0; s < t.Length; s++)
                    {
                        steps[s].Add(t[s]);
                    }
                }
            }

            var medians = string.Join(" | ", steps.Select(s => Runner.Percentile(s, 50).ToString("F1", CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {text} | {hits:N0} | {medians} |"));
        }
    }
}

/// <summary>
/// The two passes of a bounded search (--bounded PATH): the heading query alone (how many documents hold every word
/// in a heading), the main query filtered to them, and the main query read to <see cref="PublicationSearch.MatchBudget"/>.
/// </summary>
public static class BoundedProfile
{
    public static void Run(string path, int runs)
    {
        using var index = new IndexOnDisk(path);
        var (analyzers, queries, reader, searcher) = (index.Analyzers, index.Queries, index.Reader, index.Searcher);
        using var product = new PublicationSearch(path, TimeProvider.System);
        Console.WriteLine("| Query | heading hits | heading alone | main over headings | main to the budget | top 20 as exact | top 10 as exact | page score, % of exact | total, error |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var text in Queries.All)
        {
            var (match, rank, heading, _) = queries.Parts(text);
            var main = rank is null ? match! : new BooleanQuery { { match!, Occur.MUST }, { rank, Occur.SHOULD } };
            var query = new SearchQuery(text);
            var steps = new[] { new List<double>(), [], [] };
            var hits = 0;
            for (var r = 0; r < runs + 2; r++)
            {
                var start = Stopwatch.GetTimestamp();
                var alone = TopScoreDocCollector.Create(20, true);
                searcher.Search(heading!, alone);
                var t0 = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                hits = alone.TotalHits;
                start = Stopwatch.GetTimestamp();
                searcher.Search(main, SearchQueries.Filter(query, heading), new FacetingCollector(TopScoreDocCollector.Create(20, true), query));
                var t1 = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                searcher.Search(main, new FacetingCollector(TopScoreDocCollector.Create(20, true), query, PublicationSearch.MatchBudget));
                var t2 = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (r >= 2)
                {
                    (steps[0], steps[1], steps[2]) = ([.. steps[0], t0], [.. steps[1], t1], [.. steps[2], t2]);
                }
            }

            // What the budget changes: the first page against reading every match.
            product.Budget = int.MaxValue;
            var exact = product.Search(query);
            product.Budget = PublicationSearch.MatchBudget;
            var bounded = product.Search(query);
            var ids = bounded.Hits.Select(h => h.Id).ToList();
            var exactIds = exact.Hits.Select(h => h.Id).ToList();
            var same20 = ids.Intersect(exactIds).Count();
            var same10 = ids.Take(10).Intersect(exactIds.Take(10)).Count();
            var score = exact.Hits.Sum(h => h.Score) is > 0 and var best ? bounded.Hits.Sum(h => h.Score) / best : 1;
            var error = exact.Total == 0 ? 0 : (bounded.Total - exact.Total) / (double)exact.Total;
            var medians = string.Join(" | ", steps.Select(s => Runner.Percentile(s, 50).ToString("F1", CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {text} | {hits:N0} | {medians} | {same20} of {exactIds.Count} | {same10} of {Math.Min(10, exactIds.Count)} | {score:P1} | {bounded.Total:N0}{(bounded.IsEstimate ? "*" : "")}, {error:+0.0%;-0.0%;0} |"));
        }
    }
}

/// <summary>What analysing a document costs, per analyzer and text, one thread (--analysis-cost): where indexing time goes.</summary>
public static class AnalysisCost
{
    public static void Run(GovDocument[] corpus)
    {
        using var analyzers = new SearchAnalyzers();
        var sample = corpus.Take(2_000).ToArray();
        void Time(string what, Analyzer analyzer, Func<GovDocument, string> text)
        {
            Count(analyzer, sample.Take(200), text);
            var start = Stopwatch.GetTimestamp();
            var tokens = Count(analyzer, sample, text);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what,-34} {sample.Length / seconds,8:N0} docs/s on one thread ({tokens / (double)sample.Length:N0} tokens a document), load {Runner.LoadAverage()}"));
        }

        Time("bigrams+unigrams: title + body", analyzers.Bigrams, d => d.Title + "\n" + d.Body);
        // The same words two ways: Lucene's SmartChineseAnalyzer, and the index's word analyzer (HanWordAnalyzer).
        using var smartCn = new Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer(SearchAnalyzers.Version);
        foreach (var (name, words) in new[] { ("SmartCn", (Analyzer)smartCn), ("words (index)", analyzers.Words) })
        {
            Time($"{name}: title + body", words, d => d.Title + "\n" + d.Body);
            Time($"{name}: title", words, d => d.Title);
            Time($"{name}: body's first 300", words, d => d.Body[..Math.Min(300, d.Body.Length)]);
        }

        Time("3- and 4-grams: body", analyzers.Grams, d => d.Body);
        Time("StandardTokenizer: body", Analyzer.NewAnonymous((f, r) => new TokenStreamComponents(new Lucene.Net.Analysis.Standard.StandardTokenizer(SearchAnalyzers.Version, r))), d => d.Body);
        Time("+ width + lower: body", Analyzer.NewAnonymous((f, r) => { var t = new Lucene.Net.Analysis.Standard.StandardTokenizer(SearchAnalyzers.Version, r); return new TokenStreamComponents(t, new Lucene.Net.Analysis.Core.LowerCaseFilter(SearchAnalyzers.Version, new Lucene.Net.Analysis.Cjk.CJKWidthFilter(t))); }), d => d.Body);
        Time("+ bigrams: body", Analyzer.NewAnonymous((f, r) => { var t = new Lucene.Net.Analysis.Standard.StandardTokenizer(SearchAnalyzers.Version, r); return new TokenStreamComponents(t, new Lucene.Net.Analysis.Cjk.CJKBigramFilter(new Lucene.Net.Analysis.Core.LowerCaseFilter(SearchAnalyzers.Version, new Lucene.Net.Analysis.Cjk.CJKWidthFilter(t)), Lucene.Net.Analysis.Cjk.CJKScript.HAN, true)); }), d => d.Body);
        Time("+ all scripts: body", Analyzer.NewAnonymous((f, r) => { var t = new Lucene.Net.Analysis.Standard.StandardTokenizer(SearchAnalyzers.Version, r); return new TokenStreamComponents(t, new Lucene.Net.Analysis.Cjk.CJKBigramFilter(new Lucene.Net.Analysis.Core.LowerCaseFilter(SearchAnalyzers.Version, new Lucene.Net.Analysis.Cjk.CJKWidthFilter(t)), Lucene.Net.Analysis.Cjk.CJKScript.HAN | Lucene.Net.Analysis.Cjk.CJKScript.HIRAGANA | Lucene.Net.Analysis.Cjk.CJKScript.KATAKANA | Lucene.Net.Analysis.Cjk.CJKScript.HANGUL, true)); }), d => d.Body);
        Time("bigram analyzer: body", analyzers.Bigrams, d => d.Body);
    }

    private static long Count(Analyzer analyzer, IEnumerable<GovDocument> docs, Func<GovDocument, string> text)
    {
        long n = 0;
        foreach (var d in docs)
        {
            n += SearchAnalyzers.Tokens(analyzer, SearchFields.Body, text(d)).Count;
        }

        return n;
    }
}

/// <summary>A bench-built index opened for reading, with the product's analyzers and query builder.</summary>
internal sealed class IndexOnDisk : IDisposable
{
    private readonly LuceneFSDirectory _directory;

    public IndexOnDisk(string path)
    {
        Analyzers = new SearchAnalyzers();
        Queries = new SearchQueries(Analyzers);
        _directory = LuceneFSDirectory.Open(path);
        Reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(Reader);
    }

    public SearchAnalyzers Analyzers { get; }
    public SearchQueries Queries { get; }
    public DirectoryReader Reader { get; }
    public IndexSearcher Searcher { get; }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
        Analyzers.Dispose();
    }
}
