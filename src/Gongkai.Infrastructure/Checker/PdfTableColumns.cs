using System.Text;
using Gongkai.Core.Checker;
using UglyToad.PdfPig.Content;

namespace Gongkai.Infrastructure.Checker;

/// <summary>
/// Rebuilds a PDF's table rows with their blank cells. A PDF has no cells, only words at positions: a row of table 三
/// that prints <c>120 8 _ _ 1 0 129</c> is five numbers with two wide gaps. The columns are found by alignment: the
/// numbers of the table's rows nearby cluster into columns, a column no row filled is put back where the gap
/// between two columns is a whole number of column widths, and each column without a number in a row is a blank
/// cell. Only tables of five or more number columns are rebuilt (表三 has seven, 表四 fifteen); table 二's rows mix
/// merged cells of different widths, and a number alone in a merged cell would be taken for a column. Columns that
/// no row of the table fills at its left or right edge cannot be seen, and stay unknown.
/// </summary>
internal static class PdfTableColumns
{
    /// <summary>How many rows before and after a sparse row are searched for a fuller one of the same table.</summary>
    private const int Window = 40;

    private const int MinColumns = 5;

    /// <summary>A line of words on a page: its trailing run of number-like words are its cells.</summary>
    internal sealed class Row(int page, List<Word> words)
    {
        public int Page { get; } = page;

        public List<Word> Words { get; } = words;

        /// <summary>The index of the first word of the trailing run of cells (numbers, "/", "-"): Words.Count when none.</summary>
        public int CellStart { get; } = TrailingCells(words);

        public int CellCount => Words.Count - CellStart;

        public double Center(int cell) => (Words[CellStart + cell].BoundingBox.Left + Words[CellStart + cell].BoundingBox.Right) / 2;

        private static int TrailingCells(List<Word> words)
        {
            var start = words.Count;
            while (start > 0 && PrintedCell.IsCellToken(words[start - 1].Text))
            {
                start--;
            }

            return start;
        }
    }

    /// <summary>The rows as lines: label words joined as printed, wide gaps as tabs, and rebuilt rows with a tab per column.</summary>
    public static List<string> Lines(IReadOnlyList<Row> rows)
    {
        var lines = new List<string>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var columns = row.CellCount >= 1 ? ColumnsFor(rows, i) : null;
            lines.Add(columns is null ? Plain(row.Words) : Rebuilt(row, columns));
        }

        return lines;
    }

    /// <summary>The words as printed: a wide gap (a table's column border) becomes a tab, a narrow one a space.</summary>
    public static string Plain(IReadOnlyList<Word> words)
    {
        var line = new StringBuilder();
        Word? previous = null;
        foreach (var word in words)
        {
            if (previous is not null)
            {
                var gap = word.BoundingBox.Left - previous.BoundingBox.Right;
                line.Append(gap > Math.Max(word.BoundingBox.Height, 6) * 0.8 ? '\t' : gap > 1 ? " " : "");
            }

            line.Append(word.Text);
            previous = word;
        }

        return line.ToString();
    }

    private static string Rebuilt(Row row, double[] columns)
    {
        var cells = new string[columns.Length];
        Array.Fill(cells, "");
        var column = 0;
        for (var c = 0; c < row.CellCount; c++)
        {
            column = Nearest(columns, row.Center(c), column);
            cells[column] = row.Words[row.CellStart + c].Text;
            column++;
        }

        var label = Plain(row.Words.Take(row.CellStart).ToList());
        return label + "\t" + string.Join('\t', cells);
    }

    /// <summary>
    /// The table's columns around a row: the centres of every number in the rows of the same table nearby (up to a
    /// heading or a line of text), clustered; where two neighbouring columns are two or more column widths apart,
    /// the columns no row filled are put back at that width. Null when the table is narrower than five columns,
    /// the row is full, or its numbers do not each sit in a distinct column.
    /// </summary>
    private static double[]? ColumnsFor(IReadOnlyList<Row> rows, int index)
    {
        var centers = new List<double>();
        var heights = new List<double>();
        foreach (var step in new[] { -1, 1 })
        {
            for (var i = step < 0 ? index : index + 1; i >= 0 && i < rows.Count && Math.Abs(i - index) <= Window; i += step)
            {
                var row = rows[i];
                if (Ends(row))
                {
                    break;
                }

                if (!InTable(row))
                {
                    continue;
                }

                for (var c = 0; c < row.CellCount; c++)
                {
                    centers.Add(row.Center(c));
                    heights.Add(row.Words[row.CellStart + c].BoundingBox.Height);
                }
            }
        }

        if (!InTable(rows[index]) || centers.Count == 0)
        {
            return null;
        }

        heights.Sort();
        var columns = Cluster(centers, Math.Max(heights[heights.Count / 2], 4));
        columns = FillGaps(columns);
        return columns.Length >= MinColumns && columns.Length > rows[index].CellCount && Explains(columns, rows[index]) ? columns : null;
    }

    /// <summary>A heading of a part of the report (not a row label of table 三), or a line of text: a table ends there.</summary>
    private static bool Ends(Row row)
    {
        if (row.CellCount > 0)
        {
            return false;
        }

        var text = ReportText.Normalize(string.Concat(row.Words.Select(w => w.Text)));
        return text.Length > 40
            || (text.Length > 2 && "一二三四五六七".Contains(text[0]) && text[1] == '、' && !RequestRowLabels.Any(text.Contains));
    }

    private static readonly string[] RequestRowLabels = ["本年新收", "上年结转", "办理结果", "结转下年度"];

    /// <summary>Table 二's rows (规章, 行政许可 …) have merged cells of their own widths: they say nothing of table 三's columns.</summary>
    private static readonly string[] ArticleTwentyLabels = ["规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "收费", "对外管理服务", "信息内容"];

    private static bool InTable(Row row)
    {
        if (row.CellCount == 0)
        {
            return false;
        }

        var label = ReportText.Normalize(string.Concat(row.Words.Take(row.CellStart).Select(w => w.Text)));
        return label.Length <= 40 && !ArticleTwentyLabels.Any(label.Contains);
    }

    /// <summary>Centres closer than a character's height are one column.</summary>
    private static double[] Cluster(List<double> centers, double tolerance)
    {
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

        var pitch = Enumerable.Range(1, columns.Length - 1).Min(i => columns[i] - columns[i - 1]);
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

    private static bool Explains(double[] columns, Row row)
    {
        var pitch = Enumerable.Range(1, columns.Length - 1).Min(i => columns[i] - columns[i - 1]);
        if (pitch <= 0)
        {
            return false;
        }

        // A label reaching into the numbers' columns is a line of text that happens to end with a number.
        if (row.CellStart > 0 && row.Words[row.CellStart - 1].BoundingBox.Right > columns[0] - (pitch * 0.45))
        {
            return false;
        }

        var column = 0;
        for (var c = 0; c < row.CellCount; c++)
        {
            var center = row.Center(c);
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
}
