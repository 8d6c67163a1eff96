using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;

namespace Gongkai.Core.Checker;

/// <summary>
/// The checks of report-checks.md on a published report: A (arithmetic, by the same rules a generated report
/// passes), B (cells as printed), C (structure and version), D (the text against the tables), and from E: X2, and
/// T5 and X3 when last year's report is given. Every finding names its rule, where, the numbers, and why.
/// </summary>
public static partial class ReportChecker
{
    /// <summary>The findings; <paramref name="ct"/> (a time budget, a client gone) is observed between rules and every 256 lines.</summary>
    public static IReadOnlyList<Finding> Check(PublishedReport report, PublishedReport? previous = null, CancellationToken ct = default)
    {
        var findings = new List<Finding>();
        if (!report.TablesOnly)
        {
            Structure(report, findings, ct);
        }

        ct.ThrowIfCancellationRequested();
        Cells(report, findings);
        if (report.Requests.Count > 0)
        {
            var lastYear = previous is { Requests.Count: > 0 } ? previous.RequestTable() : null;
            findings.AddRange(ReportRules.Check(report.RequestTable(), report.AppealsTable(), lastYear).Where(f => f.RuleId != "C2"));
        }

        Subtotals(report, findings);
        Article20Plausibility(report, findings);
        ct.ThrowIfCancellationRequested();
        if (!report.TablesOnly)
        {
            Narrative(report, findings, ct);
        }

        ct.ThrowIfCancellationRequested();
        if (previous is not null)
        {
            Sameness(report, previous, findings);
        }

        return report.EndsEarly is { } end && !report.TablesOnly ? EndsEarly(report, end, findings) : findings;
    }

    /// <summary>
    /// S7: a text cut short is said so once, where it ends and what was read last, and no finding rests on what is
    /// missing: no missing sections or rows (S1, S3), no sums over a cut table (T1, T2, T5, T6; T4 for table 四), no
    /// text compared with a table that was not read (N1, N2, N3), no announced parts (S6), fees or sameness of a
    /// section not there (X2, X3), and no blank cell or empty section where the text stopped (C1, S8).
    /// </summary>
    private static List<Finding> EndsEarly(PublishedReport report, ReportEnd end, List<Finding> findings)
    {
        bool Depends(Finding f)
        {
            var line = LineOf(f.Location);
            return f.RuleId switch
            {
                "S1" => f.Message.StartsWith("未找到规定的部分", StringComparison.Ordinal),
                "S3" => (end.RequestTableCut && f.Message.Contains("表三", StringComparison.Ordinal))
                    || (end.AppealsCut && f.Message.Contains("表四", StringComparison.Ordinal))
                    || (end.Article20Cut && f.Message.Contains("表二", StringComparison.Ordinal)),
                "S6" => true,
                "T1" or "T2" or "T5" or "T6" or "N1" or "N2" => end.RequestTableCut,
                "T4" or "N3" => end.AppealsCut,
                "C1" => (end.AppealsCut && f.Location.Contains("表四", StringComparison.Ordinal)) || (line is not null && line == end.LastRowLine),
                "X2" => !report.Sections.ContainsKey(6),
                "X3" => !report.Sections.ContainsKey(5),
                "S8" => line is null || (report.Sections.TryGetValue(end.LastSection, out var heading) && line >= heading),
                _ => false,
            };
        }

        var missing = end.LastSection switch
        {
            0 => "报告的各个部分",
            5 => "第六部分",
            _ => $"第{"一二三四五六"[end.LastSection]}部分至第六部分",
        };
        var kept = findings.Where(f => !Depends(f)).ToList();
        kept.Insert(0, new("S7", Severity.Warning, Line(end.LastLine),
            $"文本到第{end.LastLine}行就结束了，最后读到的是{(end.LastRead.Length > 0 ? end.LastRead : "表三的部分行")}，没有{missing}：可能只复制了页面的一部分，或文件下载不完整。缺少的内容不作检查，也不据此判断其他问题。"));
        return kept;
    }

    private static int? LineOf(string location) =>
        LocationLine().Match(location) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string Line(int number) => $"第{number}行";

