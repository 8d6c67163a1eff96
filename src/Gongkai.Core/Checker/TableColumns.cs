namespace Gongkai.Core.Checker;

/// <summary>A printed line whose words have positions: its label, and its trailing numbers with their horizontal centres.</summary>
/// <param name="Label">The words before the numbers, as printed.</param>
/// <param name="LabelRight">Where the label ends (same unit as the centres).</param>
/// <param name="Cells">The trailing run of number-like words ("3", "/", "-") with their centres, left to right.</param>
/// <param name="Height">A character's height (PDF points) or 1 (a character of text): what counts as the same column.</param>
public sealed record PositionedRow(string Label, double LabelRight, IReadOnlyList<(double Center, string Text)> Cells, double Height);

/// <summary>
/// Finds a table's blank cells from where its numbers stand, for the shapes that print no cell borders (PDF, text
/// laid out with spaces): a row of table 三 printing <c>120 8 _ _ 1 0 129</c> is five numbers with two wide gaps. The
/// numbers of the table's rows nearby cluster into columns; a column no row filled is put back where the gap
/// between two columns is a whole number of column widths; each column without a number in a row is a blank cell.
/// Only tables of five or more number columns are rebuilt (表三 has seven, 表四 fifteen): table 二's rows mix merged
/// cells of different widths, and a number alone in a merged cell would be taken for a column. A column that no row
/// fills at the table's left or right edge cannot be seen and stays unknown; rows whose numbers do not line up
/// (text that was never laid out in columns) are left as they are.
/// </summary>
public static class TableColumns
{
    /// <summary>How many rows before and after a row are looked at for the table's columns.</summary>
    private const int Window = 40;

    private const int MinColumns = 5;

    private static readonly string[] RequestRowLabels = ["本年新收", "上年结转", "办理结果", "结转下年度"];

    /// <summary>Table 二's rows (规章, 行政许可 …) have merged cells of their own widths: they say nothing of table 三's columns.</summary>
    private static readonly string[] ArticleTwentyLabels = ["规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "收费", "对外管理服务", "信息内容"];

    /// <summary>
    /// Each row as a line with a tab per column (the label, then every column, blank ones empty) where its table's
    /// columns are known and the row has blanks; null where the row stays as printed.
    /// </summary>
    public static string?[] Rebuild(IReadOnlyList<PositionedRow> rows)
    {
        var lines = new string?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Cells.Count > 0 && ColumnsFor(rows, i) is { } columns)
            {
                lines[i] = Rebuilt(rows[i], columns);
            }
        }

