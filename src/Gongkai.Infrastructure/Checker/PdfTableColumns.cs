using System.Text;
using Gongkai.Core.Checker;
using UglyToad.PdfPig.Content;

namespace Gongkai.Infrastructure.Checker;

/// <summary>A PDF's lines of words as text: wide gaps as tabs, and table rows with blank cells rebuilt by <see cref="TableColumns"/>.</summary>
internal static class PdfTableColumns
{
    /// <summary>The lines, each a page's words on one baseline, left to right.</summary>
    public static List<string> Lines(IReadOnlyList<List<Word>> lines)
    {
        var rows = lines.Select(Positioned).ToList();
        var rebuilt = TableColumns.Rebuild(rows);
        return lines.Select((words, i) => rebuilt[i] ?? Plain(words)).ToList();
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

    /// <summary>The trailing run of number-like words are the cells; the words before them the label.</summary>
    private static PositionedRow Positioned(List<Word> words)
    {
        var start = words.Count;
        while (start > 0 && PrintedCell.IsCellToken(words[start - 1].Text))
        {
            start--;
        }

        var label = words.Take(start).ToList();
        var cells = words.Skip(start).Select(w => ((w.BoundingBox.Left + w.BoundingBox.Right) / 2, w.Text)).ToList();
        var heights = words.Skip(start).Select(w => w.BoundingBox.Height).DefaultIfEmpty(8).Order().ToList();
        return new(Plain(label), label.Count > 0 ? label[^1].BoundingBox.Right : 0, cells, heights[heights.Count / 2]);
    }
}