    private static void Structure(PublishedReport report, List<Finding> findings, CancellationToken ct)
    {
        // S1: the six sections, in order.
        var missing = Enumerable.Range(1, 6).Where(s => !report.Sections.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            findings.Add(new("S1", Severity.Warning, "全文", $"未找到规定的部分：{string.Join("、", missing.Select(s => ReportFormats.Sections[s - 1]))}。年度报告应包括格式规定的六个部分。"));
        }

        var order = report.Sections.OrderBy(s => s.Value).Select(s => s.Key).ToList();
        if (!order.SequenceEqual(order.Order()))
        {
            findings.Add(new("S1", Severity.Warning, "全文", $"各部分的顺序与格式不一致（实际顺序：{string.Join("、", order.Select(s => ReportFormats.Sections[s - 1][..1]))}）。"));
        }

        // S2: the format version fits the year.
        if (report.Year is { } year && report.Format is { } format && ReportFormats.ForYear(year) != format)
        {
            findings.Add(new("S2", Severity.Error, "表二、表三", $"{year} 年度报告应使用{ReportFormats.ForYear(year).DisplayName()}，但表格是{format.DisplayName()}。"));
        }

        if (report.Year >= 2021 && report.Prose.FirstOrDefault(l => ReportText.Compact(l.Text).Contains("格式(试行)", StringComparison.Ordinal)) is { } trial)
        {
            findings.Add(new("S2", Severity.Warning, Line(trial.Number), "2021 年度起应使用 2021 年版格式，正文仍引用“格式（试行）”。"));
        }

        // S3: rows that could not be mapped.
        foreach (var unmapped in report.Unmapped)
        {
            findings.Add(new("S3", Severity.Warning, "表格", unmapped));
        }

        foreach (var (line, label) in report.ExtraRows)
        {
            findings.Add(new("S3", Severity.Info, $"{Line(line)} · 表三", $"“{label}”不是格式中的行（可能是本地区增加的行），未计入勾稽关系。"));
        }

        // S4: template residue.
        foreach (var line in report.Lines)
        {
            if ((line.Number & 0xFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var compact = ReportText.Compact(line.Text);
            if (TemplateResidue().Match(compact) is { Success: true } residue)
            {
                findings.Add(new("S4", Severity.Warning, Line(line.Number), $"疑似模板残留“{residue.Value}”，发布前应删除或填写。"));
            }
        }

        // S5: the title names the agency and the year; the period is stated.
        var title = report.Title is null ? "" : ReportText.Compact(report.Title);
        if (!ProperTitle().IsMatch(title))
        {
            findings.Add(new("S5", Severity.Warning, "标题", "标题应为“××（机关）××××年政府信息公开工作年度报告”，写明机关和年度。"));
        }

        if (!report.Lines.Any(l => ReportText.Compact(l.Text) is var c && (c.Contains("统计期限", StringComparison.Ordinal) || (c.Contains("1月1日", StringComparison.Ordinal) && c.Contains("12月31日", StringComparison.Ordinal)))))
        {
            findings.Add(new("S5", Severity.Info, "全文", "未写明统计期限（如“本报告中所列数据的统计期限自××××年1月1日起至12月31日止”）。"));
        }
    }

    private static void Cells(PublishedReport report, List<Finding> findings)
    {
        var rows = ReportFormats.RequestRows(report.Format ?? ReportFormat.V2021);
        foreach (var (code, (cells, line)) in report.Requests)
        {
            var label = rows.FirstOrDefault(r => r.Code == code)?.Label ?? code;
            NotNumbers(findings, $"{Line(line)} · 表三 · {label}", cells, i => ReportFormats.RequestColumns[i].Label, Severity.Error);
            for (var c = 0; c < 7; c++)
            {
                if (cells[c].Kind == CellKind.Number && (cells[c].Value < 0 || decimal.Truncate(cells[c].Value) != cells[c].Value))
                {
                    findings.Add(new("C2", Severity.Error, $"{Line(line)} · 表三 · {label} · {ReportFormats.RequestColumns[c].Label}", $"申请件数应为不小于 0 的整数，表中为“{cells[c].Raw.Trim()}”。"));
                }
            }
        }

        if (report.Appeals is { } appeals)
        {
            var labels = ReportFormats.AppealGroups.SelectMany(g => ReportFormats.AppealColumns.Select(c => $"{g.Group}{(g.Subgroup is null ? "" : "·" + g.Subgroup)}·{c.Label}")).ToList();
            if (appeals.Cells.All(c => c.Kind == CellKind.Blank))
            {
                findings.Add(new("C1", Severity.Error, $"{Line(appeals.Line)} · 表四", "表四只印了表头，15 个格子都没有数字。没有案件时每格应填 0。"));
            }
            else
            {
                NotNumbers(findings, $"{Line(appeals.Line)} · 表四", appeals.Cells, i => labels[i], Severity.Error);
            }
        }

        foreach (var ((item, row), (cells, line)) in report.Article20)
        {
            var table = Article20Formats.Tables(report.Format ?? ReportFormat.V2021).First(t => t.Item == item);
            NotNumbers(findings, $"{Line(line)} · 表二 · {item} · {row}", cells, i => table.Columns[i], Severity.Warning);
        }
    }

    /// <summary>C1: cells that hold no number: blank, "/", "-", "无" or words.</summary>
    private static void NotNumbers(List<Finding> findings, string location, PrintedCell[] cells, Func<int, string> column, Severity severity)
    {
        var bad = cells.Select((c, i) => (Cell: c, Column: i)).Where(x => x.Cell.Kind != CellKind.Number).ToList();
        if (bad.Count > 0)
        {
            findings.Add(new("C1", severity, location,
                $"{string.Join("、", bad.Select(b => $"“{column(b.Column)}”{(b.Cell.Kind == CellKind.Blank ? "空白" : $"为“{b.Cell.Raw.Trim()}”")}"))}：格式要求填写数字，没有的填 0。"));
        }
    }

    /// <summary>T6: sub-totals a report prints on a group's row equal the sum of the group's rows.</summary>
    private static void Subtotals(PublishedReport report, List<Finding> findings)
    {
        var rows = ReportFormats.RequestRows(report.Format ?? ReportFormat.V2021);
        var table = report.RequestTable();
        foreach (var (code, (cells, line)) in report.Subtotals)
        {
            var label = rows.First(r => r.Code == code).Label;
            for (var c = 0; c < 7; c++)
            {
                var sum = rows.Where(r => r.IsOutcomeLeaf && r.Code.StartsWith(code + ".", StringComparison.Ordinal)).Sum(r => table[r.Code, c]);
                if (cells[c].Kind == CellKind.Number && cells[c].Value != sum)
                {
                    findings.Add(new("T6", Severity.Error, $"{Line(line)} · 表三 · {label} · {ReportFormats.RequestColumns[c].Label}",
                        string.Create(CultureInfo.InvariantCulture, $"小计为 {cells[c].Value}，但其下各项之和为 {sum}。")));
                }
            }
        }
    }

    /// <summary>T7 (2019 format: 对外公开总数量 ≥ 本年新公开数量) and C3 (fees in 万元 in the 2021 format).</summary>
    private static void Article20Plausibility(PublishedReport report, List<Finding> findings)
    {
        if (report.Format == ReportFormat.V2019)
        {
            foreach (var ((item, row), (cells, line)) in report.Article20.Where(a => a.Key.Item == "第二十条第（一）项"))
            {
                if (cells[1].Kind == CellKind.Number && cells[2].Kind == CellKind.Number && cells[2].Value < cells[1].Value)
                {
                    findings.Add(new("T7", Severity.Warning, $"{Line(line)} · 表二 · {item} · {row}",
                        string.Create(CultureInfo.InvariantCulture, $"对外公开总数量 {cells[2].Value} 小于本年新公开数量 {cells[1].Value}。")));
                }
            }
        }

        if (report.Format == ReportFormat.V2021 && report.Article20Items.TryGetValue("第二十条第（八）项", out var fees))
        {
            var near = report.Lines.Where(l => l.Number >= fees && l.Number <= fees + 4).Select(l => ReportText.Compact(l.Text));
            if (!near.Any(t => t.Contains("万元", StringComparison.Ordinal)))
            {
                findings.Add(new("C3", Severity.Warning, $"{Line(fees)} · 表二 · 第二十条第（八）项", "行政事业性收费金额应以“万元”为单位，表中未注明或用了其他单位。"));
            }
        }
    }

    private sealed record Claim(Regex Pattern, string Row, string What);

    private static void Narrative(PublishedReport report, List<Finding> findings, CancellationToken ct)
    {
        var sentences = report.Prose.SelectMany(l => SentenceEnd().Split(l.Normalized).Select(s => (Line: l.Number, Text: s.Trim()))).Where(s => s.Text.Length > 0).ToList();
        if (report.Requests.Count > 0)
        {
            var table = report.RequestTable();
            int Total(string code) => table[code, 6];
            int Group(string prefix) => table.Rows.Where(r => r.IsOutcomeLeaf && r.Code.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => table[r.Code, 6]);
            var claims = new (Regex Pattern, Func<int> Table, string What, string Row)[]
            {
                (Received(), () => Total("1"), "收到申请", "一、本年新收政府信息公开申请数量"),
                (Decided(), () => Total("3.7"), "办结（答复）申请", "三、本年度办理结果（七）总计"),
                (CarriedOut(), () => Total("4"), "结转下年度", "四、结转下年度继续办理"),
                (DisclosedClaim(), () => Total("3.1"), "予以公开", "（一）予以公开"),
                (PartialClaim(), () => Total("3.2"), "部分公开", "（二）部分公开"),
                (WithheldClaim(), () => Group("3.3."), "不予公开", "（三）不予公开各项之和"),
                (UnavailableClaim(), () => Group("3.4."), "无法提供", "（四）无法提供各项之和"),
                (NotProcessedClaim(), () => Group("3.5."), "不予处理", "（五）不予处理各项之和"),
            };
            foreach (var (line, text) in sentences)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var (pattern, value, what, row) in claims)
                {
                    foreach (Match m in pattern.Matches(text))
                    {
                        if (ReportText.Numeral(m.Groups["n"].Value) is { } stated && stated != value()
                            // “共收到申请N件（含上年结转M件）”: new plus carried in is the same count.
                            && !(what == "收到申请" && stated == Total("1") + Total("2")))
                        {
                            findings.Add(new("N1", Severity.Error, Line(line),
                                $"正文称{what} {stated} 件（“{m.Value}”），但表三“{row}”为 {value()} 件。"));
                        }
                    }
                }
            }
        }

        if (report.Appeals is { } printed && printed.Cells.Any(c => c.Kind == CellKind.Number))
        {
            var appeals = report.AppealsTable();
            var reconsideration = appeals[AppealKind.Reconsideration, 4];
            var litigation = appeals[AppealKind.LitigationDirect, 4] + appeals[AppealKind.LitigationAfterReconsideration, 4];
            var notUpheld = Enum.GetValues<AppealKind>().Sum(k => appeals[k, 1] + appeals[k, 2] + appeals[k, 3]);
            foreach (var (line, text) in sentences)
            {
                if (AllUpheld().IsMatch(text) && notUpheld > 0)
                {
                    findings.Add(new("N3", Severity.Error, Line(line), $"正文称案件“均获维持”，但表四有 {notUpheld} 件结果纠正、其他结果或尚未审结。"));
                }

                foreach (Match m in ReconsiderationCount().Matches(text))
                {
                    if (ReportText.Numeral(m.Groups["n"].Value) is { } n && n != reconsideration)
                    {
                        findings.Add(new("N3", Severity.Error, Line(line), $"正文称行政复议 {n} 件（“{m.Value}”），但表四行政复议总计为 {reconsideration} 件。"));
                    }
                }

                foreach (Match m in LitigationCount().Matches(text))
                {
                    if (ReportText.Numeral(m.Groups["n"].Value) is { } n && n != litigation)
                    {
                        findings.Add(new("N3", Severity.Error, Line(line), $"正文称行政诉讼 {n} 件（“{m.Value}”），但表四行政诉讼总计为 {litigation} 件。"));
                    }
                }
            }
        }

        // N2: a share recomputed from the table, with the same denominator, to the printed precision.
        if (report.Requests.Count > 0)
        {
            var table = report.RequestTable();
            var denominators = new[] { table["3.7", 6], table["1", 6], table["1", 6] + table["2", 6] }.Where(d => d > 0).Distinct().ToList();
            foreach (var (line, text) in sentences)
            {
                foreach (Match m in Share().Matches(text))
                {
                    var count = ReportText.Numeral(m.Groups["n"].Value);
                    var percent = decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
                    var decimals = m.Groups["p"].Value.Contains('.', StringComparison.Ordinal) ? m.Groups["p"].Value.Split('.')[1].Length : 0;
                    var tolerance = 0.5m * (decimal)Math.Pow(10, -decimals) + 0.0001m;
                    if (count is { } n && denominators.Count > 0 && !denominators.Any(d => Math.Abs((decimal)n * 100 / d - percent) <= tolerance))
                    {
                        findings.Add(new("N2", Severity.Warning, Line(line),
                            string.Create(CultureInfo.InvariantCulture, $"“{m.Value}”：按表三，{n} 件占办结总数 {table["3.7", 6]} 件的 {(table["3.7", 6] == 0 ? 0 : (decimal)n * 100 / table["3.7", 6]):0.#}%，与正文不符。")));
                    }
                }
            }
        }

        // N4: the same figure stated twice with different values.
        foreach (var (pattern, what) in new[] { (PublishedCount(), "主动公开政府信息") })
        {
            var values = sentences.SelectMany(s => pattern.Matches(s.Text).Select(m => (s.Line, Value: ReportText.Numeral(m.Groups["n"].Value)))).Where(v => v.Value is not null).ToList();
            if (values.Select(v => v.Value).Distinct().Count() > 1)
            {
                findings.Add(new("N4", Severity.Warning, Line(values[1].Line), $"正文两处说{what}的数量不同：{string.Join("、", values.Select(v => $"第{v.Line}行 {v.Value} 条"))}。"));
            }
        }

        // S6: the introduction announces a number of parts.
        foreach (var (line, text) in sentences.Take(12))
        {
            if (Parts().Match(text) is { Success: true } parts && ReportText.Numeral(parts.Groups["n"].Value) is { } announced && announced != report.Sections.Count && report.Sections.Count > 0)
            {
                findings.Add(new("S6", Severity.Warning, Line(line), $"引言说报告分为 {announced} 个部分，实际有 {report.Sections.Count} 个部分。"));
            }
        }

        // N5: the same sentence twice — again in a later paragraph (perhaps inside a longer sentence), or repeated in one.
        var paragraphs = report.Prose.Select(l => (l.Number, Text: ReportText.Compact(l.Text))).ToList();
        var reported = new HashSet<string>();
        var seen = new HashSet<(int, string)>();
        foreach (var (line, text) in sentences)
        {
            var compact = ReportText.Compact(text);
            if (compact.Length < 15 || reported.Contains(compact))
            {
                continue;
            }

            var earlier = paragraphs.FirstOrDefault(p => p.Number < line && p.Text.Contains(compact, StringComparison.Ordinal));
            if (earlier.Text is not null || !seen.Add((line, compact)))
            {
                reported.Add(compact);
                findings.Add(new("N5", Severity.Warning, Line(line), $"这句话在第{(earlier.Text is null ? line : earlier.Number)}行已经出现过：“{Shorten(text)}”。"));
            }
        }

        // X2: from the 2021 format, section 六 states the processing fees collected.
        if (report.Format == ReportFormat.V2021 && report.Sections.TryGetValue(6, out var six))
        {
            var sixth = report.Prose.Where(l => l.Number > six).Select(l => ReportText.Compact(l.Text));
            if (!sixth.Any(t => t.Contains("费", StringComparison.Ordinal)))
            {
                findings.Add(new("X2", Severity.Warning, Line(six), "2021 年版格式要求在第六部分说明收取信息处理费的情况（未收取也应写明）。"));
            }
        }
    }

