using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Infrastructure.Checker;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Checker;

/// <summary>
/// The checker on real published reports (Corpus/README.md): every rule a careful reader found is raised, and no
/// rule is raised that the reader did not find — except the gaps listed in known-gaps.json, each with its cause. A
/// listed gap that closes fails too, so the list only shrinks.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Root = Path.Combine(Documents.RepositoryRoot(), "tests", "Gongkai.IntegrationTests", "Checker", "Corpus");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in CorpusScore.Fixtures(Root))
        {
            data.Add(fixture.Path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_real_report_gets_what_a_careful_reader_finds(string path)
    {
        var fixture = CorpusScore.Fixtures(Root).Single(f => f.Path == path);
        var gaps = CorpusScore.KnownGaps(Root).Where(g => g.File == path).ToList();
        var result = CorpusScore.Check(Root, fixture);

        var missed = result.Missed.Where(r => !gaps.Any(g => g.Kind == "miss" && g.Rule == r)).ToList();
        var wrong = result.False.Select(f => f.RuleId).Distinct().Where(r => !gaps.Any(g => g.Kind == "false" && g.Rule == r)).ToList();
        var closed = gaps.Where(g => g.Kind == "miss" ? !result.Missed.Contains(g.Rule) : result.False.All(f => f.RuleId != g.Rule)).ToList();

        Assert.True(missed.Count == 0 && wrong.Count == 0 && closed.Count == 0, string.Join("\n",
            missed.Select(r => $"missed {r}: {fixture.MustFind.First(m => m.Rule == r).Why}")
                .Concat(result.False.Where(f => wrong.Contains(f.RuleId)).Select(f => $"false [{f.RuleId}] {f.Location}：{f.Message}"))
                .Concat(closed.Select(g => $"gap closed, remove it from known-gaps.json: {g.Kind} {g.Rule}"))));
    }

    /// <summary>Every fixture that is a partial copy is said to be one (S7).</summary>
    [Fact]
    public void Every_partial_copy_is_flagged_as_cut()
    {
        var gaps = CorpusScore.KnownGaps(Root);
        var unflagged = CorpusScore.Fixtures(Root).Where(f => !f.Complete && !gaps.Any(g => g.File == f.Path && g.Rule == "S7"))
            .Where(f => CorpusScore.Check(Root, f).Findings.All(x => x.RuleId != "S7")).Select(f => f.Path).ToList();
        Assert.Empty(unflagged);
    }

    /// <summary>
    /// The complete reports cut at every tenth of their lines: each copy is flagged S7, and nothing is found in it
    /// that is not found in the whole report (no finding rests on what is missing).
    /// </summary>
    [Fact]
    public void A_complete_report_cut_anywhere_is_flagged_and_gets_nothing_new()
    {
        var complete = CorpusScore.Fixtures(Root).Where(f => f.Complete).ToList();
        Assert.NotEmpty(complete);
        var problems = new List<string>();
        foreach (var fixture in complete)
        {
            var lines = ReportReaders.Read(fixture.File, File.ReadAllBytes(Path.Combine(Root, fixture.Path)));
            var whole = ReportChecker.Check(ReportParser.Parse(lines)).Select(f => f.RuleId).ToHashSet();
            var start = lines.ToList().FindIndex(l => l.Contains("收到和处理", StringComparison.Ordinal));
            for (var tenth = 3; tenth <= 9; tenth++)
            {
                var cut = lines.Take(Math.Max(start + 2, lines.Count * tenth / 10)).ToList();
                if (cut.Count >= lines.Count - 2)
                {
                    continue;
                }

                var findings = ReportChecker.Check(ReportParser.Parse(cut)).Where(f => f.Severity != Severity.Info).ToList();
                if (findings.All(f => f.RuleId != "S7"))
                {
                    problems.Add($"{fixture.Path} cut at line {cut.Count}: not flagged S7");
                }

                problems.AddRange(findings.Where(f => f.RuleId != "S7" && !whole.Contains(f.RuleId)).Select(f => $"{fixture.Path} cut at line {cut.Count}: new [{f.RuleId}] {f.Location}：{f.Message}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
