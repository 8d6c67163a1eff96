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
        using var analyzers = new SearchAnalyzers();
        var queries = new SearchQueries(analyzers);
        using var directory = LuceneFSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
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
        Time("SmartCn: title + body", analyzers.Words, d => d.Title + "\n" + d.Body);
        Time("SmartCn: title", analyzers.Words, d => d.Title);
        Time("SmartCn: body's first 500", analyzers.Words, d => d.Body[..Math.Min(500, d.Body.Length)]);
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
