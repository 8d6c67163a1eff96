using System.Text.RegularExpressions;

namespace Gongkai.Core.Checker;

// Finding a table row by its label: tolerant of spacing, numbering, a label wrapped over lines or cut short.
public static partial class ReportParser
{
    /// <summary>The label a row is found by: its printed label without a trailing explanation in brackets.</summary>
    public static string RowKey(string label)
    {
        var key = ReportText.Compact(label);
        var open = key.IndexOf('(', Math.Min(3, key.Length));
        return open > 0 && key.EndsWith(')') ? key[..open] : key;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>
    /// The label with any whitespace allowed between its characters (labels are few: the patterns are kept). A
    /// numbered label ("1.属于国家秘密") matches every numbering reports print: 1. 1、 1， (1) （1） ① (NFKC makes it
    /// 1) or, for a label long enough to be unambiguous, no number at all.
    /// </summary>
    private static Regex LabelPattern(string key) => Patterns.GetOrAdd(key, k =>
    {
        static string Spaced(string text) => string.Join(@"\s*", text.Select(c => Regex.Escape(c.ToString())));
        var numbered = NumberedLabel().Match(k);
        if (!numbered.Success)
        {
            return new(Spaced(k), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        var n = numbered.Groups[1].Value;
        var rest = numbered.Groups[2].Value;
        var number = $@"(?:\(\s*{n}\s*\)|(?<![\d.]){n}\s*[.、,:]?)\s*";
        return new(rest.Length >= 4 ? $"(?:{number})?{Spaced(rest)}" : number + Spaced(rest), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    });

    /// <summary>The first line from <paramref name="from"/> on (before <paramref name="to"/>) whose text, or whose text joined with the next line's, holds the label.</summary>
    private static (int Index, string After, int Span)? Find(List<ReportLine> lines, string key, int from, int to, HashSet<int> consumed, CancellationToken ct) =>
        FindKey(lines, key, from, to, consumed, ct)
        // A label wrapped inside its cell (its end on a line of its own, or a PDF's next line): its first two
        // thirds are enough to place the row.
        ?? (key.Length > 8 ? FindKey(lines, key[..Math.Max(6, key.Length * 2 / 3)], from, to, consumed, ct) : null);

    private static (int Index, string After, int Span)? FindKey(List<ReportLine> lines, string key, int from, int to, HashSet<int> consumed, CancellationToken ct)
    {
        var pattern = LabelPattern(key);
        var end = Math.Min(to, lines.Count);
        for (var i = from; i < end; i++)
        {
            Tick(i, ct);
            // A line longer than any row, or a sentence not followed by cells, is prose: a label named in it is not the row.
            if (consumed.Contains(i) || IsProse(lines[i]))
            {
                continue;
            }

            var match = pattern.Match(lines[i].Normalized);
            if (match.Success)
            {
                var after = lines[i].Normalized[(match.Index + match.Length)..];
                return HasCells(after) ? (i, after, 1) : WithCellsBelow(lines, i, i, after, end, consumed);
            }

            if (i + 1 < lines.Count && !IsProse(lines[i + 1]))
            {
                var joined = lines[i].Normalized.TrimEnd() + lines[i + 1].Normalized.TrimStart();
                match = pattern.Match(joined);
                if (match.Success && match.Index < lines[i].Normalized.TrimEnd().Length)
                {
                    return (i, joined[(match.Index + match.Length)..], 2);
                }
            }

            if (Wrapped(lines, i, pattern, end, consumed) is { } wrapped)
            {
                return wrapped;
            }
        }

        return null;
    }

    /// <summary>
    /// A label wrapped inside its cell over up to three lines, as text that keeps a PDF's layout prints it: the
    /// numbers stand on one of the lines (the middle one when the cell is centred), after that line's piece of the
    /// label. The pieces are joined without the numbers and matched; the numbers are the row's cells.
    /// </summary>
    private static (int Index, string After, int Span)? Wrapped(List<ReportLine> lines, int i, Regex pattern, int end, HashSet<int> consumed)
    {
        if (lines[i].Normalized.Length > MaxRowText)
        {
            return null;
        }

        var (first, firstCells) = lines[i].Row;
        if (first.Length is 0 or > 40)
        {
            return null;
        }

        var label = first;
        var cells = HasCells(firstCells) ? firstCells : null;
        var cellsAt = cells is null ? -1 : i;
        foreach (var j in Below(lines, i, end, consumed, 2))
        {
            var (piece, pieceCells) = lines[j].Row;
            if (piece.Length is 0 or > 40 || StartsRow(piece))
            {
                return null;
            }

            if (HasCells(pieceCells))
            {
                if (cells is not null)
                {
                    return null;
                }

                (cells, cellsAt) = (pieceCells, j);
            }

            label += piece;
            var match = pattern.Match(label);
            if (match.Success && match.Index < first.Length)
            {
                var after = label[(match.Index + match.Length)..];
                return cells is not null ? (i, after + cells, Math.Max(j, cellsAt) - i + 1) : WithCellsBelow(lines, i, j, after, end, consumed);
            }
        }

        return null;
    }

    /// <summary>
    /// A label found on lines that hold no numbers (the last is <paramref name="last"/>): the rest of a wrapped label
    /// (a bracketed explanation, say) may go on over the next lines with the numbers on one of them. Lines made only
    /// of cells are left to the reader of the row (a web copy that puts one cell per line).
    /// </summary>
    private static (int Index, string After, int Span) WithCellsBelow(List<ReportLine> lines, int i, int last, string after, int end, HashSet<int> consumed)
    {
        var text = after;
        foreach (var j in Below(lines, last, end, consumed, 2))
        {
            var (piece, cells) = lines[j].Row;
            if (piece.Length is 0 or > 40 || StartsRow(piece))
            {
                break;
            }

            text = text.TrimEnd() + piece;
            if (HasCells(cells))
            {
                return (i, text + cells, j - i + 1);
            }
        }

        return (i, after, last - i + 1);
    }

    /// <summary>
    /// The next <paramref name="count"/> lines after <paramref name="after"/> that hold something, over blank lines (a
    /// page break, a header repeated on the next page and taken out): where a wrapped label may go on.
    /// </summary>
    private static IEnumerable<int> Below(List<ReportLine> lines, int after, int end, HashSet<int> consumed, int count)
    {
        var blanks = 0;
        for (var j = after + 1; j < end && count > 0 && !consumed.Contains(j) && lines[j].Normalized.Length <= MaxRowText; j++)
        {
            if (lines[j].Normalized.Trim().Length == 0)
            {
                if (++blanks > 8)
                {
                    yield break;
                }

                continue;
            }

            count--;
            yield return j;
        }
    }

    /// <summary>
    /// A line longer than this is prose, not a row nor a piece of one: a label and seven cells spread over a wide
    /// page with spaces fit well within it.
    /// </summary>
    private const int MaxRowText = 300;

    private static bool IsProse(ReportLine line) =>
        line.Normalized.Length > MaxRowText || line.Normalized.Contains('。', StringComparison.Ordinal) && line.Row.Cells.Length == 0;

    private static bool HasCells(string text) => Tokens(text).Any(PrintedCell.IsCellToken);

    /// <summary>Text that opens a row of its own: a numbered label (1. 1、 (1) ① （一） 一、), not the rest of a wrapped one.</summary>
    private static bool StartsRow(string label) => RowStart().IsMatch(label);

    /// <summary>
    /// A line split into its label and its cells: the cells are the numbers (or placeholders) that end the line,
    /// with the separators before them, so that a blank cell keeps its column; the label is what stands before.
    /// </summary>
    internal static (string Label, string Cells) SplitRow(string text)
    {
        var tokens = RowToken().Matches(text);
        var t = tokens.Count;
        while (t > 0 && PrintedCell.IsCellToken(tokens[t - 1].Value))
        {
            t--;
        }

        var labelEnd = t > 0 ? tokens[t - 1].Index + tokens[t - 1].Length : 0;
        return (text[..labelEnd].Trim(), t < tokens.Count ? text[labelEnd..] : "");
    }

    [GeneratedRegex(@"^(\d{1,2})\.(.+)$")]
    private static partial Regex NumberedLabel();

    [GeneratedRegex(@"^\s*(\d{1,2}\s*[.、,:]|\d{1,2}(?=[^\d\s.,%])|\(\s*\d{1,2}\s*\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)")]
    private static partial Regex RowStart();

    [GeneratedRegex(@"[^\s|]+")]
    private static partial Regex RowToken();
}
