using System.Diagnostics;
using System.Globalization;
using Gongkai.Infrastructure.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneFSDirectory = Lucene.Net.Store.FSDirectory;

namespace Gongkai.SearchBench;

/// <summary>
/// Ways to match one word, timed on an index the bench built (--explore PATH): the bigram phrase the product first
/// used, a phrase of only the bigrams that cover the word (faster but not exact: it matches across punctuation), the
/// bigrams as loose terms, and the title. --tokens TEXT prints what the bigram and gram analyzers make of a text.
/// </summary>
public static class Explore
{
    public static void Tokens(string text)
    {
        using var analyzers = new SearchAnalyzers();
        Console.WriteLine(string.Join(" ", SearchAnalyzers.Tokens(analyzers.Bigrams, "body", text).Select(t => $"{t.Term}@{t.Position}")));
        Console.WriteLine(string.Join(" ", SearchAnalyzers.Tokens(analyzers.Grams, "body.g", text).Select(t => $"{t.Term}@{t.Position}")));
    }

    public static void Run(string path, int runs)
    {
        using var analyzers = new SearchAnalyzers();
        using var directory = LuceneFSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        foreach (var word in new[] { "行政复议", "政府信息公开", "安全生产", "复议" })
        {
            var grams = SearchAnalyzers.GramPhrase(word);
            var phrase = analyzers.Phrase(word);
            Query Ph(string field, IEnumerable<(string Term, int Position)> terms)
            {
                var p = new PhraseQuery();
                foreach (var (t, pos) in terms) p.Add(new Term(field, t), pos);
                return p;
            }
            static Query And(string field, IEnumerable<(string Term, int Position)> terms)
            {
                var b = new BooleanQuery();
                foreach (var (t, _) in terms) b.Add(new TermQuery(new Term(field, t)), Occur.MUST);
                return b;
            }
            var cover = phrase.Where((t, i) => i % 2 == 0 || i == phrase.Count - 1).ToList();
            var variants = new (string, Query)[]
            {
                ("body phrase", Ph("body", phrase)),
                ("body phrase cover", Ph("body", cover)),
                ("body AND terms", And("body", phrase)),
                ("title phrase", Ph("title", phrase)),
                ("title|body phrase", new BooleanQuery { { Ph("title", phrase), Occur.SHOULD }, { Ph("body", phrase), Occur.SHOULD } }),
                ("title|body cover", new BooleanQuery { { Ph("title", cover), Occur.SHOULD }, { Ph("body", cover), Occur.SHOULD } }),
                ("body grams", grams is null ? Ph("body", phrase) : Ph("body.g", grams)),
            };
            foreach (var (name, q) in variants)
            {
                var times = new List<double>();
                var hits = 0;
                for (var r = 0; r < runs + 2; r++)
                {
                    var start = Stopwatch.GetTimestamp();
                    var c = new TotalHitCountCollector();
                    searcher.Search(q, c);
                    if (r >= 2) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    hits = c.TotalHits;
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{word} {name,-20} {hits,8:N0} hits {Runner.Percentile(times, 50),7:F1} ms"));
            }
        }
    }
}
