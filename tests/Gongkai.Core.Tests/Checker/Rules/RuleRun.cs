using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Core.Checker.Rules;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>One rule group alone on a report's lines (and last year's): only its own findings, as the registry would get them.</summary>
public static class RuleRun
{
    public static List<Finding> Run(IRuleGroup group, IReadOnlyList<string> lines, IReadOnlyList<string>? previous = null)
    {
        var context = new CheckContext(ReportParser.Parse(lines), previous is null ? null : ReportParser.Parse(previous), default);
        group.Check(context);
        return context.Findings;
    }

    /// <summary>The lines with the one that starts with <paramref name="start"/> replaced.</summary>
    public static List<string> Replace(List<string> lines, string start, string with)
    {
        var at = lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(at >= 0, $"No line starts with “{start}”.");
        lines[at] = with;
        return lines;
    }
}