    /// <summary>X3: sections 一 and 五 nearly the same as last year's (内容雷同).</summary>
    private static void Sameness(PublishedReport report, PublishedReport previous, List<Finding> findings)
    {
        foreach (var section in new[] { 1, 5 })
        {
            var now = SectionText(report, section);
            var before = SectionText(previous, section);
            if (now.Length < 50 || before.Length < 50)
            {
                continue;
            }

            var a = Shingles(now);
            var b = Shingles(before);
            var similarity = (double)a.Intersect(b).Count() / a.Union(b).Count();
            if (similarity >= 0.8)
            {
                findings.Add(new("X3", Severity.Warning, ReportFormats.Sections[section - 1],
                    string.Create(CultureInfo.InvariantCulture, $"与上一年度报告的同一部分有 {similarity:P0} 相同，疑似照搬（内容雷同）。")));
            }
        }
    }

    private static string SectionText(PublishedReport report, int section)
    {
        if (!report.Sections.TryGetValue(section, out var from))
        {
            return "";
        }

        var to = report.Sections.Where(s => s.Value > from).Select(s => s.Value).DefaultIfEmpty(int.MaxValue).Min();
        return string.Concat(report.Prose.Where(l => l.Number > from && l.Number < to).Select(l => ReportText.Compact(l.Text)));
    }

