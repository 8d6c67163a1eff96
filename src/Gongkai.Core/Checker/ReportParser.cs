using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Checker;

/// <summary>
/// Reads a published report from its lines of text (what every reader produces: a web page copied as text, an
/// HTML page or .docx with each table row on one line, a PDF line by line) and maps what it prints onto the
/// format: the sections, and every table row by its label, tolerant of spacing, width, Traditional characters, a
/// label split over two lines, numbers one per line and page footers inside a table. What it cannot map it says.
/// </summary>
public static partial class ReportParser
{
    private static readonly string[][] SectionKeys =
    [
        ["总体情况"],
        ["主动公开政府信息情况", "主动公开政府信息"],
        ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"],
        ["政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况", "行政复议、行政诉讼"],
        ["存在的主要问题及改进情况", "存在的主要问题"],
        ["其他需要报告的事项"],
    ];

    private static readonly string[] SectionNumerals = ["一", "二", "三", "四", "五", "六"];

    public static PublishedReport Parse(IReadOnlyList<string> text, CancellationToken ct = default)
    {
        var lines = TableColumns.SpaceAligned(ClosingBars(text)).Select((t, i) => new ReportLine(i + 1, t)).Where(l => !PageFooter().IsMatch(l.Normalized)).ToList();
        var report = new PublishedReport { Lines = lines };
        var consumed = new HashSet<int>();

        FindTitle(report, lines);
        FindSections(report, lines, consumed, ct);
        report.Format = DetectFormat(lines);
        var format = report.Format ?? (report.Year is { } y ? ReportFormats.ForYear(y) : ReportFormat.V2021);

        var requestsFrom = IndexOfSection(report, lines, 3) ?? 0;
        var requestsTo = IndexOfSection(report, lines, 4) ?? lines.Count;
        ReadRequestTable(report, lines, format, requestsFrom, requestsTo, consumed, ct);
        FindExtraRows(report, lines, consumed, ct);
        CheckColumns(report, lines, requestsFrom);
        ReadAppeals(report, lines, IndexOfSection(report, lines, 4) ?? requestsTo, IndexOfSection(report, lines, 5) ?? lines.Count, consumed, ct);
        // Table 二 ends where table 三 begins: at its heading, or when that is missing or worded otherwise, at table 三's first row.
        var firstRequestRow = report.Requests.Count > 0 ? lines.FindIndex(l => l.Number == report.Requests.Values.Min(r => r.Line)) : -1;
        var article20To = IndexOfSection(report, lines, 3) ?? (firstRequestRow >= 0 ? firstRequestRow : lines.Count);
        ReadArticle20(report, lines, format, IndexOfSection(report, lines, 2) ?? 0, article20To, consumed, ct);

        FindEnd(report, lines, format);

        // Prose: what no table took, outside the tables' sections, or a sentence inside them.
        var tablesFrom = IndexOfSection(report, lines, 2) ?? int.MaxValue;
        var tablesTo = IndexOfSection(report, lines, 5) ?? lines.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            Tick(i, ct);
            var inTables = i > tablesFrom && i < tablesTo;
            if (!consumed.Contains(i) && lines[i].Normalized.Trim().Length > 0 && (!inTables || lines[i].Normalized.Contains('。', StringComparison.Ordinal)))
            {
                report.Prose.Add(lines[i]);
            }
        }

