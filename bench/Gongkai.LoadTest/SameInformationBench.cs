using System.Diagnostics;
using System.Globalization;
using Gongkai.Core.Requests.SameInformation;

/// <summary>
/// Art. 44 grouping against a labelled set: pairwise precision and recall, labelled groups found exactly, split or
/// merged, at several thresholds; the threshold is chosen on one district (agencies 1–9) and reported on the other
/// (agencies 11–19). Then the time for 100,000 requests of one agency. See bench/README.md, "Requests for the same information".
/// </summary>
internal static class SameInformationBench
{
    private const string DefaultFile = "bench/data/same-information.tsv";

    public static int Run(Dictionary<string, string> o)
    {
        if (o.TryGetValue("generate", out var target))
        {
            var generated = SameInformationSet.Generate(seed: 44, families: 70, oneAgency: false);
            SameInformationSet.Write(target, generated);
            Console.WriteLine(FormattableString.Invariant($"wrote {generated.Count} requests, {generated.Where(r => r.Label.Length > 0).Select(r => r.Label).Distinct().Count()} groups to {target}"));
            return 0;
        }

        var rows = SameInformationSet.Read(o.GetValueOrDefault("file", DefaultFile));
        var tune = rows.Where(r => r.Agency < 10).ToList();
        var test = rows.Where(r => r.Agency >= 10).ToList();
        Console.WriteLine(FormattableString.Invariant($"{rows.Count} requests: tuning half {tune.Count} (agencies 1–9), test half {test.Count} (agencies 11–19)"));
        var thresholds = o.TryGetValue("thresholds", out var list)
            ? list.Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray()
            : [0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70];
        Console.WriteLine("\ntuning half");
        Header();
        foreach (var threshold in thresholds)
        {
            Print(threshold, Measure(tune, new SameInformationOptions { Threshold = threshold }));
        }

        var chosen = new SameInformationOptions().Threshold;
        Console.WriteLine("\ntest half (default threshold and one step either side)");
        Header();
        foreach (var threshold in new[] { chosen - 0.1, chosen, chosen + 0.1 })
        {
            Print(threshold, Measure(test, new SameInformationOptions { Threshold = threshold }));
        }

        Console.WriteLine("\nwhole set, MinimumApplicants = 3 (labels with fewer applicants are not groups)");
        Header();
        Print(chosen, Measure(rows, new SameInformationOptions { MinimumApplicants = 3 }, minimumApplicants: 3));
        if (o.TryGetValue("misses", out _))
        {
            Misses(tune, new SameInformationOptions());
        }

        Speed(o.TryGetValue("requests", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000);
        return 0;
    }

    private sealed record Score(double Precision, double Recall, int Labelled, int Exact, int Split, int Merged, int Missed, int Spurious, int Found);

    private static SameInformationText[] Requests(IReadOnlyList<LabelledRequest> rows) =>
        [.. rows.Select((r, i) => new SameInformationText(i + 1, r.Agency, r.Title, r.Number.Length > 0 ? r.Number : null,
            r.Description.Length > 0 ? r.Description : null, new DateOnly(2024, 1, 1).AddDays(i / 3), r.Applicant))];

    private static Score Measure(IReadOnlyList<LabelledRequest> rows, SameInformationOptions options, int minimumApplicants = 2)
    {
        var groups = SameInformationGrouping.Find(Requests(rows), options);
        string LabelOf(long id) => rows[(int)id - 1].Label;

        // A label is a group only with enough applicants; with a minimum of 3 the pairs of 2-applicant labels are not expected.
        var labels = rows.Where(r => r.Label.Length > 0).GroupBy(r => r.Label)
            .Where(g => g.Select(r => r.Applicant).Distinct().Count() >= minimumApplicants)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        long truePairs = labels.Values.Sum(c => (long)c * (c - 1) / 2);
        long predicted = groups.Sum(g => (long)g.RequestIds.Count * (g.RequestIds.Count - 1) / 2);
        long correct = groups.Sum(g => g.RequestIds.GroupBy(LabelOf).Where(l => labels.ContainsKey(l.Key)).Sum(l => (long)l.Count() * (l.Count() - 1) / 2));

        var groupOf = groups.SelectMany((g, k) => g.RequestIds.Select(id => (id, k))).ToDictionary(x => x.id, x => x.k);
        var idsOf = rows.Select((r, i) => (r.Label, Id: (long)i + 1)).Where(x => labels.ContainsKey(x.Label)).ToLookup(x => x.Label, x => x.Id);
        int exact = 0, split = 0, merged = 0, missed = 0;
        foreach (var (label, size) in labels)
        {
            var touching = idsOf[label].Where(groupOf.ContainsKey).Select(id => groups[groupOf[id]]).Distinct().ToList();
            if (touching.Count == 0)
            {
                missed++;
            }
            else if (touching.Any(g => g.RequestIds.Any(id => LabelOf(id) != label)))
            {
                merged++;
            }
            else if (touching.Count == 1 && touching[0].RequestIds.Count == size)
            {
                exact++;
            }
            else
            {
                split++;
            }
        }

        var spurious = groups.Count(g => g.RequestIds.GroupBy(LabelOf).All(l => !labels.ContainsKey(l.Key) || l.Count() < 2));
        return new Score(predicted == 0 ? 1 : (double)correct / predicted, truePairs == 0 ? 1 : (double)correct / truePairs,
            labels.Count, exact, split, merged, missed, spurious, groups.Count);
    }

    private static void Header()
    {
        Console.WriteLine("| threshold | pairwise precision | pairwise recall | labelled groups | exact | split | merged | missed | groups found | spurious |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    }

    private static void Print(double threshold, Score s) => Console.WriteLine(FormattableString.Invariant(
        $"| {threshold:0.00} | {s.Precision:0.000} | {s.Recall:0.000} | {s.Labelled} | {s.Exact} | {s.Split} | {s.Merged} | {s.Missed} | {s.Found} | {s.Spurious} |"));

    /// <summary>Prints the labelled groups not found exactly, for reading why (tuning only).</summary>
    private static void Misses(IReadOnlyList<LabelledRequest> rows, SameInformationOptions options)
    {
        var groups = SameInformationGrouping.Find(Requests(rows), options);
        var groupOf = groups.SelectMany((g, k) => g.RequestIds.Select(id => (id, k))).ToDictionary(x => x.id, x => x.k);
        foreach (var label in rows.Where(r => r.Label.Length > 0).Select(r => r.Label).Distinct())
        {
            var ids = rows.Select((r, i) => (r, Id: (long)i + 1)).Where(x => x.r.Label == label).Select(x => x.Id).ToList();
            var found = ids.Select(id => groupOf.TryGetValue(id, out var k) ? k : -1).Distinct().ToList();
            if (found.Count == 1 && found[0] >= 0 && groups[found[0]].RequestIds.Count == ids.Count)
            {
                continue;
            }

            Console.WriteLine($"\n{label}:");
            foreach (var id in ids.Concat(found.Where(k => k >= 0).SelectMany(k => groups[k].RequestIds)).Distinct())
            {
                var r = rows[(int)id - 1];
                Console.WriteLine(FormattableString.Invariant($"  [{(groupOf.TryGetValue(id, out var k) ? k : -1),3}] {r.Label,-6} {r.Applicant} {r.Title} | {r.Number} | {r.Description}"));
            }
        }
    }

    private static void Speed(int count)
    {
        // One seed, so that the labels of the large set are right too (topics never repeat within a run).
        var rows = new List<LabelledRequest>();
        for (var families = count / 4; rows.Count < count; families *= 2)
        {
            rows = SameInformationSet.Generate(seed: 4400, families: families, oneAgency: true);
        }

        rows = rows.Take(count).ToList();
        var requests = Requests(rows);
        SameInformationGrouping.Find(requests.Take(2000));
        var times = new List<double>();
        IReadOnlyList<SameInformationGroup> groups = [];
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            groups = SameInformationGrouping.Find(requests);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"\n{count:N0} requests of one agency: {groups.Count:N0} groups holding {groups.Sum(g => g.RequestIds.Count):N0} requests; {string.Join(" / ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms (3 runs), managed memory {GC.GetTotalMemory(false) / 1048576:N0} MiB"));
        Console.WriteLine("quality on the same large set (one agency; names drawn from a larger pool):");
        Header();
        Print(new SameInformationOptions().Threshold, Measure(rows, new SameInformationOptions()));
    }
}
