using System.Diagnostics;
using System.Globalization;
using Gongkai.SearchBench;

// dotnet run -c Release --project bench/Gongkai.SearchBench -- --docs 1000000 [--dir /tmp/search-bench] [--seed 2024] [--runs 50]
//   [--engines product,cjk,smartcn,fts5] [--distribution zipf|even] [--reuse]
// --reuse keeps the product's index of the same corpus from an earlier run (only queries are timed again).
var docs = 100_000;
var distribution = WordDistribution.Zipf;
var reuse = false;
var dir = Path.Combine(Path.GetTempPath(), "search-bench");
var seed = 2024;
var runs = 50;
string[] engines = ["product", "smartcn", "cjk", "fts5"];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--docs": docs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--dir": dir = args[++i]; break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--engines": engines = args[++i].Split(','); break;
        case "--distribution": distribution = Enum.Parse<WordDistribution>(args[++i], ignoreCase: true); break;
        case "--reuse": reuse = true; break;
        case "--profile": Profile.Run(args[++i], runs); return 0;
        case "--bounded": BoundedProfile.Run(args[++i], runs); return 0;
        case "--explore": Explore.Run(args[++i], runs); return 0;
        case "--tokens": Explore.Tokens(args[++i]); return 0;
        case "--analysis-cost": AnalysisCost.Run([.. Enumerable.Range(1, 2_000).Select(id => Generator.Make(seed, id, distribution))]); return 0;
        default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
    }
}

if (Directory.Exists(dir) && !reuse)
{
    Directory.Delete(dir, recursive: true);
}

Directory.CreateDirectory(dir);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{docs:N0} documents ({distribution} word distribution), seed {seed}, {runs} timed runs per query, in {dir}; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

// 1. The corpus, generated in memory before any timing so that both engines index the same documents at full speed.
var watch = Stopwatch.StartNew();
var corpus = new GovDocument[docs];
Parallel.For(0, docs, i => corpus[i] = Generator.Make(seed, i + 1, distribution));
var chars = corpus.Sum(d => (long)d.Title.Length + d.DocumentNumber.Length + d.Body.Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Generated in {watch.Elapsed.TotalSeconds:F1} s: {chars / (double)docs:F0} characters per document on average"));
Console.WriteLine($"  e.g. {corpus[0].Title} | {corpus[0].DocumentNumber} | {corpus[0].Issuer} | {corpus[0].Date:yyyy-MM-dd} | {corpus[0].Category} | {corpus[0].DocumentType}");

// The truth: which documents hold each probe term as a substring of title, number or body.
var truth = Queries.Probes.ToDictionary(p => p, p =>
{
    var set = new bool[docs + 1];
    Parallel.For(0, docs, i =>
    {
        var d = corpus[i];
        set[d.Id] = d.Title.Contains(p, StringComparison.Ordinal) || d.DocumentNumber.Contains(p, StringComparison.Ordinal)
            || d.Body.Contains(p, StringComparison.Ordinal);
    });
    return set;
});
foreach (var (p, set) in truth)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  truth {p}: {set.Count(b => b):N0} documents"));
}

var results = new List<EngineResult>();
foreach (var engine in engines)
{
    if (engine == "product")
    {
        var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"product-{distribution}-{docs}-{seed}").ToLowerInvariant());
        using var product = new ProductEngine(path, reuse);
        var result = Runner.Run(product, corpus, truth, runs);
        results.Add(product.Reused ? result with { DocsPerSecond = null } : result);
        // Recall above counts the ids the product's match query selects; a page shows SearchResults.Total of the same query.
        foreach (var probe in Queries.Probes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {probe}: SearchResults.Total {product.Total(probe):N0}, match query {product.All(probe).Count:N0}"));
        }
    }
    else if (engine is "smartcn" or "cjk")
    {
        using var lucene = new LuceneEngine(Path.Combine(dir, "lucene-" + engine), bigrams: engine == "cjk");
        results.Add(Runner.Run(lucene, corpus, truth, runs));
    }
    else if (engine == "fts5")
    {
        File.Delete(Path.Combine(dir, "fts5.db"));
        using var sqlite = new SqliteEngine(Path.Combine(dir, "fts5.db"));
        results.Add(Runner.Run(sqlite, corpus, truth, runs));
        // A word under 3 characters next to a longer one is dropped from MATCH rather than required.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  MATCH '\"营商环境\" \"政策\"' finds {sqlite.Count("营商环境 政策"):N0}, '\"营商环境\"' alone {sqlite.Count("营商环境"):N0}; documents holding both: {corpus.Count(d => (d.Title + d.DocumentNumber + d.Body).Contains("营商环境", StringComparison.Ordinal) && (d.Title + d.DocumentNumber + d.Body).Contains("政策", StringComparison.Ordinal)):N0}"));
        results.Add(Runner.RunLikeFallback(sqlite, docs, truth, Math.Max(3, runs / 10)));
    }
    else
    {
        Console.Error.WriteLine($"Unknown engine {engine}: product, smartcn, cjk or fts5");
        return 2;
    }
}

Report.Print(results, docs);
return 0;
