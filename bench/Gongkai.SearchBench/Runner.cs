using System.Diagnostics;
using System.Globalization;

namespace Gongkai.SearchBench;

public sealed record QueryStat(string Query, double P50, double P99, int Returned);

public sealed record RecallStat(string Term, int Truth, int Found, int Hits, double Seconds)
{
    public double Recall => Truth == 0 ? 1 : Found / (double)Truth;
}

public sealed record EngineResult(
    string Engine, int Docs, double? DocsPerSecond, long? SizeBytes, string QuerySet, double P50, double P99,
    List<QueryStat> Queries, List<RecallStat> Recall)
{
    /// <summary>The 1-minute load average while indexing ended and when the queries ended (other work shares the machine).</summary>
    public string Load { get; init; } = "";
}

public static class Runner
{
    private const int K = 20;

    public static EngineResult Run(ISearchEngine engine, GovDocument[] corpus, Dictionary<string, bool[]> truth, int runs)
    {
        Console.WriteLine($"{engine.Name}: indexing {corpus.Length:N0} documents …");
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (pause, allocated, collections) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
        engine.Index(corpus);
        var seconds = watch.Elapsed.TotalSeconds;
        // CPU time of the whole process while indexing (all threads, GC and merges included): less moved by other work
        // on the machine than the elapsed time; documents per CPU-second times the cores is what an idle machine could do.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        (pause, allocated, collections) = (GC.GetTotalPauseDuration() - pause, GC.GetTotalAllocatedBytes() - allocated, GC.CollectionCount(0) - collections);
        var indexLoad = LoadAverage();
        var merging = "";
        if (engine is ProductEngine product)
        {
            // A rebuild returns at its commit; merges Lucene started may still run. Counted here, apart.
            var wait = Stopwatch.StartNew();
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            product.WaitForMerges();
            var (waited, mergeCpu) = (wait.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
            merging = string.Create(CultureInfo.InvariantCulture,
                $"\n  merges still running at the commit: {waited:F1} s more (CPU {mergeCpu:F1} s); with them {corpus.Length / (seconds + waited):N0} docs/s");
        }

        var size = engine.SizeBytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  indexed in {seconds:F1} s = {corpus.Length / seconds:N0} docs/s, {size / 1048576.0:N0} MiB (load {indexLoad}); CPU {cpuSeconds:F1} s = {corpus.Length / cpuSeconds:N0} docs per CPU-second;"
            + $" GC {collections} collections, {pause.TotalSeconds:F1} s paused, {allocated / 1048576.0 / corpus.Length * 1024:F0} KiB allocated a document{merging}"));

