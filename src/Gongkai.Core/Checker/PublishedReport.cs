using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;

namespace Gongkai.Core.Checker;

/// <summary>What a number cell of a published table holds: a number, or what stands where a number should.</summary>
public enum CellKind
{
    Number,
    /// <summary>Nothing printed (or the whole row missing).</summary>
    Blank,
    /// <summary>"/", "-", "—", "无" and the like.</summary>
    Placeholder,
    /// <summary>Words where a number should be.</summary>
    Text,
}

/// <summary>One printed cell, kept as printed: a blank is not a zero.</summary>
public readonly record struct PrintedCell(CellKind Kind, decimal Value, string Raw)
{
    public static readonly PrintedCell Missing = new(CellKind.Blank, 0, "");

    private static readonly HashSet<string> Placeholders = ["/", "-", "—", "——", "－", "无", "空", "／", "\\", "--"];

    public static PrintedCell Parse(string raw)
    {
        var text = ReportText.Normalize(raw).Trim();
        if (text.Length == 0)
        {
            return new(CellKind.Blank, 0, raw);
        }

        if (Placeholders.Contains(text))
        {
            return new(CellKind.Placeholder, 0, raw);
        }

        // A number printed with its unit (152790元, 3件) is that number.
        var unit = Units.FirstOrDefault(u => text.Length > u.Length && text.EndsWith(u, StringComparison.Ordinal) && char.IsAsciiDigit(text[^(u.Length + 1)]));
        var number = unit is null ? text : text[..^unit.Length];
        return decimal.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new(CellKind.Number, value, raw)
            : new(CellKind.Text, 0, raw);
    }

    private static readonly string[] Units = ["万元", "元", "件", "条", "个", "项"];

    /// <summary>Whether a token can be a table cell (a number or a placeholder), as opposed to a label or sentence.</summary>
    public static bool IsCellToken(string token) => Parse(token).Kind is CellKind.Number or CellKind.Placeholder;
}

/// <summary>One line of the report as read, with its line number (1-based) and its normalized text.</summary>
public sealed record ReportLine(int Number, string Text)
{
    private (string Label, string Cells)? row;

    private string? compact;

    public string Normalized { get; } = ReportText.Normalize(Text);

    /// <summary>The normalized text without white space (<see cref="ReportText.Compact"/>), kept: the rules read it again and again.</summary>
    public string Compact => compact ??= ReportText.WithoutWhiteSpace(Normalized);

    /// <summary>
    /// The text as printed behind a fragment of <see cref="Normalized"/> (“，” where the rules read “,”); null when
    /// the fragment is not in this line.
    /// </summary>
    public string? Verbatim(string normalizedFragment)
    {
        var start = Normalized.IndexOf(normalizedFragment, StringComparison.Ordinal);
        if (start < 0 || normalizedFragment.Length == 0)
        {
            return null;
        }

        ReportText.Normalize(Text, out var origins);
        if (origins.Length != Normalized.Length)
        {
            return null;
        }

        var from = origins[start];
        var to = origins[start + normalizedFragment.Length - 1];
        if (char.IsHighSurrogate(Text[to]) && to + 1 < Text.Length)
        {
            to++;
        }

        return Text[from..(to + 1)];
    }

    /// <summary>The line as a table row: its label, and the cells that end it with their separators (see <see cref="ReportParser.SplitRow"/>).</summary>
    internal (string Label, string Cells) Row => row ??= ReportParser.SplitRow(Normalized);
}

/// <summary>A published report as the checker understood it: its title, sections and tables, cells as printed.</summary>
public sealed class PublishedReport
{
    public required IReadOnlyList<ReportLine> Lines { get; init; }

    /// <summary>Only tables were read (a workbook): the checks of the text and the sections do not apply.</summary>
    public bool TablesOnly { get; set; }
    public string? Title { get; set; }
    public int? Year { get; set; }

    /// <summary>The format the tables' labels show (null when no table was recognised).</summary>
    public ReportFormat? Format { get; set; }