        return report;
    }

    /// <summary>
    /// A web page copied one cell per line where each cell is followed by a line holding only the bar that closes it
    /// (<c>规章</c>, <c>|</c>, <c>0</c>, <c>|</c> …): that bar ends the cell above, it is not a blank cell of its own. It
    /// is moved onto the line it closes (the line stays, empty, so line numbers hold). A bar alone after a line that
    /// already ends with a bar is a blank cell, and stays.
    /// </summary>
    private static IReadOnlyList<string> ClosingBars(IReadOnlyList<string> text)
    {
        List<string>? copy = null;
        var previous = -1;
        for (var i = 0; i < text.Count; i++)
        {
            var line = (copy ?? (IReadOnlyList<string>)text)[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "|" or "｜" && previous >= 0)
            {
                var above = (copy ?? (IReadOnlyList<string>)text)[previous].TrimEnd();
                if (above.Length > 0 && above[^1] is not '|' and not '｜' && !above.Contains('\t', StringComparison.Ordinal))
                {
                    copy ??= [.. text];
                    copy[previous] = above + " |";
                    copy[i] = "";
                    continue;
                }
            }

            previous = i;
        }

        return copy ?? text;
    }

    /// <summary>Every 256 lines, stops when the caller's time budget ran out or its client went away.</summary>
    private static void Tick(int line, CancellationToken ct)
    {
        if ((line & 0xFF) == 0)
        {
            ct.ThrowIfCancellationRequested();
        }
    }

    private static int? IndexOfSection(PublishedReport report, List<ReportLine> lines, int section) =>
        report.Sections.TryGetValue(section, out var number) ? lines.FindIndex(l => l.Number == number) : null;

    /// <summary>
    /// The title: the first of the opening lines that names an annual report (年度报告, 年度工作报告, 工作的年度报告, 年报)
    /// and is a title, not a sentence of the introduction nor the page's furniture (a breadcrumb 首页 > …, 来源, 索引号).
    /// Set on two lines, the agency is the short line before a title that starts with the year, or after it. No such
    /// line: no title (S5).
    /// </summary>
    private static void FindTitle(PublishedReport report, List<ReportLine> lines)
    {
        var head = lines.Take(20).Where(l => l.Normalized.Trim().Length > 0).ToList();
        var at = head.FindIndex(l => l.Compact is var t && ReportName().IsMatch(t) && IsTitleLike(t));
        var title = at >= 0 ? head[at] : null;
        report.Title = title?.Normalized.Trim();
        if (title is null && head.Take(3).Select(l => l.Compact).Select(t => ReportName().Match(t) is { Success: true } m ? t[..(m.Index + m.Length)] : "")
            .FirstOrDefault(t => t.Length > 0 && IsTitleLike(t) && YearPattern().IsMatch(t) && !IntroWords.Any(t.Contains)) is { } run)
        {
            // A title run into the introduction's first sentence: "2024年丽水市政府信息公开工作年度报告依照《条例》编制…".
            report.Title = run;
            title = head.First(l => l.Compact.StartsWith(run, StringComparison.Ordinal));
        }

        if (title is not null && TitleStartsWithYear().IsMatch(title.Compact))
        {
            // A title set on two lines: the agency, then "2024年政府信息公开工作年度报告" — or the other way round.
            var before = at > 0 ? head[at - 1].Compact : "";
            var after = at + 1 < head.Count ? head[at + 1].Compact : "";
            if (IsAgencyLine(before))
            {
                report.Title = before + report.Title;
            }
            else if (IsAgencyLine(after))
            {
                report.Title = after + report.Title;
            }
        }

        var year = title is null ? Match.Empty : YearPattern().Match(title.Compact);
        if (!year.Success)
        {
            year = lines.Take(30).Select(l => StatisticsYear().Match(l.Compact)).FirstOrDefault(m => m.Success) ?? Match.Empty;
        }

        if (year.Success)
        {
            report.Year = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Words of an introduction that quotes the title ("根据《条例》现发布…"): such a line is not the title.</summary>
    private static readonly string[] IntroWords = ["《", "依照", "根据", "依据", "发布", "公布", "编制", "我局", "本局", "本机关"];

    private static readonly string[] Furniture = ["首页", "当前位置", "来源", "索引号", "发布时间", "发文机关", "浏览次数", "字号", ">"];

    private static bool IsTitleLike(string compact) =>
        compact.Length <= 60 && !Furniture.Any(compact.Contains) && compact.AsSpan().IndexOfAny("。，,；;：:") < 0;

    /// <summary>A short line naming an agency: no sentence, no heading, no furniture, no year.</summary>
    private static bool IsAgencyLine(string compact) =>
        compact.Length is >= 2 and <= 30 && IsTitleLike(compact) && !compact.Contains("报告", StringComparison.Ordinal)
        && !YearPattern().IsMatch(compact) && !"一二三四五六七(".Contains(compact[0], StringComparison.Ordinal);

    private static void FindSections(PublishedReport report, List<ReportLine> lines, HashSet<int> consumed, CancellationToken ct)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            Tick(i, ct);
            var compact = lines[i].Compact;
            if (compact.Length is 0 or > 40)
            {
                continue;
            }

            for (var s = 0; s < 6; s++)
            {
                if (!report.Sections.ContainsKey(s + 1) && compact.StartsWith(SectionNumerals[s] + "、", StringComparison.Ordinal)
                    && SectionKeys[s].Any(k => compact.Contains(k, StringComparison.Ordinal)))
                {
                    report.Sections[s + 1] = lines[i].Number;
                    consumed.Add(i);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// S7: a text that stops before the report does. The six sections and the tables come in a fixed order, so a
    /// cut copy is one whose missing parts are all at the end: the last section found is not 六 (or no section but
    /// part of table 三), and the text does not end as a document does (a date, a signature). Then what follows the
    /// last part read is missing, not wrong.
    /// </summary>
    private static void FindEnd(PublishedReport report, List<ReportLine> lines, ReportFormat format)
    {
        var last = report.Sections.Count == 0 ? 0 : report.Sections.Keys.Max();
        var lastLine = lines.LastOrDefault(l => l.Normalized.Trim().Length > 0);
        if (last == 6 || lastLine is null)
        {
            return;
        }

        // Nothing of the report's parts or tables: a cut copy of a report's opening (it speaks of 政府信息公开), or
        // not a report at all (then S1 says so).
        var opening = last == 0 && report.Requests.Count == 0;
        if (opening && !lines.Any(l => l.Compact.Contains("政府信息公开", StringComparison.Ordinal)))
        {
            return;
        }

        var closing = lastLine.Compact;
        if (DateLine().IsMatch(closing) || SignatureLine().IsMatch(closing))
        {
            return;
        }

        var leaves = ReportFormats.RequestRows(format).Where(r => r.Kind != RowKind.Heading).ToList();
        var requestCut = last <= 3 && leaves.Any(r => !report.Requests.ContainsKey(r.Id));
        var lastRow = report.Requests.Count == 0 ? null : leaves.Where(r => report.Requests.ContainsKey(r.Id)).MaxBy(r => report.Requests[r.Id].Line);
        var section = last == 0 ? "" : $"第{SectionNumerals[last - 1]}部分（{ReportFormats.Sections[last - 1]}）";
        var read = last <= 3 && lastRow is not null
            ? $"{section}{(section.Length > 0 ? "中" : "")}表三“{lastRow.Label}”一行"
            : opening ? "报告开头的文字（还没有读到任何部分的标题或表格）" : section;
        report.EndsEarly = new ReportEnd(lastLine.Number, last, read)
        {
            RequestTableCut = requestCut,
            AppealsCut = last <= 4,
            Article20Cut = last <= 2,
            LastRowLine = requestCut && lastRow is not null ? report.Requests[lastRow.Id].Line : null,
        };
    }

    /// <summary>The format the labels show (report-formats.md §4): 2019's Art. 20 columns or single 其他处理 row, or 2021's.</summary>
    private static ReportFormat? DetectFormat(List<ReportLine> lines)
    {
        var all = string.Concat(lines.Select(l => l.Compact));
        if (all.Contains("逾期不补正", StringComparison.Ordinal) || all.Contains("本年制发件数", StringComparison.Ordinal))
        {
            return ReportFormat.V2021;
        }

        if (all.Contains("本年新制作数量", StringComparison.Ordinal) || all.Contains("其他对外管理服务事项", StringComparison.Ordinal)
            || all.Contains("政府集中采购", StringComparison.Ordinal) || all.Contains("(六)其他处理", StringComparison.Ordinal))
        {
            return ReportFormat.V2019;
        }

        return null;
    }

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

    [GeneratedRegex(@"^\s*([-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?)\s*$")]
    private static partial Regex PageFooter();

    [GeneratedRegex(@"[\s|｜]+")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"[\t|]")]
    private static partial Regex SingleSeparator();

    [GeneratedRegex(@"^(\d{1,2})\.(.+)$")]
    private static partial Regex NumberedLabel();

    [GeneratedRegex(@"^\s*(\d{1,2}\s*[.、,:]|\d{1,2}(?=[^\d\s.,%])|\(\s*\d{1,2}\s*\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)")]
    private static partial Regex RowStart();

    [GeneratedRegex(@"[^\s|]+")]
    private static partial Regex RowToken();

    [GeneratedRegex(@"^(?:19|20)\d{2}年")]
    private static partial Regex TitleStartsWithYear();

    /// <summary>The names an annual report goes by in its title.</summary>
    [GeneratedRegex(@"年度(?:工作)?报告|工作的年度报告|年报")]
    private static partial Regex ReportName();

    [GeneratedRegex(@"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\S{2,30}(?:人民政府|办公室|办公厅|局|委员会|厅|署|院|中心|办事处)$")]
    private static partial Regex SignatureLine();

    [GeneratedRegex(@"[。；！？]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"((?:19|20)\d{2})年(?:度)?.{0,30}?政府信息公开")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"统计期限.{0,6}?((?:19|20)\d{2})年")]
    private static partial Regex StatisticsYear();
}