        var (overall, stats) = Time(Queries.All, (q, ids) => engine.Top(q, ids), runs, Queries.All.Length);
        var queryLoad = LoadAverage();
        Console.WriteLine($"  queries done (load {queryLoad})");
        var recall = Recall(truth, engine.All);
        return new EngineResult(engine.Name, corpus.Length, corpus.Length / seconds, size,
            "all queries", Percentile(overall, 50), Percentile(overall, 99), stats, recall)
        { Load = $"{indexLoad} / {queryLoad}" };
    }

    public static EngineResult RunLikeFallback(SqliteEngine engine, int docs, Dictionary<string, bool[]> truth, int runs)
    {
        Console.WriteLine("SQLite LIKE fallback for words of 1–2 characters …");
        var queries = Queries.All.Where(Queries.HasShortWord).ToArray();
        var (overall, stats) = Time(queries, (q, ids) => engine.LikeTop(q, ids), runs, queries.Length);
        var recall = Recall(truth.Where(t => t.Key.Length < 3).ToDictionary(), engine.LikeAll);
        return new EngineResult("SQLite FTS5 table, LIKE '%word%' (unranked)", docs, null, null,
            "queries with a word < 3 characters, LIMIT 20", Percentile(overall, 50), Percentile(overall, 99), stats, recall);
    }

    private static (List<double> Overall, List<QueryStat> Stats) Time(
        string[] queries, Func<string, int[], int> top, int runs, int timedQueries)
    {
        var ids = new int[K];
        var returned = new int[queries.Length];
        var samples = queries.Select(_ => new List<double>(runs)).ToArray();
        for (var warm = 0; warm < 3; warm++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                returned[q] = top(queries[q], ids);
            }
        }

        // Round-robin over the queries so that no query runs with a cache only it has warmed.
        for (var r = 0; r < runs; r++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                var start = Stopwatch.GetTimestamp();
                top(queries[q], ids);
                samples[q].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var stats = queries.Select((q, i) => new QueryStat(q, Percentile(samples[i], 50), Percentile(samples[i], 99), returned[i])).ToList();
        foreach (var s in stats)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Query,-12} p50 {s.P50,8:F2} ms  p99 {s.P99,8:F2} ms  {s.Returned} rows"));
        }

        return (samples.Take(timedQueries).SelectMany(s => s).ToList(), stats);
    }

    private static List<RecallStat> Recall(Dictionary<string, bool[]> truth, Func<string, List<int>> all)
    {
        var result = new List<RecallStat>();
        foreach (var (term, set) in truth)
        {
            var watch = Stopwatch.StartNew();
            var hits = all(term);
            var seconds = watch.Elapsed.TotalSeconds;
            var stat = new RecallStat(term, set.Count(b => b), hits.Count(id => set[id]), hits.Count, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  recall {term}: {stat.Found:N0} of {stat.Truth:N0} = {stat.Recall:P2} ({stat.Hits:N0} hits, {seconds:F2} s)"));
            result.Add(stat);
        }

        return result;
    }

    /// <summary>The 1-minute load average (Linux), or "?".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static double Percentile(List<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

public static class Report
{
    public static void Print(List<EngineResult> results, int docs)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| Engine | Docs | Index docs/s | Index size | Query p50 | Query p99 | Recall on 2-character words | Load (index / query) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var shortRecall = r.Recall.Where(s => s.Term.Length < 3).ToList();
            var found = shortRecall.Sum(s => s.Found);
            var total = shortRecall.Sum(s => s.Truth);
            Console.WriteLine(string.Create(c,
                $"| {r.Engine} ({r.QuerySet}) | {r.Docs:N0} | {(r.DocsPerSecond is { } d ? d.ToString("N0", c) : "—")} | {(r.SizeBytes is { } b ? (b / 1048576.0).ToString("N0", c) + " MiB" : "—")} | {r.P50:F1} ms | {r.P99:F1} ms | {(total == 0 ? 1 : found / (double)total):P2} | {r.Load} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| Term | Documents holding it | " + string.Join(" | ", results.Select(r => r.Engine)) + " |");
        Console.WriteLine("|---|---|" + string.Concat(results.Select(_ => "---|")));
        foreach (var term in Queries.Probes)
        {
            var truth = results.SelectMany(r => r.Recall).First(s => s.Term == term).Truth;
            Console.WriteLine(string.Create(c, $"| {term} | {truth:N0} | ") + string.Join(" | ", results.Select(r =>
                r.Recall.FirstOrDefault(s => s.Term == term) is { } s
                    ? string.Create(c, $"{s.Recall:P2} ({s.Hits:N0} hits, {s.Seconds * 1000:N0} ms)")
                    : "—")) + " |");
        }

        Console.WriteLine();
        Console.WriteLine("| Query | " + string.Join(" | ", results.Select(r => r.Engine + " p50 / p99 (rows)")) + " |");
        Console.WriteLine("|---|" + string.Concat(results.Select(_ => "---|")));
        foreach (var query in Queries.All)
        {
            Console.WriteLine($"| {query} | " + string.Join(" | ", results.Select(r =>
                r.Queries.FirstOrDefault(s => s.Query == query) is { } s
                    ? string.Create(c, $"{s.P50:F2} / {s.P99:F2} ms ({s.Returned})")
                    : "—")) + " |");
        }

        Console.WriteLine(string.Create(c, $"\n{docs:N0} documents."));
    }
}
