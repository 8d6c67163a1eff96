using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Checker;

// Table 四 (行政复议、行政诉讼): its header, then the fifteen numbers of its one row.
public static partial class ReportParser
{
    private static void ReadAppeals(PublishedReport report, List<ReportLine> lines, int from, int to, HashSet<int> consumed, CancellationToken ct)
    {
        var header = -1;
        for (var i = from; i < Math.Min(to, lines.Count); i++)
        {
            Tick(i, ct);
            // “结果维持” may be wrapped in its narrow cell (结果维 / 持).
            var compact = lines[i].Compact;
            if (compact.Contains("结果维", StringComparison.Ordinal) || compact.Contains("尚未审", StringComparison.Ordinal))
            {
                header = i;
                break;
            }
        }

        if (header < 0)
        {
            report.Unmapped.Add("未找到表四（行政复议、行政诉讼情况）的表头。");
            return;
        }

        var count = AppealColumns.PrintedCount;
        var cells = new List<PrintedCell>();
        var first = -1;
        for (var i = header; i < Math.Min(to, lines.Count) && cells.Count < count; i++)
        {
            var tokens = LineCells(lines[i].Normalized);
            // A line that keeps its cells keeps its blank ones too, when it holds numbers at all.
            var numbers = tokens.Any(PrintedCell.IsCellToken) ? tokens.Where(t => t.Length == 0 || PrintedCell.IsCellToken(t)).ToList() : [];
            var words = tokens.Count(t => t.Length > 0 && !PrintedCell.IsCellToken(t));
            if (words > 0 && numbers.Count == 0)
            {
                // A header line, or the prose after the table: the numbers row is not there.
                if (!lines[i].Compact.Any(c => "结果维持纠正其他尚未审结总计行政复议诉讼未经直接起诉后".Contains(c, StringComparison.Ordinal)))
                {
                    break;
                }

                consumed.Add(i);
                continue;
            }

            first = first < 0 ? i : first;
            cells.AddRange(numbers.Take(count - cells.Count).Select(PrintedCell.Parse));
            consumed.Add(i);
        }

        while (cells.Count < count)
        {
            cells.Add(PrintedCell.Missing);
        }

        report.Appeals = ([.. cells], lines[first < 0 ? header : first].Number);
    }
}
