using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Core.AnnualReports;

namespace Gongkai.Infrastructure.Checker;

/// <summary>What a careful reader found in one real report: the rules that must fire, and those a reader could go either way on.</summary>
public sealed record CorpusFixture
{
    public required string File { get; init; }
    public string Source { get; init; } = "";
    public string Agency { get; init; } = "";
    public string Level { get; init; } = "";
    public string Province { get; init; } = "";
    public int Year { get; init; }
    public string Format { get; init; } = "";
    public string Shape { get; init; } = "";
    public bool Complete { get; init; }
    public bool Correct { get; init; }
    public List<CorpusExpectation> MustFind { get; init; } = [];
    public List<CorpusExpectation> MayFind { get; init; } = [];
    public string Notes { get; init; } = "";

    /// <summary>The folder (set) the file is in, relative to the corpus root.</summary>
    [JsonIgnore]
    public string Set { get; set; } = "";

    [JsonIgnore]
    public string Path => System.IO.Path.Combine(Set, File);

    /// <summary>Nothing wrong but the cut: a partial copy of a report a reader finds correct.</summary>
    [JsonIgnore]
    public bool CorrectAsFarAsItGoes => MustFind.All(m => m.Rule == RuleId.S7);
}

public sealed record CorpusExpectation(string Rule, string Where = "", string Why = "");

/// <summary>A gap the checker still has on one fixture: a must-find it misses, or a rule it raises falsely.</summary>
public sealed record KnownGap(string File, string Rule, string Kind, string Cause);

/// <summary>One fixture checked: the findings that count (error and warning), and how they compare with the reader.</summary>
public sealed record CorpusResult(CorpusFixture Fixture, IReadOnlyList<Finding> Findings)
{
    /// <summary>Findings whose rule the reader did not find (nor thought debatable).</summary>
    public IReadOnlyList<Finding> False => Findings.Where(f => !Fixture.MustFind.Concat(Fixture.MayFind).Any(m => m.Rule == f.RuleId)).ToList();

    /// <summary>Rules the reader found that the checker did not raise.</summary>
    public IReadOnlyList<string> Missed => Fixture.MustFind.Select(m => m.Rule).Distinct().Where(r => !Findings.Any(f => f.RuleId == r)).ToList();
}

/// <summary>
/// The checker measured on a corpus of real published reports (tests/Gongkai.IntegrationTests/Checker/Corpus): each
/// set folder holds report files and an expected.json of what a careful reader finds in each. Precision counts the
/// error and warning findings whose rule the reader found (or marked debatable), per finding and per distinct cause
/// (a rule in a file); recall counts the reader's must-find rules the checker raises.
/// </summary>
public static class CorpusScore
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static List<CorpusFixture> Fixtures(string root)
    {
        var fixtures = new List<CorpusFixture>();
        foreach (var expected in Directory.GetFiles(root, "expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var set = System.IO.Path.GetRelativePath(root, System.IO.Path.GetDirectoryName(expected)!);
            using var stream = File.OpenRead(expected);
            var document = JsonSerializer.Deserialize<FixtureFile>(stream, Json) ?? new FixtureFile();
            foreach (var fixture in document.Fixtures)
            {
                fixture.Set = set;
                fixtures.Add(fixture);
            }
        }

        return fixtures;
    }

    public static List<KnownGap> KnownGaps(string root)
    {
        var path = System.IO.Path.Combine(root, "known-gaps.json");
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<GapFile>(stream, Json)?.Gaps ?? [];
    }

    public static CorpusResult Check(string root, CorpusFixture fixture)
    {
        var path = System.IO.Path.Combine(root, fixture.Path);
        var report = ReportCheck.Read(fixture.File, File.ReadAllBytes(path));
        var findings = Core.Checker.ReportChecker.Check(report).Where(f => f.Severity != Severity.Info).ToList();
        return new(fixture, findings);
    }

    public sealed record Score(int Files, int Findings, int RightFindings, int Causes, int RightCauses, int MustFind, int Found, int CleanFiles, int CleanFilesClean)
    {
        public double Precision => Findings == 0 ? 1 : (double)RightFindings / Findings;
        public double CausePrecision => Causes == 0 ? 1 : (double)RightCauses / Causes;
        public double Recall => MustFind == 0 ? 1 : (double)Found / MustFind;
    }

    public static Score Measure(IReadOnlyList<CorpusResult> results)
    {
        var findings = results.Sum(r => r.Findings.Count);
        var falseFindings = results.Sum(r => r.False.Count);
        var causes = results.Sum(r => r.Findings.Select(f => f.RuleId).Distinct().Count());
        var falseCauses = results.Sum(r => r.False.Select(f => f.RuleId).Distinct().Count());
        var mustFind = results.Sum(r => r.Fixture.MustFind.Select(m => m.Rule).Distinct().Count());
        var missed = results.Sum(r => r.Missed.Count);
        var clean = results.Where(r => r.Fixture.CorrectAsFarAsItGoes).ToList();
        return new(results.Count, findings, findings - falseFindings, causes, causes - falseCauses, mustFind, mustFind - missed, clean.Count, clean.Count(r => r.False.Count == 0));
    }

    /// <summary>The measurement as printed by the benchmark command and recorded in bench/README.md.</summary>
    public static string Print(IReadOnlyList<CorpusResult> results, bool verbose = false)
    {
        var score = Measure(results);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Corpus: {score.Files} real reports ({results.Count(r => r.Fixture.Complete)} complete, {results.Count(r => !r.Fixture.Complete)} partial copies)");
        text.AppendLine(inv, $"Precision per finding:        {score.RightFindings}/{score.Findings} = {score.Precision:P1}");
        text.AppendLine(inv, $"Precision per distinct cause: {score.RightCauses}/{score.Causes} = {score.CausePrecision:P1}");
        text.AppendLine(inv, $"Recall (must-find rules):     {score.Found}/{score.MustFind} = {score.Recall:P1}");
        text.AppendLine(inv, $"Correct as far as they go:    {score.CleanFilesClean}/{score.CleanFiles} without a false error or warning");
        foreach (var result in results.Where(r => r.False.Count > 0 || r.Missed.Count > 0))
        {
            text.Append(inv, $"  {result.Fixture.Path}:");
            if (result.False.Count > 0)
            {
                text.Append(inv, $" false {string.Join(",", result.False.Select(f => f.RuleId).Distinct())}");
            }

            if (result.Missed.Count > 0)
            {
                text.Append(inv, $" missed {string.Join(",", result.Missed)}");
            }

            text.AppendLine();
            if (verbose)
            {
                foreach (var finding in result.False)
                {
                    text.AppendLine(inv, $"      false [{finding.RuleId}] {finding.Location}：{finding.Message}");
                }

                foreach (var rule in result.Missed)
                {
                    var expected = result.Fixture.MustFind.First(m => m.Rule == rule);
                    text.AppendLine(inv, $"      missed [{rule}] {expected.Where}：{expected.Why}");
                }
            }
        }

        return text.ToString();
    }

    private sealed record FixtureFile
    {
        public List<CorpusFixture> Fixtures { get; init; } = [];
    }

    private sealed record GapFile
    {
        public List<KnownGap> Gaps { get; init; } = [];
    }
}