    private static HashSet<string> Shingles(string text) => Enumerable.Range(0, Math.Max(0, text.Length - 3)).Select(i => text.Substring(i, 4)).ToHashSet();

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private const string N = @"(?<n>\d{1,3}(?:,\d{3})+|\d+|[零〇一二三四五六七八九十百千两]+)";

    [GeneratedRegex(@"^第(\d+)行")]
    private static partial Regex LocationLine();

    // The agency then the year, or the year then the agency ("2019年××市××局政府信息公开工作年度报告"): both are printed.
    [GeneratedRegex(@"^(?:\S{2,}?(?:19|20)\d{2}年度?|(?:19|20)\d{2}年度?\S{2,}?)政府信息公开(?:工作)?年度报告")]
    private static partial Regex ProperTitle();

    [GeneratedRegex(@"[。；;！!？?]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(编写说明|\(文字描述\)|文字描述|填写说明|\(此处填写|XX年|××年|\(机关名称\))")]
    private static partial Regex TemplateResidue();

    [GeneratedRegex(@"(?:(?:收到|新收|受理|接收)[^，,。；、]{0,12}?申请(?:共|总计|合计)?\s*" + N + @"\s*(?:件|个|份)|(?:收到|新收|受理|接收)(?:了)?(?:共)?\s*" + N + @"\s*(?:件|个|份)(?:政府信息)?(?:公开)?申请)")]
    private static partial Regex Received();

