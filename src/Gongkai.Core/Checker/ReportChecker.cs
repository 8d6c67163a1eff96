using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Checker;

/// <summary>
/// The checks of docs/report-check.md on a published report: A (arithmetic, by the same rules a generated report
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
            EmptyParts(report, findings);
        }

        ct.ThrowIfCancellationRequested();
        Cells(report, findings);
        if (report.Requests.Count > 0)
        {
            var lastYear = previous is { Requests.Count: > 0 } ? previous.RequestTable() : null;
            var sums = ReportRules.Check(report.RequestTable(), report.AppealsTable(), lastYear).Where(f => f.RuleId != "C2");
            findings.AddRange(ReadSums(report, sums, findings));
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

        return Bounded(report.EndsEarly is { } end && !report.TablesOnly ? EndsEarly(report, end, findings) : findings);
    }

    /// <summary>
    /// Never an arithmetic error over a row that was not read: a leaf row not found (its S3 says so) or a row whose
    /// numbers could not be put in their columns. The sums that need such a row are left out — T2 (the outcomes' sum)
    /// for any leaf, T1 and T5 for the rows they add, T3 for the row itself — and what was not checked is said once.
    /// </summary>
    private static IEnumerable<Finding> ReadSums(PublishedReport report, IEnumerable<Finding> sums, List<Finding> findings)
    {
        var format = report.Format ?? ReportFormat.V2021;
        var leaves = ReportFormats.RequestRows(format).Where(r => r.Kind != RowKind.Heading).ToList();
        var unread = leaves.Where(r => !report.Requests.ContainsKey(r.Id) || report.UnreadRows.Contains(r.Id)).ToList();
        if (unread.Count == 0 || report.Requests.Count == 0)
        {
            return sums;
        }

        foreach (var row in leaves.Where(r => report.UnreadRows.Contains(r.Id)))
        {
            var (cells, line) = report.Requests[row.Id];
            findings.Add(new("S3", Severity.Warning, $"{Line(line)} · 表三 · {row.Label}",
                $"这一行只读到 {cells.Count(c => c.Kind != CellKind.Blank)} 个数字（应有 {ApplicantColumns.All.Count} 列），文本没有标出哪几格是空的，无法确定各数字属于哪一列；涉及这一行的核对（各列合计、总计）未做。"));
        }

        // T2 adds the rows of 三 (the outcomes and their total); T1 adds 一, 二, （七）总计 and 四.
        var outcomes = unread.Any(r => r.Id is not (RequestsRow.NewlyReceived or RequestsRow.CarriedIn or RequestsRow.CarriedOut));
        var inflow = unread.Any(r => r.Id is RequestsRow.NewlyReceived or RequestsRow.CarriedIn or RequestsRow.Total or RequestsRow.CarriedOut);
        var skipped = new List<string>();
        var kept = new List<Finding>();
        foreach (var finding in sums)
        {
            var skip = finding.RuleId switch
            {
                "T2" => outcomes,
                "T1" => inflow,
                "T5" => unread.Any(r => r.Id == RequestsRow.CarriedIn),
                "T3" => unread.Any(r => report.UnreadRows.Contains(r.Id) && finding.Location.EndsWith(" · " + r.Label, StringComparison.Ordinal)),
                _ => false,
            };
            if (skip)
            {
                skipped.Add(finding.RuleId);
            }
            else
            {
                kept.Add(finding);
            }
        }

        if (skipped.Count > 0)
        {
            findings.Add(new("S3", Severity.Info, "表三",
                $"因表三有的行未读到或列对不上，{string.Join("、", skipped.Distinct().Order(StringComparer.Ordinal))} 的 {skipped.Count} 处核对未做（不据未读到的数字判断对错）。"));
        }

        return kept;
    }

    /// <summary>At most this many findings of one rule are listed for one report; the rest are counted in one more.</summary>
    public const int MaxFindingsPerRule = 20;

    /// <summary>
    /// A report that gets one thing wrong everywhere (a blank in every cell, a page furniture line on every page)
    /// would bury the other findings: each rule lists its first <see cref="MaxFindingsPerRule"/>, and one more finding
    /// of the same rule counts the rest, as severe as the most severe of them.
    /// </summary>
    private static List<Finding> Bounded(List<Finding> findings)
    {
        var byRule = findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).Where(g => g.Count() > MaxFindingsPerRule).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (byRule.Count == 0)
        {
            return findings;
        }

        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        var bounded = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (!byRule.TryGetValue(finding.RuleId, out var all))
            {
                bounded.Add(finding);
                continue;
            }

            var count = shown[finding.RuleId] = shown.GetValueOrDefault(finding.RuleId) + 1;
            if (count <= MaxFindingsPerRule)
            {
                bounded.Add(finding);
            }

            if (count == MaxFindingsPerRule)
            {
                var omitted = all.Skip(MaxFindingsPerRule).ToList();
                bounded.Add(new(finding.RuleId, omitted.Max(f => f.Severity), LineOf().Match(omitted[0].Location) is { Success: true } from ? from.Value + "起" : "全文",
                    string.Create(CultureInfo.InvariantCulture, $"另有 {omitted.Count} 处同类问题，未逐一列出。")));
            }
        }

        return bounded;
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
            var line = LineNumberOf(f.Location);
            return f.RuleId switch
            {
                "S1" => f.Message.StartsWith("未找到规定的部分", StringComparison.Ordinal),
                "S3" => (end.RequestTableCut && f.Message.Contains("表三", StringComparison.Ordinal))
                    || (end.AppealsCut && f.Message.Contains("表四", StringComparison.Ordinal))
                    || (end.Article20Cut && f.Message.Contains("表二", StringComparison.Ordinal)),
                // The introduction contradicting its own list stands; compared with the parts found, it rests on what is missing.
                "S6" => !f.Message.Contains("但列出的是", StringComparison.Ordinal),
                // The unit is printed in the column header, which may be after the cut.
                "C3" => end.Article20Cut,
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

    private static int? LineNumberOf(string location) =>
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

        if (report.Year >= 2021 && report.Prose.FirstOrDefault(l => l.Compact.Contains("格式(试行)", StringComparison.Ordinal)) is { } trial)
        {
            findings.Add(new("S2", Severity.Warning, Line(trial.Number), "2021 年度起应使用 2021 年版格式，正文仍引用“格式（试行）”。"));
        }

        // S2: the seven parts of the reports before 2019 (四、收费及减免情况; 五、因政府信息公开申请提起行政复议、行政诉讼的情况; 七、).
        if (report.Year >= 2019)
        {
            foreach (var line in report.Lines)
            {
                var compact = line.Compact;
                if (compact.Length <= 40 && SevenPartHeading().Match(compact) is { Success: true } old)
                {
                    var part = old.Groups["what"].Value switch
                    {
                        "七、" => "第七部分",
                        "收费及减免" => "单列的收费及减免部分",
                        _ => "单列的行政复议、行政诉讼部分",
                    };
                    findings.Add(new("S2", Severity.Warning, Line(line.Number),
                        $"“{Shorten(compact)}”是 2019 年以前七部分结构的标题（{part}）。{report.Year} 年度报告应按现行格式的六个部分编写。"));
                }
            }
        }

        // S2: an introduction listing the parts of the reports before 2019 (the fees as a part of their own).
        if (report.Year >= 2019 && report.Prose.Take(12).FirstOrDefault(l => ListedParts().Match(l.Compact) is { Success: true } m
                && (m.Groups["list"].Value.Contains("收费及减免", StringComparison.Ordinal) || m.Groups["list"].Value.Contains("费用情况", StringComparison.Ordinal))) is { } oldList)
        {
            findings.Add(new("S2", Severity.Warning, Line(oldList.Number), $"引言列出的部分中有单列的收费（费用）情况，是 2019 年以前七部分结构。{report.Year} 年度报告应按现行格式的六个部分编写。"));
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

            var compact = line.Compact;
            if (TemplateResidue().Match(compact) is { Success: true } residue)
            {
                findings.Add(new("S4", Severity.Warning, Line(line.Number), $"疑似模板残留“{residue.Value}”，发布前应删除或填写。"));
            }
            else if (LabelInstruction().Match(compact) is { Success: true } instruction)
            {
                findings.Add(new("S4", Severity.Warning, Line(line.Number), $"表中留有模板的填写说明“{Shorten(instruction.Value)}”，发布前应删除。"));
            }
        }

        // S5: the title names the agency and the year; the period is stated.
        var title = report.Title is null ? "" : ReportText.Compact(report.Title);
        if (title.Length == 0)
        {
            findings.Add(new("S5", Severity.Warning, "标题", "没有找到标题：开头没有一行写明“××（机关）××××年政府信息公开工作年度报告”（引言中的一句话不能代替标题）。"));
        }
        else if (!ProperTitle().IsMatch(title))
        {
            findings.Add(new("S5", Severity.Warning, "标题", "标题应为“××（机关）××××年政府信息公开工作年度报告”，写明机关和年度。"));
        }

        if (!report.Lines.Any(l => l.Compact is var c && (c.Contains("统计期限", StringComparison.Ordinal) || (c.Contains("1月1日", StringComparison.Ordinal) && c.Contains("12月31日", StringComparison.Ordinal)))))
        {
            findings.Add(new("S5", Severity.Info, "全文", "未写明统计期限（如“本报告中所列数据的统计期限自××××年1月1日起至12月31日止”）。"));
        }
    }

    /// <summary>What a section may hold instead of its content: “无”, “略”, an ellipsis, “待补充”.</summary>
    private static readonly HashSet<string> Placeholders = ["无", "略", "(略)", "暂无", "待补充", "待填写", "空", "(空)", "同上"];

    /// <summary>
    /// S8: a section, or a numbered sub-part a section announces (（一）主动公开 …), left empty or holding only a
    /// placeholder. “无” is an answer for 六 (nothing else to report), not for the others: 五 has to name the
    /// problems. The last heading of a text with nothing after it is not judged: the text may be cut short (S7).
    /// </summary>
    private static void EmptyParts(PublishedReport report, List<Finding> findings)
    {
        var headings = report.Sections.OrderBy(s => s.Value).ToList();
        var lines = report.Lines.Where(l => l.Normalized.Trim().Length > 0).ToList();
        for (var k = 0; k < headings.Count; k++)
        {
            var (section, at) = (headings[k].Key, headings[k].Value);
            int? next = k + 1 < headings.Count ? headings[k + 1].Value : null;
            var body = lines.Where(l => l.Number > at && (next is null || l.Number < next)).ToList();
            var name = ReportFormats.Sections[section - 1];
            if (body.Count == 0)
            {
                if (next is { } following)
                {
                    findings.Add(new("S8", Severity.Warning, Line(at), $"“{name}”标题下没有任何内容，紧接着就是第{following}行的下一部分。该部分应写明本年度的情况，没有的也应如实说明。"));
                }

                continue;
            }

            var whole = string.Concat(body.Select(l => l.Compact));
            var bare = whole.TrimEnd('。', '.');
            if (Placeholders.Contains(bare) || (bare.Length == 0 && whole.Length > 0) || FillingInstruction().IsMatch(whole))
            {
                if (section == 6 && bare is "无" or "暂无")
                {
                    continue;
                }

                findings.Add(new("S8", Severity.Warning, Line(body[0].Number), section == 5
                    ? $"“{name}”只写了“{Shorten(whole)}”。这一部分应如实写明本年度工作存在的主要问题和改进措施，不能以“无”代替。"
                    : $"“{name}”只写了“{Shorten(whole)}”，是占位文字，不是内容。发布前应填写。"));
                continue;
            }

            if (section is 1 or 5 or 6)
            {
                EmptySubParts(body, next is not null, findings);
            }
        }
    }

    /// <summary>A sub-part heading alone on its line (（三）政府信息管理。) followed directly by the next sub-part or the section's end.</summary>
    private static void EmptySubParts(List<ReportLine> body, bool sectionEnds, List<Finding> findings)
    {
        for (var i = 0; i < body.Count; i++)
        {
            var compact = body[i].Compact;
            if (!SubPartHeading().IsMatch(compact))
            {
                continue;
            }

            var nextIsHeading = i + 1 < body.Count ? SubPartStart().IsMatch(body[i + 1].Compact) : sectionEnds;
            if (nextIsHeading)
            {
                findings.Add(new("S8", Severity.Warning, Line(body[i].Number),
                    $"“{compact.TrimEnd('。', ':')}”下没有内容，{(i + 1 < body.Count ? $"第{body[i + 1].Number}行就是下一项" : "这一部分就此结束")}。列出的小标题应写明具体情况，否则应删去。"));
            }
        }
    }

    private static void Cells(PublishedReport report, List<Finding> findings)
    {
        var rows = ReportFormats.RequestRows(report.Format ?? ReportFormat.V2021);
        foreach (var (row, (cells, line)) in report.Requests)
        {
            var label = rows.FirstOrDefault(r => r.Id == row)?.Label ?? row.ToString();
            if (!report.UnreadRows.Contains(row))
            {
                NotNumbers(findings, $"{Line(line)} · 表三 · {label}", cells, i => ApplicantColumns.All[i].Label(), Severity.Error);
            }

            foreach (var column in ApplicantColumns.All)
            {
                var cell = cells[(int)column];
                if (cell.Kind == CellKind.Number && (cell.Value < 0 || decimal.Truncate(cell.Value) != cell.Value))
                {
                    findings.Add(new("C2", Severity.Error, $"{Line(line)} · 表三 · {label} · {column.Label()}", $"申请件数应为不小于 0 的整数，表中为“{cell.Raw.Trim()}”。"));
                }
            }
        }

        if (report.Appeals is { } appeals)
        {
            var labels = ReportFormats.AppealGroups.SelectMany(g => AppealColumns.All.Select(c => $"{g.Group}{(g.Subgroup is null ? "" : "·" + g.Subgroup)}·{c.Label()}")).ToList();
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
        foreach (var (group, (cells, line)) in report.Subtotals)
        {
            var heading = rows.First(r => r.Id == group);
            foreach (var column in ApplicantColumns.All)
            {
                var cell = cells[(int)column];
                var sum = heading.Category is { } category ? table.CategoryTotal(category, column) : 0;
                if (cell.Kind == CellKind.Number && cell.Value != sum)
                {
                    findings.Add(new("T6", Severity.Error, $"{Line(line)} · 表三 · {heading.Label} · {column.Label()}",
                        string.Create(CultureInfo.InvariantCulture, $"小计为 {cell.Value}，但其下各项之和为 {sum}。")));
                }
            }
        }
    }

    /// <summary>T7 (2019 format: 对外公开总数量 ≥ 本年新公开数量) and C3 (fees in 万元 in the 2021 format).</summary>
    private static void Article20Plausibility(PublishedReport report, List<Finding> findings)
    {
        if (report.Format == ReportFormat.V2019)
        {
            var documents = Article20Formats.Tables(ReportFormat.V2019).Single(t => t.Item == Article20Formats.Documents);
            var (published, inTotal) = (documents.ColumnIndex(Article20Formats.NewlyPublished), documents.ColumnIndex(Article20Formats.PublishedInTotal));
            foreach (var ((item, row), (cells, line)) in report.Article20.Where(a => a.Key.Item == Article20Formats.Documents))
            {
                if (cells[published].Kind == CellKind.Number && cells[inTotal].Kind == CellKind.Number && cells[inTotal].Value < cells[published].Value)
                {
                    findings.Add(new("T7", Severity.Warning, $"{Line(line)} · 表二 · {item} · {row}",
                        string.Create(CultureInfo.InvariantCulture, $"对外公开总数量 {cells[inTotal].Value} 小于本年新公开数量 {cells[published].Value}。")));
                }
            }
        }

        if (report.Format == ReportFormat.V2021 && report.Article20Items.TryGetValue(Article20Formats.Fees, out var fees))
        {
            var near = report.Lines.Where(l => l.Number >= fees && l.Number <= fees + 4).Select(l => l.Compact);
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
            int Total(RequestsRow row) => table[row, ApplicantColumn.Total];
            int Group(OutcomeCategory category) => table.CategoryTotal(category, ApplicantColumn.Total);
            var claims = new (Regex Pattern, Func<int> Table, string What, string Row)[]
            {
                (Received(), () => Total(RequestsRow.NewlyReceived), "收到申请", "一、本年新收政府信息公开申请数量"),
                (Decided(), () => Total(RequestsRow.Total), "办结（答复）申请", "三、本年度办理结果（七）总计"),
                (CarriedOut(), () => Total(RequestsRow.CarriedOut), "结转下年度", "四、结转下年度继续办理"),
                (DisclosedClaim(), () => Total(RequestsRow.Disclosed), "予以公开", "（一）予以公开"),
                (PartialClaim(), () => Total(RequestsRow.PartiallyDisclosed), "部分公开", "（二）部分公开"),
                (WithheldClaim(), () => Group(OutcomeCategory.Withheld), "不予公开", "（三）不予公开各项之和"),
                (UnavailableClaim(), () => Group(OutcomeCategory.Unavailable), "无法提供", "（四）无法提供各项之和"),
                (NotProcessedClaim(), () => Group(OutcomeCategory.NotProcessed), "不予处理", "（五）不予处理各项之和"),
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
                            && !(what == "收到申请" && stated == Total(RequestsRow.NewlyReceived) + Total(RequestsRow.CarriedIn)))
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
            var reconsideration = appeals[AppealKind.Reconsideration, AppealColumn.Total];
            var litigation = appeals[AppealKind.LitigationDirect, AppealColumn.Total] + appeals[AppealKind.LitigationAfterReconsideration, AppealColumn.Total];
            var notUpheld = Enum.GetValues<AppealKind>().Sum(k => AppealColumns.NotUpheld.Sum(c => appeals[k, c]));
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

        // N2: a share recomputed from the table, with the same denominator, to the printed precision. A denominator
        // whose cell is blank or was not read is no denominator: the share is not judged against it.
        if (report.Requests.Count > 0)
        {
            var table = report.RequestTable();
            bool Printed(RequestsRow row) => report.Requests.TryGetValue(row, out var printed) && printed.Cells[(int)ApplicantColumn.Total].Kind == CellKind.Number;
            int Total(RequestsRow row) => table[row, ApplicantColumn.Total];
            var candidates = new List<(string Name, int Value)>();
            if (Printed(RequestsRow.Total))
            {
                candidates.Add(("办结总数", Total(RequestsRow.Total)));
            }

            if (Printed(RequestsRow.NewlyReceived))
            {
                candidates.Add(("本年新收", Total(RequestsRow.NewlyReceived)));
                if (Printed(RequestsRow.CarriedIn))
                {
                    candidates.Add(("新收与上年结转之和", Total(RequestsRow.NewlyReceived) + Total(RequestsRow.CarriedIn)));
                }
            }

            var denominators = candidates.Where(d => d.Value > 0).ToList();
            foreach (var (line, text) in sentences)
            {
                foreach (Match m in Share().Matches(text))
                {
                    var count = ReportText.Numeral(m.Groups["n"].Value);
                    var percent = decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
                    var tolerance = Tolerance(m.Groups["p"].Value);
                    if (count is { } n && denominators.Count > 0 && !denominators.Any(d => Math.Abs((decimal)n * 100 / d.Value - percent) <= tolerance))
                    {
                        var (name, d) = denominators[0];
                        findings.Add(new("N2", Severity.Warning, Line(line),
                            string.Create(CultureInfo.InvariantCulture, $"“{m.Value}”：按表三，{n} 件占{name} {d} 件的 {(decimal)n * 100 / d:0.#}%，与正文不符。")));
                    }
                }
            }
        }

        OutcomeShares(report, sentences, findings);
        RepeatedFigures(sentences, findings);

        // S6: the introduction announces a number of parts. Against the parts it lists itself; against the sections
        // found only when the text reaches 六 (a text cut short has fewer sections, and says so in S1/S7).
        foreach (var (line, text) in sentences.Take(12))
        {
            var compact = ReportText.Compact(text);
            var list = ListedParts().Match(compact);
            var parts = list.Success ? list : Parts().Match(compact);
            if (!parts.Success || ReportText.Numeral(parts.Groups["n"].Value) is not { } announced)
            {
                continue;
            }

            if (list.Success && CountParts(list.Groups["list"].Value) is { } listed)
            {
                if (listed != announced)
                {
                    findings.Add(new("S6", Severity.Warning, Line(line), $"引言说报告分为 {announced} 个部分，但列出的是 {listed} 个部分（“{Shorten(list.Groups["list"].Value)}”）。"));
                }
            }
            else if (announced != report.Sections.Count && report.Sections.ContainsKey(6))
            {
                findings.Add(new("S6", Severity.Warning, Line(line), $"引言说报告分为 {announced} 个部分，实际有 {report.Sections.Count} 个部分。"));
            }
        }

        RepeatedSentences(report, findings, ct);

        // X2: from the 2021 format, section 六 states the processing fees collected.
        if (report.Format == ReportFormat.V2021 && report.Sections.TryGetValue(6, out var six))
        {
            var sixth = report.Prose.Where(l => l.Number > six).Select(l => l.Compact);
            if (!sixth.Any(t => t.Contains("费", StringComparison.Ordinal)))
            {
                findings.Add(new("X2", Severity.Warning, Line(six), "2021 年版格式要求在第六部分说明收取信息处理费的情况（未收取也应写明）。"));
            }
        }
    }

    /// <summary>Half a unit of the last printed digit: 19.2 % stands for 19.15–19.25 %.</summary>
    private static decimal Tolerance(string printed)
    {
        var decimals = printed.Contains('.', StringComparison.Ordinal) ? printed.Split('.')[1].Length : 0;
        return 0.5m * (decimal)Math.Pow(10, -decimals) + 0.0001m;
    }

    /// <summary>The outcome categories of table 三, as the text names them, and the rows each stands for.</summary>
    private static readonly (string Name, OutcomeCategory Category)[] OutcomeCategories =
    [
        ("予以公开", OutcomeCategory.Disclosed), ("部分公开", OutcomeCategory.PartiallyDisclosed), ("不予公开", OutcomeCategory.Withheld),
        ("无法提供", OutcomeCategory.Unavailable), ("不予处理", OutcomeCategory.NotProcessed), ("其他处理", OutcomeCategory.OtherHandling),
    ];

    /// <summary>
    /// N2: shares of the outcomes given together (予以公开占X%，部分公开占Y%，…) claim to divide all outcomes, and so
    /// add up to 100 % within the printed precision. A sentence names all outcomes when it names every category the
    /// table shows cases in (at least three); without a readable table, when it names four or more. A sum above
    /// 100 % is wrong whatever it names.
    /// </summary>
    private static void OutcomeShares(PublishedReport report, List<(int Line, string Text)> sentences, List<Finding> findings)
    {
        var table = report.Requests.Count > 0 ? report.RequestTable() : null;
        var present = table is null ? null : OutcomeCategories.Where(c => table.CategoryTotal(c.Category, ApplicantColumn.Total) > 0).Select(c => c.Name).ToHashSet();
        foreach (var (line, text) in sentences)
        {
            var shares = OutcomeShare().Matches(ReportText.Compact(text)).Select(m => (Category: m.Groups["c"].Value, Printed: m.Groups["p"].Value))
                .DistinctBy(s => s.Category).ToList();
            if (shares.Count < 3)
            {
                continue;
            }

            var sum = shares.Sum(s => decimal.Parse(s.Printed, CultureInfo.InvariantCulture));
            var tolerance = shares.Sum(s => Tolerance(s.Printed));
            var named = shares.Select(s => s.Category).ToHashSet();
            var all = present is { Count: > 0 } ? present.IsSubsetOf(named) : named.Count >= 4;
            if (sum > 100 + tolerance || (all && sum < 100 - tolerance))
            {
                findings.Add(new("N2", Severity.Warning, Line(line), string.Create(CultureInfo.InvariantCulture,
                    $"各类办理结果的占比（{string.Join("、", shares.Select(s => $"{s.Category}{s.Printed}%"))}）合计为 {sum:0.##}%，不是 100%。")));
            }
        }
    }

    /// <summary>A figure that can be stated more than once, and the statements that do not state it (a channel, one unit, a sum with the carried-in).</summary>
    private sealed record Figure(Regex Pattern, string What, string Unit, Func<string, Match, bool> States);

    private static readonly string[] Channels = ["通过", "网上", "网络", "在线", "信函", "当面", "现场", "传真", "电子邮件", "邮寄", "平台", "其中"];

    private static readonly string[] Distributive = ["各", "每", "均", "分别", "乡镇", "街道", "村", "社区"];

    /// <summary>N4: the same figure stated twice in the text with different values.</summary>
    private static void RepeatedFigures(List<(int Line, string Text)> sentences, List<Finding> findings)
    {
        static string Before(string text, Match m, int length) => text[Math.Max(0, m.Index - length)..m.Index];
        var figures = new Figure[]
        {
            new(PublishedCount(), "主动公开政府信息", "条", (_, _) => true),
            new(FullTimeStaff(), "专职工作人员", "人", (text, m) => !Distributive.Any(d => Before(text, m, 8).Contains(d, StringComparison.Ordinal))),
            new(PartTimeStaff(), "兼职工作人员", "人", (text, m) => !Distributive.Any(d => Before(text, m, 8).Contains(d, StringComparison.Ordinal))),
            new(Received(), "收到的政府信息公开申请", "件", (text, m) => !text.Contains("结转", StringComparison.Ordinal) && !text.Contains("上年", StringComparison.Ordinal)
                && !Channels.Any(c => (Before(text, m, 8) + m.Value).Contains(c, StringComparison.Ordinal))),
        };
        foreach (var figure in figures)
        {
            var values = sentences.SelectMany(s => figure.Pattern.Matches(s.Text).Where(m => figure.States(s.Text, m)).Select(m => (s.Line, Value: ReportText.Numeral(m.Groups["n"].Value))))
                .Where(v => v.Value is not null).ToList();
            if (values.Select(v => v.Value).Distinct().Count() > 1)
            {
                var second = values.First(v => v.Value != values[0].Value);
                findings.Add(new("N4", Severity.Warning, Line(second.Line),
                    $"正文两处说{figure.What}的数量不同：{string.Join("、", values.DistinctBy(v => (v.Line, v.Value)).Select(v => $"第{v.Line}行 {v.Value} {figure.Unit}"))}。"));
            }
        }
    }

    /// <summary>The parts an introduction lists (总体情况、主动公开政府信息情况、…): “行政复议、行政诉讼” is one part; null when it lists fewer than two.</summary>
    private static int? CountParts(string list)
    {
        var pieces = new List<string>();
        foreach (var piece in list.Split('、', ','))
        {
            // Words of the sentence around the list ("全文共分"), not a part's name.
            if (SentenceWords.Any(piece.Contains) && !PartNames.Any(names => names.Any(n => piece.Contains(n, StringComparison.Ordinal))))
            {
                continue;
            }

            if (pieces.Count > 0 && pieces[^1].EndsWith("行政复议", StringComparison.Ordinal) && (piece.StartsWith("行政诉讼", StringComparison.Ordinal) || piece.StartsWith("提起行政诉讼", StringComparison.Ordinal)))
            {
                pieces[^1] += "、" + piece;
            }
            else
            {
                pieces.Add(piece);
            }
        }

        // “存在的主要问题及改进情况和其他需要报告的事项”: two parts joined by 和.
        return pieces.Count < 2 ? null : pieces.Sum(p => Math.Max(1, PartNames.Count(names => names.Any(n => p.Contains(n, StringComparison.Ordinal)))));
    }

    private static readonly string[] SentenceWords = ["全文", "报告", "共分", "分为", "主要"];

    private static readonly string[][] PartNames =
    [
        ["总体情况"], ["主动公开"], ["收到和处理", "依申请"], ["行政复议", "行政诉讼"], ["存在的主要问题", "改进情况"], ["其他需要报告"],
    ];

    /// <summary>
    /// Page furniture of government web pages and PDF copies, printed once per page or per copy: not sentences of the
    /// report. A line starting with one of these labels (followed by a colon) is skipped by N5.
    /// </summary>
    private static readonly string[] FurnitureLabels =
    [
        "发布日期", "发布时间", "成文日期", "来源", "信息来源", "索引号", "名称", "字号", "文号", "发文字号", "发布机构", "发文机关", "主题分类",
        "主题词", "浏览次数", "访问次数", "点击数", "阅读数", "责任编辑", "当前位置", "分享到",
    ];

    /// <summary>Words of page furniture that make up a line wherever they stand (links and buttons of a web page).</summary>
    private static readonly string[] FurnitureWords = ["打印本页", "关闭窗口", "打印此页", "返回顶部", "扫一扫", "字号:大中小", "[打印]", "[关闭]"];

    private const int MinRepeatedSentence = 15;

    /// <summary>Whether a line is page furniture or a table's row or header (repeated on every page), not text.</summary>
    private static bool IsFurniture(string compact, string normalized)
    {
        if (FurnitureWords.Any(w => compact.Contains(w, StringComparison.Ordinal))
            || FurnitureLabels.Any(l => compact.StartsWith(l, StringComparison.Ordinal) && compact.Length > l.Length && compact[l.Length] == ':'))
        {
            return true;
        }

        // A table's row or header: cells separated by tabs or bars.
        if (normalized.Count(c => c is '\t' or '|') >= 2)
        {
            return true;
        }

        // A heading or a header in spaced columns: no punctuation of a sentence.
        return compact.Length < 40 && compact.AsSpan().IndexOfAny("。,;!?:、") < 0;
    }

    /// <summary>
    /// N5: the same sentence twice, in a later paragraph or in the same one, also as a clause of a longer earlier
    /// sentence. Linear in the text: every sentence (split at 。！？；) and its clauses' heads and tails are hashed
    /// once into a table of first occurrences, and each sentence is looked up once.
    /// </summary>
    private static void RepeatedSentences(PublishedReport report, List<Finding> findings, CancellationToken ct)
    {
        var paragraphs = new List<(int Line, string Text)>();
        var first = new Dictionary<ulong, (int Paragraph, int Start, int Length)>();
        var reported = new HashSet<ulong>();
        var count = 0;
        foreach (var line in report.Prose)
        {
            if ((++count & 0xFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var compact = line.Compact;
            if (compact.Length < MinRepeatedSentence || IsFurniture(compact, line.Normalized))
            {
                continue;
            }

            paragraphs.Add((line.Number, compact));
            var paragraph = paragraphs.Count - 1;
            var start = 0;
            for (var i = 0; i <= compact.Length; i++)
            {
                if (i < compact.Length && compact[i] is not ('。' or ';' or '!' or '?'))
                {
                    continue;
                }

                var sentence = compact.AsSpan(start, i - start);
                if (sentence.Length >= MinRepeatedSentence)
                {
                    var hash = Hash(sentence);
                    if (first.TryGetValue(hash, out var seen) && paragraphs[seen.Paragraph].Text.AsSpan(seen.Start, seen.Length).SequenceEqual(sentence))
                    {
                        if (reported.Add(hash))
                        {
                            findings.Add(new("N5", Severity.Warning, Line(line.Number), $"这句话在第{paragraphs[seen.Paragraph].Line}行已经出现过：“{Shorten(sentence.ToString())}”。"));
                        }
                    }
                    else
                    {
                        Remember(first, paragraph, start, sentence);
                    }
                }

                start = i + 1;
            }
        }
    }

    /// <summary>A sentence and the heads and tails of it that end or start at a clause (，：), at most eight of each.</summary>
    private static void Remember(Dictionary<ulong, (int, int, int)> first, int paragraph, int start, ReadOnlySpan<char> sentence)
    {
        first.TryAdd(Hash(sentence), (paragraph, start, sentence.Length));
        var tails = 0;
        var heads = 0;
        for (var i = 0; i < sentence.Length && (tails < 8 || heads < 8); i++)
        {
            if (sentence[i] is not (',' or ':'))
            {
                continue;
            }

            if (heads < 8 && i >= MinRepeatedSentence)
            {
                first.TryAdd(Hash(sentence[..i]), (paragraph, start, i));
                heads++;
            }

            if (tails < 8 && sentence.Length - i - 1 >= MinRepeatedSentence)
            {
                first.TryAdd(Hash(sentence[(i + 1)..]), (paragraph, start + i + 1, sentence.Length - i - 1));
                tails++;
            }
        }
    }

    /// <summary>FNV-1a over the characters: 64 bits, so that millions of sentences rarely share a value (and a shared value is compared).</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
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
        return string.Concat(report.Prose.Where(l => l.Number > from && l.Number < to).Select(l => l.Compact));
    }

    private static HashSet<string> Shingles(string text) => Enumerable.Range(0, Math.Max(0, text.Length - 3)).Select(i => text.Substring(i, 4)).ToHashSet();

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private const string N = @"(?<n>\d{1,3}(?:,\d{3})+|\d+|[零〇一二三四五六七八九十百千两]+)";

    /// <summary>A bracketed filling instruction standing for a section's text: （文字描述）, （此处填写…）, （请填写…）.</summary>
    [GeneratedRegex(@"^\((?:此处|在此|请|需)?[^()]{0,20}?(?:填写|填报|文字描述|描述|补充|说明)[^()]{0,20}\)[。.]?$")]
    private static partial Regex FillingInstruction();

    /// <summary>A numbered sub-part's heading alone on its line: （三）政府信息管理。</summary>
    [GeneratedRegex(@"^\([一二三四五六七八九十]{1,3}\)[^。,;:!?()]{2,16}[。:]?$")]
    private static partial Regex SubPartHeading();

    [GeneratedRegex(@"^\([一二三四五六七八九十]{1,3}\)")]
    private static partial Regex SubPartStart();

    [GeneratedRegex(@"^第\d+行")]
    private static partial Regex LineOf();

    /// <summary>The headings only the pre-2019 seven-part reports have: their 四 (fees and waivers), their 五 (appeals “因…申请提起…”) and a 七.</summary>
    [GeneratedRegex(@"^(?:[一二三四五六七八九]、|\(?[一二三四五六七八九\d]{1,2}[)、.,])?(?:政府信息公开(?:的)?)?(?<what>收费及减免)(?:的)?情况|^(?:[一二三四五六七八九]、|\(?[一二三四五六七八九\d]{1,2}[)、.,])?(?<what>因政府信息公开申请(?:提起)?行政复议、(?:提起)?行政诉讼)的情况|^(?<what>七、)\S{0,20}?(?:情况|事项)$")]
    private static partial Regex SevenPartHeading();

    [GeneratedRegex(@"^第(\d+)行")]
    private static partial Regex LocationLine();

    // The agency then the year, or the year then the agency ("2019年××市××局政府信息公开工作年度报告"): both are printed.
    [GeneratedRegex(@"^(?:\S{2,}?(?:19|20)\d{2}年度?|(?:19|20)\d{2}年度?\S{2,}?)政府信息公开(?:工作的?)?(?:年度(?:工作)?报告|工作年度报告|年报)")]
    private static partial Regex ProperTitle();

    [GeneratedRegex(@"[。；;！!？?]")]
    private static partial Regex SentenceEnd();

    /// <summary>A template's filling instruction in brackets inside a label: （设区的市…应提供相关数据）, （指2019年事项数）, （减用负值表示，如-8）.</summary>
    [GeneratedRegex(@"\([^()]{0,40}?(?:应提供|应当提供|应填|请填|填写|指(?:19|20)\d{2}年|用负值|负值表示|一般情况下属于)[^()]{0,60}\)")]
    private static partial Regex LabelInstruction();

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

    [GeneratedRegex(@"(?:分为|包括|包含|由|共|共有|等)" + N + @"个?部分")]
    private static partial Regex Parts();

    /// <summary>An introduction listing its parts: 包括总体情况、…等六部分; 由总体情况、…六个部分组成.</summary>
    [GeneratedRegex(@"(?:包括|包含|分为|涵盖|由)(?<list>[^。;]{4,300}?)(?:等|共|这|以上)?" + N + @"个?部分")]
    private static partial Regex ListedParts();

    [GeneratedRegex(@"(?<c>(?<![部分不])予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)[^%。;]{0,16}?占[^%。;\d]{0,10}?(?<p>\d+(?:\.\d+)?)%")]
    private static partial Regex OutcomeShare();

    [GeneratedRegex(@"(?:专职(?:工作)?人员(?:共|有)?" + N + @"(?:人|名)|" + N + @"(?:名|人|位)专职(?:工作)?人员)")]
    private static partial Regex FullTimeStaff();

    [GeneratedRegex(@"(?:兼职(?:工作)?人员(?:共|有)?" + N + @"(?:人|名)|" + N + @"(?:名|人|位)兼职(?:工作)?人员)")]
    private static partial Regex PartTimeStaff();

    [GeneratedRegex(@"(均获维持|均予维持|均被维持|均维持|全部维持|全部获得维持)")]
    private static partial Regex AllUpheld();

    [GeneratedRegex(@"行政复议(?:案件)?(?:共)?\s*" + N + @"\s*(?:件|起)")]
    private static partial Regex ReconsiderationCount();

    [GeneratedRegex(@"行政诉讼(?:案件)?(?:共)?\s*" + N + @"\s*(?:件|起)")]
    private static partial Regex LitigationCount();
}
