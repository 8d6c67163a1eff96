using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Checker;

// Table 三 (收到和处理政府信息公开申请情况): its rows by label, printed sub-totals, the columns' order, rows the format does not have.
public static partial class ReportParser
{
    private static void ReadRequestTable(PublishedReport report, List<ReportLine> lines, ReportFormat format, int from, int to, HashSet<int> consumed, CancellationToken ct)
    {
        var leaves = RequestTableLines(lines, format, from, to);
        var columns = ApplicantColumns.All.Count;
        var at = from;
        foreach (var row in ReportFormats.RequestRows(format))
        {
            if (row.Kind == RowKind.Heading)
            {
                // A group's own row counts only when numbers follow its label directly (a printed sub-total).
                if (row.Depth > 0 && FindKey(lines, RowKey(row.Label), at, to, [], ct) is { } group)
                {
                    var tokens = CellsAfterLabel(group.After);
                    if (tokens.Count >= columns && tokens.Take(columns).All(t => t.Length == 0 || PrintedCell.IsCellToken(t)) && tokens.Take(columns).Any(PrintedCell.IsCellToken))
                    {
                        report.Subtotals[row.Id] = ([.. tokens.Take(columns).Select(PrintedCell.Parse)], lines[group.Index].Number);
                        consumed.Add(group.Index);
                    }
                }

                continue;
            }

            var found = Find(leaves, RowKey(row.Label), at, to, consumed, ct);
            if (found is null)
            {
                report.Unmapped.Add($"表三未找到“{row.Label}”一行。");
                continue;
            }

            report.Requests[row.Id] = (Collect(leaves, found.Value, columns, consumed, out var unplaced), lines[found.Value.Index].Number);
            if (unplaced)
            {
                report.UnreadRows.Add(row.Id);
            }
            at = found.Value.Index + 1;
        }
    }

    // The request table's applicant columns in the format's order, each with the wording variants reports use.
    private static readonly string[][] ColumnNames =
    [
        ["自然人"],
        ["商业企业"],
        ["科研机构"],
        ["社会公益组织", "社会组织", "公益组织"],
        ["法律服务机构"],
    ];

