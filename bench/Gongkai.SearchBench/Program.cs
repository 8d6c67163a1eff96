using System.Diagnostics;
using System.Globalization;
using Gongkai.SearchBench;

// dotnet run -c Release --project bench/Gongkai.SearchBench -- --docs 1000000 [--dir /tmp/search-bench] [--seed 2024] [--runs 50]
var docs = 100_000;
var dir = Path.Combine(Path.GetTempPath(), "search-bench");
var seed = 2024;
var runs = 50;
string[] engines = ["smartcn", "cjk", "fts5"];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--docs": docs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--dir": dir = args[++i]; break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--engines": engines = args[++i].Split(','); break;
        default: Console.Error.WriteLine($"Unknown argument {args[i]}"); return 2;
    }
}

if (Directory.Exists(dir))
{
    Directory.Delete(dir, recursive: true);
}

Directory.CreateDirectory(dir);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{docs:N0} documents, seed {seed}, {runs} timed runs per query, in {dir}; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

// 1. The corpus, generated in memory before any timing so that both engines index the same documents at full speed.
var watch = Stopwatch.StartNew();
var corpus = new GovDocument[docs];
Parallel.For(0, docs, i => corpus[i] = Generator.Make(seed, i + 1));
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
    if (engine is "smartcn" or "cjk")
    {
        using var lucene = new LuceneEngine(Path.Combine(dir, "lucene-" + engine), bigrams: engine == "cjk");
        results.Add(Runner.Run(lucene, corpus, truth, runs));
    }
    else if (engine == "fts5")
    {
        using var sqlite = new SqliteEngine(Path.Combine(dir, "fts5.db"));
        results.Add(Runner.Run(sqlite, corpus, truth, runs));
        // A word under 3 characters next to a longer one is dropped from MATCH rather than required.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  MATCH '\"营商环境\" \"政策\"' finds {sqlite.Count("营商环境 政策"):N0}, '\"营商环境\"' alone {sqlite.Count("营商环境"):N0}; documents holding both: {corpus.Count(d => (d.Title + d.DocumentNumber + d.Body).Contains("营商环境", StringComparison.Ordinal) && (d.Title + d.DocumentNumber + d.Body).Contains("政策", StringComparison.Ordinal)):N0}"));
        results.Add(Runner.RunLikeFallback(sqlite, docs, truth, Math.Max(3, runs / 10)));
    }
    else
    {
        Console.Error.WriteLine($"Unknown engine {engine}: smartcn, cjk or fts5");
        return 2;
    }
}

Report.Print(results, docs);
return 0;