    [GeneratedRegex(@"(?:办结|答复|办理完毕)(?:申请)?(?:共|总计|合计)?\s*" + N + @"\s*件")]
    private static partial Regex Decided();

    [GeneratedRegex(@"结转(?:下年度|下一年度|至下年度|至下一年度|到下年度)(?:继续办理)?\s*" + N + @"\s*件")]
    private static partial Regex CarriedOut();

    [GeneratedRegex(@"(?<![部分不])予以公开\s*" + N + @"\s*件")]
    private static partial Regex DisclosedClaim();

    [GeneratedRegex(@"部分公开\s*" + N + @"\s*件")]
    private static partial Regex PartialClaim();

    [GeneratedRegex(@"不予公开\s*" + N + @"\s*件")]
    private static partial Regex WithheldClaim();

    [GeneratedRegex(@"无法提供\s*" + N + @"\s*件")]
    private static partial Regex UnavailableClaim();

    [GeneratedRegex(@"不予处理\s*" + N + @"\s*件")]
    private static partial Regex NotProcessedClaim();

    [GeneratedRegex(@"(?<n>\d+|[零〇一二三四五六七八九十百千两]+)\s*件[^。；,，]{0,6}?(?:,|，)?\s*占[^。；\d]{0,10}?(?<p>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Share();

    [GeneratedRegex(@"主动公开(?:政府)?信息(?:共)?\s*" + N + @"\s*条")]
    private static partial Regex PublishedCount();

    [GeneratedRegex(@"(?:分为|包括|由|共)\s*" + N + @"\s*(?:个)?部分")]
    private static partial Regex Parts();

    [GeneratedRegex(@"(均获维持|均予维持|均被维持|均维持|全部维持|全部获得维持)")]
    private static partial Regex AllUpheld();

    [GeneratedRegex(@"行政复议(?:案件)?(?:共)?\s*" + N + @"\s*(?:件|起)")]
    private static partial Regex ReconsiderationCount();

    [GeneratedRegex(@"行政诉讼(?:案件)?(?:共)?\s*" + N + @"\s*(?:件|起)")]
    private static partial Regex LitigationCount();
}
