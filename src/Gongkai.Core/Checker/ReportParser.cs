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

    [GeneratedRegex(@"^\s*([-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?)\s*$")]
    private static partial Regex PageFooter();

    [GeneratedRegex(@"^(?:19|20)\d{2}年")]
    private static partial Regex TitleStartsWithYear();

    /// <summary>The names an annual report goes by in its title.</summary>
    [GeneratedRegex(@"年度(?:工作)?报告|工作的年度报告|年报")]
    private static partial Regex ReportName();

    [GeneratedRegex(@"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\S{2,30}(?:人民政府|办公室|办公厅|局|委员会|厅|署|院|中心|办事处)$")]
    private static partial Regex SignatureLine();

    [GeneratedRegex(@"((?:19|20)\d{2})年(?:度)?.{0,30}?政府信息公开")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"统计期限.{0,6}?((?:19|20)\d{2})年")]
    private static partial Regex StatisticsYear();
}
