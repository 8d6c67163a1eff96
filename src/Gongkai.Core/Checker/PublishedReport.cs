using System.Globalization;
using System.Text;
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

    /// <summary>The line as a table row: its label, and the cells that end it with their separators (see <see cref="ReportParser.SplitRow"/>).</summary>
    internal (string Label, string Cells) Row => row ??= ReportParser.SplitRow(Normalized);
}

/// <summary>
/// Text as published reports print it, made comparable: full-width digits, letters and brackets become half-width
/// and Kangxi radicals their ordinary characters (Unicode NFKC), the Traditional forms of the labels' characters
/// become Simplified, quotation marks and markup (Markdown #, *) are dropped.
/// </summary>
public static class ReportText
{
    private static readonly Dictionary<char, char> Simplified = new()
    {
        ['請'] = '请',
        ['開'] = '开',
        ['數'] = '数',
        ['處'] = '处',
        ['機'] = '机',
        ['關'] = '关',
        ['議'] = '议',
        ['訟'] = '讼',
        ['維'] = '维',
        ['結'] = '结',
        ['資'] = '资',
        ['訊'] = '讯',
        ['轉'] = '转',
        ['繼'] = '继',
        ['續'] = '续',
        ['辦'] = '办',
        ['總'] = '总',
        ['計'] = '计',
        ['們'] = '们',
        ['報'] = '报',
        ['國'] = '国',
        ['審'] = '审',
        ['復'] = '复',
        ['訴'] = '诉',
        ['聯'] = '联',
        ['業'] = '业',
        ['務'] = '务',
        ['術'] = '术',
        ['會'] = '会',
        ['組'] = '组',
        ['織'] = '织',
        ['類'] = '类',
        ['護'] = '护',
        ['權'] = '权',
        ['益'] = '益',
        ['內'] = '内',
        ['執'] = '执',
        ['調'] = '调',
        ['查'] = '查',
        ['詢'] = '询',
        ['項'] = '项',
        ['規'] = '规',
        ['範'] = '范',
        ['許'] = '许',
        ['罰'] = '罚',
        ['費'] = '费',
        ['統'] = '统',
        ['購'] = '购',
        ['產'] = '产',
        ['現'] = '现',
        ['製'] = '制',
        ['補'] = '补',
        ['確'] = '确',
        ['複'] = '复',
        ['應'] = '应',
        ['當'] = '当',
        ['與'] = '与',
        ['為'] = '为',
        ['這'] = '这',
        ['個'] = '个',
        ['錄'] = '录',
        ['況'] = '况',
        ['題'] = '题',
        ['進'] = '进',
        ['們'] = '们',
        ['學'] = '学',
        ['獲'] = '获',
        ['駁'] = '驳',
        ['糾'] = '纠',
        ['狀'] = '状',
        ['經'] = '经',
        ['訪'] = '访',
        // CJK Radicals Supplement forms PDF text extraction returns for ordinary characters (NFKC leaves them).
        ['⺠'] = '民',
        ['⻅'] = '见',
        ['⻓'] = '长',
        ['⻔'] = '门',
        ['⻢'] = '马',
        ['⻛'] = '风',
        ['⻚'] = '页',
        ['⻆'] = '角',
        ['⻄'] = '西',
        ['⻝'] = '食',
        ['⻜'] = '飞',
        ['⻋'] = '车',
        ['⻓'] = '长',
        ['⻘'] = '青',
        ['⻬'] = '齐',
        ['⻰'] = '龙',
        ['舉'] = '举',
        ['責'] = '责',
        ['負'] = '负',
        ['檔'] = '档',
        ['據'] = '据',
        ['設'] = '设',
        ['體'] = '体',
        ['單'] = '单',
        ['兩'] = '两',
        ['麗'] = '丽',
        ['減'] = '减',
        ['動'] = '动',
        ['區'] = '区',
        ['發'] = '发',
        ['號'] = '号',
        ['後'] = '后',
        ['員'] = '员',
        ['對'] = '对',
        ['屬'] = '属',
        ['廢'] = '废',
        ['強'] = '强',
        ['擇'] = '择',
        ['無'] = '无',
        ['時'] = '时',
        ['條'] = '条',
        ['來'] = '来',
        ['構'] = '构',
        ['標'] = '标',
        ['瀏'] = '浏',
        ['穩'] = '稳',
        ['係'] = '系',
        ['納'] = '纳',
        ['編'] = '编',
        ['繳'] = '缴',
        ['覽'] = '览',
        ['認'] = '认',
        ['試'] = '试',
        ['誤'] = '误',
        ['讀'] = '读',
        ['過'] = '过',
        ['還'] = '还',
        ['選'] = '选',
        ['採'] = '采',
        ['錯'] = '错',
        ['問'] = '问',
        ['間'] = '间',
        ['頁'] = '页',
        ['順'] = '顺',
        ['額'] = '额',
        ['萬'] = '万',
        ['決'] = '决',
        ['於'] = '于',
        ['縣'] = '县',
        ['鄉'] = '乡',
        ['鎮'] = '镇',
        ['門'] = '门',
        ['戶'] = '户',
        ['網'] = '网',
        ['説'] = '说',
        ['說'] = '说',
        ['級'] = '级',
        ['層'] = '层',
        ['實'] = '实',
        ['證'] = '证',
        ['書'] = '书',
        ['聽'] = '听',
        ['徑'] = '径',
        ['幣'] = '币',
        ['億'] = '亿',
        ['圖'] = '图',
        ['閱'] = '阅',
        ['陸'] = '陆',
        ['歸'] = '归',
        ['預'] = '预',
        ['衛'] = '卫',
        ['環'] = '环',
        ['專'] = '专',
        ['導'] = '导',
        ['質'] = '质',
        ['佈'] = '布',
        ['僅'] = '仅',
        ['參'] = '参',
        ['將'] = '将',
        ['頭'] = '头',
        ['勞'] = '劳',
        ['稅'] = '税',
        ['義'] = '义',
        ['紀'] = '纪',
        ['監'] = '监',
        ['懲'] = '惩',
        ['聞'] = '闻',
        ['訂'] = '订',
        ['準'] = '准',
        ['點'] = '点',
        ['辭'] = '辞',
        ['濟'] = '济',
        ['裡'] = '里',
        ['裏'] = '里',
        ['線'] = '线',
        ['從'] = '从',
        ['雙'] = '双',
        ['壓'] = '压',
        ['鄰'] = '邻',
        ['燈'] = '灯',
        ['壯'] = '壮',
        ['態'] = '态',
        ['營'] = '营',
        ['慶'] = '庆',
        ['廣'] = '广',
        ['東'] = '东',
        ['蘇'] = '苏',
        ['遼'] = '辽',
        ['黃'] = '黄',
        ['藥'] = '药',
        ['醫'] = '医',
        ['養'] = '养',
        ['險'] = '险',
        ['傳'] = '传',
        ['遞'] = '递',
        ['顯'] = '显',
        ['驗'] = '验',
        ['庫'] = '库',
        ['殘'] = '残',
        ['災'] = '灾',
        ['貧'] = '贫',
        ['幹'] = '干',
        ['餘'] = '余',
        ['衝'] = '冲',
    };

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            switch (ch)
            {
                case '“' or '”' or '‘' or '’' or '"' or '「' or '」' or '*' or '#' or '\u00A0' or '\u3000':
                    if (ch is '\u00A0' or '\u3000')
                    {
                        builder.Append(' ');
                    }

                    break;
                case '〔' or '［' or '【':
                    builder.Append('[');
                    break;
                case '〕' or '］' or '】':
                    builder.Append(']');
                    break;
                case '．':
                    builder.Append('.');
                    break;
                default:
                    builder.Append(Simplified.GetValueOrDefault(ch, ch));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The normalized text without any whitespace (labels split by stray spaces compare equal).</summary>
    public static string Compact(string text) => WithoutWhiteSpace(Normalize(text));

    internal static string WithoutWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length == text.Length ? text : builder.ToString();
    }

    /// <summary>A Chinese or Arabic numeral as a number (一百二十三, 两, 十五, 1,234); null when it is not one.</summary>
    public static int? Numeral(string text)
    {
        text = Normalize(text).Replace(",", "", StringComparison.Ordinal).Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic;
        }

        const string digits = "零一二三四五六七八九";
        var total = 0;
        var current = 0;
        foreach (var ch in text)
        {
            var d = ch == '两' ? 2 : ch == '〇' ? 0 : digits.IndexOf(ch, StringComparison.Ordinal);
            if (d >= 0)
            {
                current = d;
            }
            else if (ch is '十' or '百' or '千' or '万')
            {
                var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, _ => 10000 };
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return text.Length == 0 ? null : total + current;
    }
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
