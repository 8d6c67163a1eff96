using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Checker;

// Table 二 (主动公开, Art. 20): each item's title, then its rows.
public static partial class ReportParser
{
    private static void ReadArticle20(PublishedReport report, List<ReportLine> lines, ReportFormat format, int from, int to, HashSet<int> consumed, CancellationToken ct)
    {
        var tables = Article20Formats.Tables(format);
        var at = from;
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var item = Find(lines, ReportText.Compact(table.Item), at, to, consumed, ct);
            if (item is null)
            {
                report.Unmapped.Add($"表二未找到“{table.Item}”。");
                continue;
            }

            consumed.Add(item.Value.Index);
            report.Article20Items[table.Item] = lines[item.Value.Index].Number;
            at = item.Value.Index + 1;
            var next = t + 1 < tables.Count ? Find(lines, ReportText.Compact(tables[t + 1].Item), at, to, [], ct) : null;
            foreach (var row in table.Rows)
            {
                var found = Find(lines, ReportText.Compact(row), at, next?.Index ?? to, consumed, ct);
                if (found is null)
                {
                    report.Unmapped.Add($"表二{table.Item}未找到“{row}”一行。");
                    continue;
                }

                report.Article20[(table.Item, row)] = (Collect(lines, found.Value, table.Columns.Count, consumed), lines[found.Value.Index].Number);
            }

            // Column header lines inside the item belong to the table, not the prose.
            for (var i = at; i < (next?.Index ?? Math.Min(to, lines.Count)); i++)
            {
                consumed.Add(i);
            }
        }
    }
}
