using System.Globalization;
using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Checker.Rules;

/// <summary>X3: sections 一 and 五 nearly the same as last year's (内容雷同); needs last year's report.</summary>
public sealed class SamenessRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.X3];

    public bool ReadsText => true;

    public void Check(CheckContext context)
    {
        if (context.Previous is not { } previous)
        {
            return;
        }

        var report = context.Report;
        foreach (var section in new[] { 1, 5 })
        {
            var now = SectionText(report, section);
            var before = SectionText(previous, section);
            if (now.Length < 50 || before.Length < 50)
            {
                continue;
            }

            var a = Shingles(now);
            var b = Shingles(before);
            var similarity = (double)a.Intersect(b).Count() / a.Union(b).Count();
            if (similarity >= 0.8)
            {
                context.Add(new(RuleId.X3, Severity.Warning, ReportFormats.Sections[section - 1],
                    string.Create(CultureInfo.InvariantCulture, $"与上一年度报告的同一部分有 {similarity:P0} 相同，疑似照搬（内容雷同）。")));
            }
        }
    }

    private static string SectionText(PublishedReport report, int section)
    {
        if (!report.Sections.TryGetValue(section, out var from))
        {
            return "";
        }

        var to = report.Sections.Where(s => s.Value > from).Select(s => s.Value).DefaultIfEmpty(int.MaxValue).Min();
        return string.Concat(report.Prose.Where(l => l.Number > from && l.Number < to).Select(l => l.Compact));
    }

    private static HashSet<string> Shingles(string text) => Enumerable.Range(0, Math.Max(0, text.Length - 3)).Select(i => text.Substring(i, 4)).ToHashSet();
}
