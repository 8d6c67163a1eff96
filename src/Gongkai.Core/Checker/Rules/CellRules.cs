using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>C1 (a number cell blank, a placeholder or words) and C2 (a negative or fractional count), on the cells as printed.</summary>
public sealed class CellRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.C1, RuleId.C2];

    public bool ReadsText => false;

    public void Check(CheckContext context)
    {
        var report = context.Report;
        var rows = ReportFormats.RequestRows(report.Format ?? ReportFormat.V2021);
        foreach (var (row, (cells, line)) in report.Requests)
        {
            var label = rows.FirstOrDefault(r => r.Id == row)?.Label ?? row.ToString();
            if (!report.UnreadRows.Contains(row))
            {
                NotNumbers(context, $"{Line(line)} · 表三 · {label}", cells, i => ApplicantColumns.All[i].Label(), Severity.Error);
            }

            foreach (var column in ApplicantColumns.All)
            {
                var cell = cells[(int)column];
                if (cell.Kind == CellKind.Number && (cell.Value < 0 || decimal.Truncate(cell.Value) != cell.Value))
                {
                    context.Add(new(RuleId.C2, Severity.Error, $"{Line(line)} · 表三 · {label} · {column.Label()}", $"申请件数应为不小于 0 的整数，表中为“{cell.Raw.Trim()}”。"));
                }
            }
        }

        if (report.Appeals is { } appeals)
        {
            var labels = ReportFormats.AppealGroups.SelectMany(g => AppealColumns.All.Select(c => $"{g.Group}{(g.Subgroup is null ? "" : "·" + g.Subgroup)}·{c.Label()}")).ToList();
            if (appeals.Cells.All(c => c.Kind == CellKind.Blank))
            {
                context.Add(new(RuleId.C1, Severity.Error, $"{Line(appeals.Line)} · 表四", "表四只印了表头，15 个格子都没有数字。没有案件时每格应填 0。"));
            }
            else
            {
                NotNumbers(context, $"{Line(appeals.Line)} · 表四", appeals.Cells, i => labels[i], Severity.Error);
            }
        }

        foreach (var ((item, row), (cells, line)) in report.Article20)
        {
            var table = Article20Formats.Tables(report.Format ?? ReportFormat.V2021).First(t => t.Item == item);
            NotNumbers(context, $"{Line(line)} · 表二 · {item} · {row}", cells, i => table.Columns[i], Severity.Warning);
        }
    }

    /// <summary>C1: cells that hold no number: blank, "/", "-", "无" or words.</summary>
    private static void NotNumbers(CheckContext context, string location, PrintedCell[] cells, Func<int, string> column, Severity severity)
    {
        var bad = cells.Select((c, i) => (Cell: c, Column: i)).Where(x => x.Cell.Kind != CellKind.Number).ToList();
        if (bad.Count > 0)
        {
            context.Add(new(RuleId.C1, severity, location,
                $"{string.Join("、", bad.Select(b => $"“{column(b.Column)}”{(b.Cell.Kind == CellKind.Blank ? "空白" : $"为“{b.Cell.Raw.Trim()}”")}"))}：格式要求填写数字，没有的填 0。"));
        }
    }
}
