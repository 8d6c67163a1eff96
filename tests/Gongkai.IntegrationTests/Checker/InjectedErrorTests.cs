using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Checker;
using Gongkai.IntegrationTests.AnnualReports;

namespace Gongkai.IntegrationTests.Checker;

/// <summary>
/// Reports written out as text in the shapes web pages are copied in (tab-, '|'- or space-separated rows, one cell
/// per line), in both format versions, each with one error injected: the checker finds exactly that rule.
/// </summary>
public sealed class InjectedErrorTests
{
    public enum Shape
    {
        Tabs,
        Pipes,
        Spaces,
        CellPerLine,
    }

    private static List<string> Lines(int year, Shape shape, AnnualReportModel? report = null)
    {
        var lines = ReportReaders.Html(ReportHtml.Document(report ?? ReportExportTests.Sample(year: year)));
        return shape switch
        {
            Shape.Tabs => lines,
            Shape.Pipes => lines.Select(l => l.Contains('\t', StringComparison.Ordinal) ? "| " + l.Replace("\t", " | ", StringComparison.Ordinal) + " |" : l).ToList(),
            Shape.Spaces => lines.Select(l => l.Replace("\t", "   ", StringComparison.Ordinal)).ToList(),
            Shape.CellPerLine => lines.SelectMany(l => l.Split('\t')).ToList(),
        };
    }

    private static IReadOnlyList<Finding> Check(List<string> lines, List<string>? previous = null) =>
        ReportChecker.Check(ReportParser.Parse(lines), previous is null ? null : ReportParser.Parse(previous));

    /// <summary>Replaces the number cells of the row whose label starts the line (first match after <paramref name="after"/>).</summary>
    private static void SetRow(List<string> lines, string label, Func<string[], string[]> change)
    {
        var i = lines.FindIndex(l => l.Contains(label, StringComparison.Ordinal) && l.Contains('\t', StringComparison.Ordinal));
        var cells = lines[i].Split('\t');
        var numbers = cells.TakeLast(7).ToArray();
        lines[i] = string.Join("\t", cells.SkipLast(7).Concat(change(numbers)));
    }

