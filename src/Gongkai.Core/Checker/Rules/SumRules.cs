using System.Globalization;
using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// The arithmetic of the tables over what was read: T1–T5 by the same rules a generated report passes
/// (<see cref="ReportRules"/>, with T5 against last year's report when given), left out where they need a row that
/// was not read (<see cref="ReadSums"/>, S3), and T6, the sub-totals a report prints on a group's own row.
/// </summary>
public sealed class SumRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.T1, RuleId.T2, RuleId.T3, RuleId.T4, RuleId.T5, RuleId.T6, RuleId.S3];

    public bool ReadsText => false;

    public void Check(CheckContext context)
    {
        var (report, previous) = (context.Report, context.Previous);
        if (report.Requests.Count > 0)
        {
            // C2 over the cells as printed is CellRules' (a negative count is read as printed there).
            var lastYear = previous is { Requests.Count: > 0 } ? previous.RequestTable() : null;
            var sums = ReportRules.Check(report.RequestTable(), report.AppealsTable(), lastYear).Where(f => f.RuleId != RuleId.C2);
            context.Findings.AddRange(ReadSums.Kept(report, sums, context.Findings));
        }

        Subtotals(context);
    }

    /// <summary>T6: sub-totals a report prints on a group's row equal the sum of the group's rows.</summary>
    private static void Subtotals(CheckContext context)
    {
        var report = context.Report;
        var rows = ReportFormats.RequestRows(report.Format ?? ReportFormat.V2021);
        var table = report.RequestTable();
        foreach (var (group, (cells, line)) in report.Subtotals)
        {
            var heading = rows.First(r => r.Id == group);
            foreach (var column in ApplicantColumns.All)
            {
                var cell = cells[(int)column];
                var sum = heading.Category is { } category ? table.CategoryTotal(category, column) : 0;
                if (cell.Kind == CellKind.Number && cell.Value != sum)
                {
                    context.Add(new(RuleId.T6, Severity.Error, $"{Line(line)} · 表三 · {heading.Label} · {column.Label()}",
                        string.Create(CultureInfo.InvariantCulture, $"小计为 {cell.Value}，但其下各项之和为 {sum}。")));
                }
            }
        }
    }
}
