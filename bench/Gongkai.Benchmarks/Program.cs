using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Gongkai.Benchmarks.CalendarBenchmarks).Assembly).Run(args);