    public static TheoryData<int, Shape> Cases()
    {
        var data = new TheoryData<int, Shape>();
        foreach (var year in new[] { 2020, 2024 })
        {
            foreach (var shape in Enum.GetValues<Shape>())
            {
                data.Add(year, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_shape_of_a_correct_report_checks_clean(int year, Shape shape)
    {
        var findings = Check(Lines(year, shape));

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"[{f.RuleId}] {f.Location}：{f.Message}")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_wrong_total_breaks_t1_t2_and_t3(int year, Shape shape)
    {
        var lines = Lines(year, Shape.Tabs);
        // （七）总计 for 自然人 one too many: the column's identities (T1, T2) and the row's (T3) break.
        SetRow(lines, "（七）总计", n => [.. n.Select((v, i) => i == 0 ? (int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : v)]);

        var rules = Check(Reshape(lines, shape)).Select(f => f.RuleId).ToHashSet();

        Assert.Equal(["T1", "T2", "T3"], rules.Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_blank_or_slash_cell_is_c1_and_not_read_as_zero(int year, Shape shape)
    {
        var lines = Lines(year, Shape.Tabs);
        SetRow(lines, "2.重复申请", n => ["/", .. n.Skip(1)]);

        var findings = Check(Reshape(lines, shape));

        var c1 = Assert.Single(findings, f => f.RuleId == "C1");
        Assert.Contains("“自然人”为“/”", c1.Message);
    }

    private static List<string> Reshape(List<string> tabs, Shape shape) => shape switch
    {
        Shape.Tabs => tabs,
        Shape.Pipes => tabs.Select(l => l.Contains('\t', StringComparison.Ordinal) ? "| " + l.Replace("\t", " | ", StringComparison.Ordinal) + " |" : l).ToList(),
        Shape.Spaces => tabs.Select(l => l.Replace("\t", "   ", StringComparison.Ordinal)).ToList(),
        Shape.CellPerLine => tabs.SelectMany(l => l.Split('\t')).ToList(),
    };

    [Theory]
    [InlineData(2020)]
    [InlineData(2024)]
    public void Appeals_totals_that_do_not_add_up_are_t4(int year)
    {
        var lines = Lines(year, Shape.Tabs);
        var i = lines.FindIndex(l => l.Split('\t').Length == 15 && l.Split('\t').All(c => int.TryParse(c, out _)));
        var cells = lines[i].Split('\t');
        cells[4] = "5";
        lines[i] = string.Join("\t", cells);

        Assert.Contains(Check(lines), f => f.RuleId == "T4" && f.Location.Contains("行政复议", StringComparison.Ordinal));
    }

    [Fact]
    public void The_wrong_format_for_the_year_is_s2()
    {
        var report = ReportExportTests.Sample(year: 2024);
        var wrong = new AnnualReportModel(report.Agency, 2024, ReportFormat.V2019, null, report.Subtree, report.CoveredAgencies,
            new Article20Figures(ReportFormat.V2019), RequestTable.From(new Gongkai.Core.Requests.YearLedger(2024), ReportFormat.V2019), report.Appeals, [],
            "", "", "", new Dictionary<int, string>());

        Assert.Contains(Check(Lines(2024, Shape.Tabs, wrong)), f => f.RuleId == "S2" && f.Severity == Severity.Error);
    }

    [Fact]
    public void Structure_problems_are_s1_s4_and_s5()
    {
        var lines = Lines(2024, Shape.Tabs);
        lines.RemoveAt(lines.FindIndex(l => l == "五、存在的主要问题及改进情况"));
        lines[0] = "政府信息公开工作年度报告";
        lines.Insert(3, "（文字描述）本部分填写编写说明中的要求。");

        var rules = Check(lines).Select(f => f.RuleId).ToHashSet();

        Assert.Contains("S1", rules);
        Assert.Contains("S4", rules);
        Assert.Contains("S5", rules);
    }

    [Fact]
    public void Text_that_contradicts_the_tables_is_n1_and_n3_and_repeated_text_is_n5()
    {
        var lines = Lines(2024, Shape.Tabs);
        var at = lines.FindIndex(l => l.StartsWith("五、", StringComparison.Ordinal)) + 1;
        lines.Insert(at, "本年度共收到政府信息公开申请99件，予以公开3件。");
        lines.Insert(at + 1, "因政府信息公开引起的行政复议案件均获维持。");
        lines.Insert(at + 2, "全年主动公开政府信息1,204条。我们将持续改进公开工作，提升群众满意度和获得感。");
        lines.Insert(at + 3, "我们将持续改进公开工作，提升群众满意度和获得感。");

        var findings = Check(lines);

        Assert.Contains(findings, f => f.RuleId == "N1" && f.Message.Contains("收到申请 99 件", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "N1" && f.Message.Contains("予以公开 3 件", StringComparison.Ordinal));
        // The sample has a lawsuit still pending at year end.
        Assert.Contains(findings, f => f.RuleId == "N3");
        Assert.Contains(findings, f => f.RuleId == "N5" && f.Message.Contains("持续改进公开工作", StringComparison.Ordinal));
    }

    [Fact]
    public void A_2021_format_report_silent_on_fees_is_x2()
    {
        var lines = Lines(2024, Shape.Tabs);
        lines.RemoveAll(l => l.Contains("信息处理费", StringComparison.Ordinal));

        Assert.Contains(Check(lines), f => f.RuleId == "X2");
    }

    [Fact]
    public void With_last_years_report_a_broken_carry_over_is_t5_and_copied_text_is_x3()
    {
        var previous = Lines(2023, Shape.Tabs);
        var lines = Lines(2024, Shape.Tabs);
        SetRow(lines, "二、上年结转政府信息公开申请数量", n => ["7", .. n.Skip(1).SkipLast(1), "7"]);
        SetRow(lines, "一、本年新收政府信息公开申请数量", n => [(int.Parse(n[0], System.Globalization.CultureInfo.InvariantCulture) - 5).ToString(System.Globalization.CultureInfo.InvariantCulture), .. n.Skip(1).SkipLast(1), (int.Parse(n[6], System.Globalization.CultureInfo.InvariantCulture) - 5).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var copied = string.Concat(Enumerable.Repeat("我们坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。", 3));
        foreach (var list in new[] { previous, lines })
        {
            list.Insert(list.FindIndex(l => l.StartsWith("五、", StringComparison.Ordinal)) + 1, copied);
        }

        var findings = Check(lines, previous);

        Assert.Contains(findings, f => f.RuleId == "T5");
        Assert.Contains(findings, f => f.RuleId == "X3");
        Assert.DoesNotContain(findings, f => f.RuleId == "T1");
    }

    [Fact]
    public void A_row_the_format_does_not_have_is_reported_as_information_and_left_out_of_the_sums()
    {
        var lines = Lines(2024, Shape.Tabs);
        lines.Insert(lines.FindIndex(l => l.Contains("（七）总计", StringComparison.Ordinal)), "其中：通过政务服务热线转办\t4\t0\t0\t0\t0\t0\t4");

        var findings = Check(lines);

        var extra = Assert.Single(findings);
        Assert.Equal(("S3", Severity.Info), (extra.RuleId, extra.Severity));
        Assert.Contains("其中：通过政务服务热线转办", extra.Message); // quoted as printed
    }

    [Fact]
    public void Columns_in_another_order_are_reported_and_a_variant_column_name_is_accepted()
    {
        var swapped = Lines(2024, Shape.Tabs);
        var header = swapped.FindIndex(l => l.Contains("商业企业", StringComparison.Ordinal));
        swapped[header] = "法律服务机构\t科研机构\t社会组织\t商业企业\t其他";
        var variant = Lines(2024, Shape.Tabs);
        variant[header] = variant[header].Replace("社会公益组织", "社会组织", StringComparison.Ordinal);

        Assert.Contains(Check(swapped), f => f.RuleId == "S3" && f.Message.Contains("列顺序与格式不同", StringComparison.Ordinal));
        Assert.Empty(Check(variant));
    }

    [Fact]
    public void A_printed_subtotal_that_does_not_add_up_is_t6()
    {
        var lines = Lines(2024, Shape.Tabs);
        lines.Insert(lines.FindIndex(l => l.Contains("1.属于国家秘密", StringComparison.Ordinal)), "（三）不予公开\t0\t3\t0\t0\t0\t0\t3");

        var t6 = Check(lines).Where(f => f.RuleId == "T6").ToList();

        Assert.Equal(2, t6.Count);
        Assert.Contains("小计为 3，但其下各项之和为 2", t6[0].Message + t6[1].Message);
    }

    [Fact]
    public void Art_20_figures_that_cannot_be_are_t7_and_fees_without_their_unit_are_c3()
    {
        var old = Lines(2020, Shape.Tabs);
        old[old.FindIndex(l => l.StartsWith("规范性文件\t", StringComparison.Ordinal))] = "规范性文件\t5\t9\t3";
        var recent = Lines(2024, Shape.Tabs);
        var header = recent.FindIndex(l => l.Contains("本年收费金额", StringComparison.Ordinal));
        recent[header] = recent[header].Replace("（单位：万元）", "（元）", StringComparison.Ordinal);

        Assert.Contains(Check(old), f => f.RuleId == "T7" && f.Message.Contains("对外公开总数量 3 小于本年新公开数量 9", StringComparison.Ordinal));
        Assert.Contains(Check(recent), f => f.RuleId == "C3");
    }

    [Fact]
    public void Wrong_shares_conflicting_figures_and_a_wrong_count_of_parts_are_n2_n4_and_s6()
    {
        var lines = Lines(2024, Shape.Tabs);
        lines.Insert(2, "本报告分为七个部分。");
        var at = lines.FindIndex(l => l.StartsWith("五、", StringComparison.Ordinal)) + 1;
        lines.Insert(at, "予以公开14件，占99.5%。部分公开5件，占19.2%。");
        lines.Insert(at + 1, "全年主动公开政府信息1,300条。");

        var findings = Check(lines);

        Assert.Contains(findings, f => f.RuleId == "N2" && f.Message.Contains("占99.5%", StringComparison.Ordinal));
        // 5 of 26 decided is 19.2 %: right, not reported.
        Assert.DoesNotContain(findings, f => f.RuleId == "N2" && f.Message.Contains("19.2", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "N4" && f.Message.Contains("1204 条", StringComparison.Ordinal) && f.Message.Contains("1300 条", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "S6" && f.Message.Contains("分为 7 个部分，实际有 6 个部分", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unfilled_draft_of_the_report_generator_fails_s8()
    {
        // Sections 一, 五 and 六 as the generator drafts them before anyone writes: sub-headings without text, 五 “无。”.
        var draft = ReportExportTests.Sample(ReportStage.Draft) with { Narrative = new Dictionary<int, string>() };

        var result = ReportCheck.Check("draft.docx", ReportExports.Export(draft, ".docx"));

        var s8 = result.Findings.Where(f => f.RuleId == "S8").ToList();
        Assert.Contains(s8, f => f.Message.Contains("存在的主要问题及改进情况”只写了“无。”", StringComparison.Ordinal));
        Assert.Contains(s8, f => f.Message.StartsWith("“（一）主动公开”下没有内容", StringComparison.Ordinal));
        Assert.Contains(s8, f => f.Message.StartsWith("“（四）平台建设”下没有内容", StringComparison.Ordinal));
        // Filled from the records: the appeals of the year under （五）, the requests under （二）.
        Assert.DoesNotContain(s8, f => f.Message.Contains("（五）监督保障", StringComparison.Ordinal));
        Assert.All(s8, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "S8" && f.Message.Contains("（二）依申请公开", StringComparison.Ordinal));
    }
}