    /// <summary>Line number of each of the six sections found (1-based section number → line).</summary>
    public Dictionary<int, int> Sections { get; } = [];

    /// <summary>Request table rows found: row → seven cells (<see cref="ApplicantColumns.All"/>) and the line they were read from.</summary>
    public Dictionary<RequestsRow, (PrintedCell[] Cells, int Line)> Requests { get; } = [];

    /// <summary>Sub-totals some reports print on a group's own row (（三）不予公开 …): row → seven cells and line.</summary>
    public Dictionary<RequestsRow, (PrintedCell[] Cells, int Line)> Subtotals { get; } = [];

    /// <summary>Where each Art. 20 item's title stands (its line), for the unit check.</summary>
    public Dictionary<string, int> Article20Items { get; } = [];

    /// <summary>The appeals table's fifteen cells (行政复议 × 5, 未经复议直接起诉 × 5, 复议后起诉 × 5: <see cref="AppealColumns.PrintedIndex"/>), or null when not found.</summary>
    public (PrintedCell[] Cells, int Line)? Appeals { get; set; }

    /// <summary>Art. 20 rows found: (item, row) → cells in the format's column order.</summary>
    public Dictionary<(string Item, string Row), (PrintedCell[] Cells, int Line)> Article20 { get; } = [];

    /// <summary>Rows printed in a table that the format does not have (a province's additions): line and label.</summary>
    public List<(int Line, string Label)> ExtraRows { get; } = [];

    /// <summary>
    /// Request table rows found whose numbers cannot be put in their columns: fewer numbers than columns on a line
    /// that shows no cell borders (text laid out with spaces), so which cells are blank is unknown. Their cells are
    /// kept as read, and no sum that needs them is made.
    /// </summary>
    public HashSet<RequestsRow> UnreadRows { get; } = [];

    /// <summary>What could not be mapped to the format, in Chinese (reported, never guessed).</summary>
    public List<string> Unmapped { get; } = [];

    /// <summary>S7: the text stops before the report does (a pasted part of a page, a cut download); null when it reaches the end.</summary>
    public ReportEnd? EndsEarly { get; set; }

    /// <summary>Lines that are text, not table rows: where the narrative checks look.</summary>
    public List<ReportLine> Prose { get; } = [];

    /// <summary>The request table with blanks and placeholders counted as 0 (their own finding says so).</summary>
    public RequestTable RequestTable()
    {
        var table = new RequestTable(Format ?? ReportFormat.V2021);
        foreach (var (row, (cells, _)) in Requests)
        {
            if (table.Rows.Any(r => r.Id == row && r.Kind != RowKind.Heading))
            {
                foreach (var column in ApplicantColumns.All)
                {
                    table[row, column] = Count(cells[(int)column]);
                }
            }
        }

        return table;
    }

    public AppealsTable AppealsTable()
    {
        var table = new AppealsTable();
        if (Appeals is { } appeals)
        {
            foreach (var kind in Enum.GetValues<AppealKind>())
            {
                foreach (var column in AppealColumns.All)
                {
                    table[kind, column] = Count(appeals.Cells[AppealColumns.PrintedIndex(kind, column)]);
                }
            }
        }

        return table;
    }

    private static int Count(PrintedCell cell) => cell.Kind == CellKind.Number ? (int)cell.Value : 0;
}

/// <summary>
/// Where a cut-off text ends (S7): its last line, the last section and table row read, and which parts it therefore
/// does not hold, so that no finding rests on what is missing.
/// </summary>
public sealed record ReportEnd(int LastLine, int LastSection, string LastRead)
{
    /// <summary>Table 三 was cut: not all its rows were read.</summary>
    public bool RequestTableCut { get; init; }
    /// <summary>Table 四 (appeals) is missing or may be cut.</summary>
    public bool AppealsCut { get; init; }
    /// <summary>Table 二 (Art. 20) is missing or may be cut.</summary>
    public bool Article20Cut { get; init; }
    /// <summary>The line of the last table 三 row read when the table was cut: its cells may stop early too.</summary>
    public int? LastRowLine { get; init; }
}
