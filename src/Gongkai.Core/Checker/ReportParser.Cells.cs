using System.Text.RegularExpressions;

namespace Gongkai.Core.Checker;

// A row's cells as printed: blank cells kept in their columns where the line shows them (tabs, bars).
public static partial class ReportParser
{
    /// <summary>Up to <paramref name="count"/> cells after a label: on its line, then one or more per following line.</summary>
    private static PrintedCell[] Collect(List<ReportLine> lines, (int Index, string After, int Span) found, int count, HashSet<int> consumed) =>
        Collect(lines, found, count, consumed, out _);

    /// <summary>The row's cells; <paramref name="unplaced"/> when some numbers were read from a line without cell borders and fewer than the columns.</summary>
    private static PrintedCell[] Collect(List<ReportLine> lines, (int Index, string After, int Span) found, int count, HashSet<int> consumed, out bool unplaced)
    {
        var borderless = false;
        var rest = found.After;
        // Words before the first cell are the rest of a wrapped label; words after the cells end the row. Where the
        // line keeps its cells (tabs, bars), a blank cell stays in its column.
        var row = CellsAfterLabel(rest).SkipWhile(t => t.Length > 0 && !PrintedCell.IsCellToken(t))
            .TakeWhile(t => t.Length == 0 || PrintedCell.IsCellToken(t)).ToList();
        FitRow(row, count, HasCellSeparators(rest) && rest.TrimEnd(' ').EndsWith('\t') || rest.TrimEnd(' ').EndsWith('|'));
        var cells = row.Take(count).Select(PrintedCell.Parse).ToList();
        borderless |= cells.Count > 0 && !HasCellSeparators(rest);

        for (var i = 0; i < found.Span; i++)
        {
            consumed.Add(found.Index + i);
        }

        // One cell per line (or a row split over lines): take following lines made only of cells.
        for (var i = found.Index + found.Span; i < lines.Count && cells.Count < count; i++)
        {
            var tokens = LineCells(lines[i].Normalized);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (!tokens.All(t => t.Length == 0 || PrintedCell.IsCellToken(t)))
            {
                break;
            }

            cells.AddRange(tokens.Take(count - cells.Count).Select(PrintedCell.Parse));
            borderless |= !HasCellSeparators(lines[i].Normalized);
            consumed.Add(i);
        }

        unplaced = borderless && cells.Count < count;
        while (cells.Count < count)
        {
            cells.Add(PrintedCell.Missing);
        }

        return [.. cells];
    }

    private static IEnumerable<string> Tokens(string text) => CellSeparator().Split(text).Where(t => t.Length > 0);

    /// <summary>
    /// A row with more cells than the table has columns carries blank cells that are the table's structure, not its
    /// data: a label cell merged across two columns leaves a blank before the numbers, a filler column one after
    /// them. Only the surplus is dropped, trailing filler first when the row ends with a separator, then leading
    /// blanks, so that a blank data cell keeps its column.
    /// </summary>
    private static void FitRow(List<string> row, int count, bool endsWithSeparator)
    {
        if (endsWithSeparator)
        {
            while (row.Count > count && row[^1].Length == 0)
            {
                row.RemoveAt(row.Count - 1);
            }
        }

        while (row.Count > count && row[0].Length == 0)
        {
            row.RemoveAt(0);
        }

        while (row.Count > count && row[^1].Length == 0)
        {
            row.RemoveAt(row.Count - 1);
        }
    }

    private static bool HasCellSeparators(string text) => text.AsSpan().IndexOfAny('\t', '|') >= 0;

    /// <summary>
    /// The cells of a line as printed. A line with tabs (HTML, .docx, spreadsheets, tab-separated text) or vertical
    /// bars (tables copied from web pages) keeps its cells: every separator ends a cell, so a blank cell stays blank
    /// and in its column. Bars may open and close a row ("| a | b |") or end each cell ("a |"); a line of bars alone
    /// is that many blank cells. A line without separators (space-aligned text) splits on runs of white space,
    /// where a blank cell cannot be seen.
    /// </summary>
    internal static List<string> LineCells(string text)
    {
        if (!HasCellSeparators(text))
        {
            return Tokens(text).ToList();
        }

        if (!text.Contains('\t', StringComparison.Ordinal) && text.Trim().Trim('|').Trim().Length == 0)
        {
            return Enumerable.Repeat("", text.Count(c => c == '|')).ToList();
        }

        var pieces = SingleSeparator().Split(text).ToList();
        var trimmed = text.Trim(' ');
        if (trimmed.Length > 0 && trimmed[0] == '|' && pieces.Count > 0 && pieces[0].Trim().Length == 0)
        {
            pieces.RemoveAt(0);
        }

        if (trimmed.Length > 0 && trimmed[^1] == '|' && pieces.Count > 0 && pieces[^1].Trim().Length == 0)
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        return pieces.Select(p => p.Trim()).ToList();
    }

    /// <summary>
    /// The cells after a row's label on its line. The text up to the first separator is the rest of the label's own
    /// cell (a bracketed explanation such as （区分处理的，只计这一情形…）, or nothing); the cells follow.
    /// </summary>
    internal static List<string> CellsAfterLabel(string after)
    {
        // Only spaces are trimmed: a tab is a cell's edge.
        var rest = after.TrimStart(' ');
        if (rest.StartsWith('('))
        {
            // The rest of a bracketed explanation the key left out: （区分处理的，只计这一情形…）.
            var close = rest.IndexOf(')', StringComparison.Ordinal);
            rest = close >= 0 ? rest[(close + 1)..] : SplitRow(rest).Cells;
        }

        if (!HasCellSeparators(rest))
        {
            return Tokens(rest).ToList();
        }

        var pieces = SingleSeparator().Split(rest).Select(p => p.Trim()).ToList();
        var remainder = pieces[0];
        pieces.RemoveAt(0);
        // "label | 3 | 0 |": the last bar closes the row, it does not open a blank cell. Trailing tabs do: blank cells.
        var end = rest.TrimEnd(' ');
        if (end.Length > 0 && end[^1] == '|' && pieces.Count > 0 && pieces[^1].Length == 0)
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        return remainder.Length > 0 ? [remainder, .. pieces] : pieces;
    }

    [GeneratedRegex(@"[\s|｜]+")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"[\t|]")]
    private static partial Regex SingleSeparator();
}
