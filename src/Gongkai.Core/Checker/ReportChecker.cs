using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;

namespace Gongkai.Core.Checker;

/// <summary>
/// The checks of docs/report-check.md on a published report: A (arithmetic, by the same rules a generated report
/// passes), B (cells as printed), C (structure and version), D (the text against the tables), and from E: X2, and
/// T5 and X3 when last year's report is given. Every finding names its rule, where, the numbers, and why. The rules
/// are grouped in <see cref="RuleRegistry"/>; what applies across them is here: a text cut short (S7) and the bound
/// on findings per rule.
/// </summary>
public static partial class ReportChecker
{
    /// <summary>The findings; <paramref name="ct"/> (a time budget, a client gone) is observed between rule groups and every 256 lines.</summary>
    public static IReadOnlyList<Finding> Check(PublishedReport report, PublishedReport? previous = null, CancellationToken ct = default)
    {
        var context = new CheckContext(report, previous, ct);
        foreach (var group in RuleRegistry.Groups)
        {
            ct.ThrowIfCancellationRequested();
            if (!(group.ReadsText && report.TablesOnly))
            {
                group.Check(context);
            }
        }

        var findings = Verbatim(report, context.Findings);
        return Bounded(report.EndsEarly is { } end && !report.TablesOnly ? EndsEarly.Kept(report, end, findings) : findings);
    }

    /// <summary>
    /// The rules read normalized text (full-width punctuation folded, Traditional characters simplified); what a
    /// finding quotes of its line is given back as the report prints it.
    /// </summary>
    private static List<Finding> Verbatim(PublishedReport report, List<Finding> findings)
    {
        var lines = report.Lines.ToDictionary(l => l.Number);
        return findings.Select(finding =>
        {
            if (LineNumber().Match(finding.Location) is not { Success: true } at || !lines.TryGetValue(int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture), out var line))
            {
                return finding;
            }

            var message = Quoted().Replace(finding.Message, m =>
            {
                var quoted = m.Groups["text"].Value;
                var shortened = quoted.EndsWith('…');
                var fragment = shortened ? quoted[..^1] : quoted;
                return line.Verbatim(fragment) is { } printed && printed != fragment ? $"“{printed}{(shortened ? "…" : "")}”" : m.Value;
            });
            return message == finding.Message ? finding : finding with { Message = message };
        }).ToList();
    }

    [GeneratedRegex(@"^第(\d+)行")]
    private static partial Regex LineNumber();

    [GeneratedRegex(@"“(?<text>[^“”]+)”")]
    private static partial Regex Quoted();

    /// <summary>At most this many findings of one rule are listed for one report; the rest are counted in one more.</summary>
    public const int MaxFindingsPerRule = 20;

    /// <summary>
    /// A report that gets one thing wrong everywhere (a blank in every cell, a page furniture line on every page)
    /// would bury the other findings: each rule lists its first <see cref="MaxFindingsPerRule"/>, and one more finding
    /// of the same rule counts the rest, as severe as the most severe of them.
    /// </summary>
    private static List<Finding> Bounded(List<Finding> findings)
    {
        var byRule = findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).Where(g => g.Count() > MaxFindingsPerRule).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (byRule.Count == 0)
        {
            return findings;
        }

        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        var bounded = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (!byRule.TryGetValue(finding.RuleId, out var all))
            {
                bounded.Add(finding);
                continue;
            }

            var count = shown[finding.RuleId] = shown.GetValueOrDefault(finding.RuleId) + 1;
            if (count <= MaxFindingsPerRule)
            {
                bounded.Add(finding);
            }

            if (count == MaxFindingsPerRule)
            {
                var omitted = all.Skip(MaxFindingsPerRule).ToList();
                bounded.Add(new(finding.RuleId, omitted.Max(f => f.Severity), LineOf().Match(omitted[0].Location) is { Success: true } from ? from.Value + "起" : "全文",
                    string.Create(CultureInfo.InvariantCulture, $"另有 {omitted.Count} 处同类问题，未逐一列出。")));
            }
        }

        return bounded;
    }

    [GeneratedRegex(@"^第\d+行")]
    private static partial Regex LineOf();
}