    /// <summary>
    /// The cells are read in the format's column order; the header says whether that holds. Columns in another order
    /// cannot be read reliably (S3 warning).
    /// </summary>
    private static void CheckColumns(PublishedReport report, List<ReportLine> lines, int from)
    {
        if (report.Requests.Count == 0)
        {
            return;
        }

        var firstRow = report.Requests.Values.Min(r => r.Line);
        var header = string.Concat(lines.Where(l => l.Number < firstRow && l.Number >= (from < lines.Count ? lines[from].Number : 0)).Select(l => l.Compact));
        var positions = ColumnNames.Select(names => names.Select(n => header.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min()).ToList();
        // Names split over lines (a PDF's narrow header cells) are not found: then the order is assumed, silently.
        if (positions.All(p => p >= 0) && !positions.SequenceEqual(positions.Order()))
        {
            report.Unmapped.Add("表三的列顺序与格式不同（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），各列数字可能对应错误。");
        }
    }

    /// <summary>Lines among the request table's rows that look like rows (a label and seven numbers) but are not the format's.</summary>
    private static void FindExtraRows(PublishedReport report, List<ReportLine> lines, HashSet<int> consumed, CancellationToken ct)
    {
        if (report.Requests.Count == 0)
        {
            return;
        }

        var first = report.Requests.Values.Min(r => r.Line);
        var last = report.Requests.Values.Max(r => r.Line);
        for (var i = 0; i < lines.Count; i++)
        {
            Tick(i, ct);
            if (lines[i].Number > first && lines[i].Number < last && !consumed.Contains(i))
            {
                var tokens = LineCells(lines[i].Normalized);
                var label = string.Concat(tokens.TakeWhile(t => t.Length > 0 && !PrintedCell.IsCellToken(t)));
                var cells = tokens.SkipWhile(t => t.Length > 0 && !PrintedCell.IsCellToken(t)).ToList();
                if (label.Length > 0 && cells.Count >= ApplicantColumns.All.Count && cells.Count(PrintedCell.IsCellToken) > 0 && cells.All(t => t.Length == 0 || PrintedCell.IsCellToken(t)))
                {
                    report.ExtraRows.Add((lines[i].Number, label));
                    consumed.Add(i);
                }
            }
        }
    }

    /// <summary>
    /// Table 三's lines made readable row by row, line numbers kept. A page break inside the table repeats what was
    /// printed above the table's first row (the column headers, a running title): those lines are blanked, so that a
    /// row split by the break joins up. The table's heading cells merged down several rows (三、本年度办理结果,
    /// （四）无法提供) print, in text that keeps a page's layout, in pieces before the rows' own labels: "（四）无
    /// 1.本机关不掌握…", then "法提供  2.没有现成信息…"; the pieces are taken off the start of the lines. A whole
    /// heading followed only by numbers is its own row (a printed subtotal) and stays.
    /// </summary>
    private static List<ReportLine> RequestTableLines(List<ReportLine> lines, ReportFormat format, int from, int to)
    {
        to = Math.Min(to, lines.Count);
        var headings = ReportFormats.RequestRows(format).Where(r => r.Kind == RowKind.Heading).Select(r => ReportText.Compact(r.Label)).ToList();
        var firstRow = from;
        while (firstRow < to && (lines[firstRow].Normalized.Length > MaxRowText || !HasCells(lines[firstRow].Row.Cells)))
        {
            firstRow++;
        }

        var above = lines.Take(firstRow).Where(l => l.Normalized.Length <= MaxRowText && l.Row.Cells.Length == 0 && !l.Normalized.Contains('。', StringComparison.Ordinal))
            .Select(l => l.Compact).Where(t => t.Length >= 2).ToHashSet(StringComparer.Ordinal);
        List<ReportLine>? copy = null;
        for (var i = from; i < to; i++)
        {
            var text = lines[i].Normalized;
            var rest = text;
            if (i > firstRow && text.Length <= MaxRowText && lines[i].Row.Cells.Length == 0
                && (above.Contains(lines[i].Compact) || IsColumnHeader(lines[i].Compact)))
            {
                rest = "";
            }

            while (HeadingPiece(rest, headings) is { } shorter)
            {
                rest = shorter;
            }

            if (!ReferenceEquals(rest, text))
            {
                copy ??= [.. lines];
                copy[i] = new ReportLine(lines[i].Number, rest);
            }
        }

        return copy ?? lines;
    }

    private static readonly string[] HeaderWords = ["申请人情况", "法人或其他组织", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    /// <summary>A line of table 三's column headers: nothing but their names (repeated at the top of a page).</summary>
    private static bool IsColumnHeader(string compact)
    {
        var rest = compact;
        var words = 0;
        foreach (var word in HeaderWords)
        {
            if (rest.Contains(word, StringComparison.Ordinal))
            {
                rest = rest.Replace(word, "", StringComparison.Ordinal);
                words++;
            }
        }

        return rest.Length == 0 && (words >= 3 || compact is "申请人情况" or "法人或其他组织");
    }

    /// <summary>The line without its first word, when that word is a piece of a heading's label.</summary>
    private static string? HeadingPiece(string text, List<string> headings)
    {
        var trimmed = text.TrimStart();
        var space = trimmed.AsSpan().IndexOfAny(" \t\u3000");
        var word = space < 0 ? trimmed : trimmed[..space];
        if (word.Length == 0 || PrintedCell.IsCellToken(word) || (word.Length < 2 && space < 0))
        {
            return null;
        }

        var compact = ReportText.Compact(word);
        if (!headings.Any(h => h.Contains(compact, StringComparison.Ordinal)))
        {
            return null;
        }

        var rest = space < 0 ? "" : trimmed[space..];
        return headings.Contains(compact) && rest.Trim().Length > 0 && SplitRow(rest).Label.Length == 0 ? null : rest.TrimStart(' ', '\u3000');
    }
}
