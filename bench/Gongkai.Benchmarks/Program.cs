using BenchmarkDotNet.Running;
using Gongkai.Infrastructure.Checker;

if (args is ["corpus", ..])
{
    // Precision and recall of the report checker over the corpus of real reports (bench/README.md).
    var root = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(AppContext.BaseDirectory, "Corpus");
    var results = CorpusScore.Fixtures(root).Select(f => CorpusScore.Check(root, f)).ToList();
    Console.Write(CorpusScore.Print(results, verbose: args.Contains("--verbose")));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Gongkai.Benchmarks.CalendarBenchmarks).Assembly).Run(args);