        return lines;
    }

    private static string Rebuilt(PositionedRow row, double[] columns)
    {
        var cells = new string[columns.Length];
        Array.Fill(cells, "");
        var column = 0;
        foreach (var (center, text) in row.Cells)
        {
            column = Nearest(columns, center, column);
            cells[column] = text;
            column++;
        }

        return row.Label + "\t" + string.Join('\t', cells);
    }

    private static double[]? ColumnsFor(IReadOnlyList<PositionedRow> rows, int index)
    {
        if (!InTable(rows[index]))
        {
            return null;
        }

        var centers = new List<double>();
        var widest = 0;
        foreach (var step in new[] { -1, 1 })
        {
            for (var i = step < 0 ? index : index + 1; i >= 0 && i < rows.Count && Math.Abs(i - index) <= Window; i += step)
            {
                var row = rows[i];
                if (Ends(row))
                {
                    break;
                }

                if (InTable(row))
                {
                    centers.AddRange(row.Cells.Select(c => c.Center));
                    widest = Math.Max(widest, row.Cells.Count);
                }
            }
        }

        var seen = Cluster(centers, rows[index].Height);
        // More columns than any row has numbers: the rows do not line up, the positions say nothing.
        if (seen.Length > widest)
        {
            return null;
        }

        var columns = FillGaps(seen);
        return columns.Length >= MinColumns && columns.Length > rows[index].Cells.Count && Explains(columns, rows[index]) ? columns : null;
    }

    /// <summary>A heading of a part of the report (not a row label of table 三), or a line of text: a table ends there.</summary>
    private static bool Ends(PositionedRow row)
    {
        if (row.Cells.Count > 0)
        {
            return false;
        }

        var text = ReportText.Normalize(row.Label).Replace(" ", "", StringComparison.Ordinal);
        return text.Length > 40
            || (text.Length > 2 && "一二三四五六七".Contains(text[0], StringComparison.Ordinal) && text[1] == '、' && !RequestRowLabels.Any(text.Contains));
    }

    private static bool InTable(PositionedRow row)
    {
        if (row.Cells.Count == 0)
        {
            return false;
        }

        var label = ReportText.Normalize(row.Label).Replace(" ", "", StringComparison.Ordinal);
        return label.Length <= 40 && !ArticleTwentyLabels.Any(label.Contains);
    }

    /// <summary>Centres closer than a character's height (two characters of text) are one column.</summary>
    private static double[] Cluster(List<double> centers, double height)
    {
        var tolerance = height <= 1 ? 2 : Math.Max(height, 4);
        centers.Sort();
        var columns = new List<(double Sum, int Count)>();
        foreach (var center in centers)
        {
            if (columns.Count > 0 && center - (columns[^1].Sum / columns[^1].Count) <= tolerance)
            {
                columns[^1] = (columns[^1].Sum + center, columns[^1].Count + 1);
            }
            else
            {
                columns.Add((center, 1));
            }
        }

        return columns.Select(c => c.Sum / c.Count).ToArray();
    }

    /// <summary>Columns that no row filled, between two that did, where the gap is a whole number of column widths.</summary>
    private static double[] FillGaps(double[] columns)
    {
        if (columns.Length < 2)
        {
            return columns;
        }

        var pitch = Pitch(columns);
        var filled = new List<double> { columns[0] };
        for (var i = 1; i < columns.Length; i++)
        {
            var gap = columns[i] - columns[i - 1];
            var times = (int)Math.Round(gap / pitch);
            if (times >= 2 && Math.Abs(gap - (times * pitch)) <= pitch * 0.25)
            {
                for (var k = 1; k < times; k++)
                {
                    filled.Add(columns[i - 1] + (k * gap / times));
                }
            }

            filled.Add(columns[i]);
        }

        return filled.Count <= 16 ? filled.ToArray() : columns;
    }

    private static double Pitch(double[] columns) => Enumerable.Range(1, columns.Length - 1).Min(i => columns[i] - columns[i - 1]);

    /// <summary>Each number of the row lies within under half a column's width of a distinct column, in order, right of the label.</summary>
    private static bool Explains(double[] columns, PositionedRow row)
    {
        var pitch = Pitch(columns);
        if (pitch <= 0)
        {
            return false;
        }

        // A label reaching into the numbers' columns is a line of text that happens to end with a number.
        if (row.Label.Length > 0 && row.LabelRight > columns[0] - (pitch * 0.45))
        {
            return false;
        }

        var column = 0;
        foreach (var (center, _) in row.Cells)
        {
            column = Nearest(columns, center, column);
            if (column >= columns.Length || Math.Abs(columns[column] - center) > pitch * 0.45)
            {
                return false;
            }

            column++;
        }

        return true;
    }

    /// <summary>The column at or after <paramref name="from"/> closest to <paramref name="center"/>.</summary>
    private static int Nearest(double[] columns, double center, int from)
    {
        if (from >= columns.Length)
        {
            return columns.Length;
        }

        var best = from;
        for (var i = from; i < columns.Length; i++)
        {
            if (Math.Abs(columns[i] - center) < Math.Abs(columns[best] - center))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Text laid out with spaces (a PDF converted with its layout kept, a fixed-width copy): each line without tabs or
    /// bars whose numbers stand apart gets its positions in display columns (a Chinese character is two wide), and
    /// the rows of a table with blank cells come back with a tab per column. Other lines are returned as they are.
    /// </summary>
    public static IReadOnlyList<string> SpaceAligned(IReadOnlyList<string> lines)
    {
        var rows = new PositionedRow[lines.Count];
        var aligned = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            rows[i] = Positioned(lines[i], out var wideGaps);
            aligned += wideGaps ? 1 : 0;
        }

        if (aligned < 3)
        {
            return lines;
        }

        var rebuilt = Rebuild(rows);
        return lines.Select((line, i) => rebuilt[i] ?? line).ToList();
    }

    /// <summary>A line's label and trailing numbers with their centres in display columns; whether numbers stand two or more spaces apart.</summary>
    private static PositionedRow Positioned(string line, out bool wideGaps)
    {
        wideGaps = false;
        if (line.AsSpan().ContainsAny('\t', '|') || line.Contains('｜', StringComparison.Ordinal))
        {
            // Cells of their own: LineCells reads them.
            return new("", 0, [], 1);
        }

        var tokens = new List<(int Start, int End, int To, string Text)>();
        var width = 0;
        var start = -1;
        var startWidth = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            var space = i == line.Length || char.IsWhiteSpace(line[i]);
            if (space && start >= 0)
            {
                tokens.Add((startWidth, width, i, line[start..i]));
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
                startWidth = width;
            }

            if (i < line.Length)
            {
                width += line[i] == '\t' ? 8 : line[i] >= 0x1100 ? 2 : 1;
            }
        }

        var first = tokens.Count;
        while (first > 0 && PrintedCell.IsCellToken(tokens[first - 1].Text))
        {
            first--;
        }

        for (var t = Math.Max(first, 1); t < tokens.Count; t++)
        {
            wideGaps |= tokens[t].Start - tokens[t - 1].End >= 2;
        }

        var label = first > 0 ? line[..tokens[first - 1].To].Trim() : "";
        return new(label, first > 0 ? tokens[first - 1].End : 0, tokens.Skip(first).Select(t => ((t.Start + t.End) / 2.0, t.Text)).ToList(), 1);
    }
}
