using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>X2: from the 2021 format, section 六 states the processing fees collected (even “未收取”).</summary>
public sealed class FeeRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.X2];

    public bool ReadsText => true;

    public void Check(CheckContext context)
    {
        var report = context.Report;
        if (report.Format == ReportFormat.V2021 && report.Sections.TryGetValue(6, out var six))
        {
            var sixth = report.Prose.Where(l => l.Number > six).Select(l => l.Compact);
            if (!sixth.Any(t => t.Contains("费", StringComparison.Ordinal)))
            {
                context.Add(new(RuleId.X2, Severity.Warning, Line(six), "2021 年版格式要求在第六部分说明收取信息处理费的情况（未收取也应写明）。"));
            }
        }
    }
}
