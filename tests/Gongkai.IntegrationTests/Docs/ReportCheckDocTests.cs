using System.Text.RegularExpressions;
using Gongkai.Core.Checker.Rules;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Docs;

/// <summary>The rules docs/report-check.md documents are the rules the checker runs: neither can gain or lose one alone.</summary>
public sealed partial class ReportCheckDocTests
{
    [Fact]
    public void The_documented_rule_ids_are_the_registry_s_rule_ids()
    {
        var doc = File.ReadAllLines(Path.Combine(Documents.RepositoryRoot(), "docs", "report-check.md"));
        var rules = doc.SkipWhile(l => l != "## Rules").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => IdCell().Match(l)).Where(m => m.Success).SelectMany(Expand).ToList();

        Assert.True(rules.Count > 20, $"Expected the table of rules in docs/report-check.md; found {rules.Count} ids.");
        Assert.Equal(rules.Count, rules.Distinct().Count());
        Assert.Equal(RuleRegistry.RuleIds.Order(StringComparer.Ordinal), rules.Order(StringComparer.Ordinal));
    }

    /// <summary>“T5”, or a range “T1–T4” for T1, T2, T3 and T4.</summary>
    private static IEnumerable<string> Expand(Match cell)
    {
        var letter = cell.Groups["letter"].Value;
        var from = int.Parse(cell.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var to = cell.Groups["to"].Success ? int.Parse(cell.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
        return Enumerable.Range(from, to - from + 1).Select(n => letter + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\| (?<letter>[A-Z])(?<from>\d+)(?:–\k<letter>(?<to>\d+))? \|")]
    private static partial Regex IdCell();
}
