using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;

namespace Gongkai.Core.Tests.Checker;

/// <summary>
/// A correct report in the shapes real agencies print gets no error and no warning; a copy cut short anywhere gets
/// one S7 and nothing that rests on what is missing.
/// </summary>
public sealed class PrintedShapeTests
{
    private static IReadOnlyList<Finding> Problems(IReadOnlyList<string> lines) =>
        ReportChecker.Check(ReportParser.Parse(lines)).Where(f => f.Severity != Severity.Info).ToList();

    [Fact]
    public void The_correct_report_checks_clean()
    {
        var report = ReportParser.Parse(PrintedReports.Lines());

        Assert.Empty(report.Unmapped);
        Assert.Null(report.EndsEarly);
        Assert.Empty(Problems(PrintedReports.Lines()));
    }

    [Theory]
    [InlineData(PrintedReports.Numbering.Comma)]
    [InlineData(PrintedReports.Numbering.Bracket)]
    [InlineData(PrintedReports.Numbering.Circled)]
    [InlineData(PrintedReports.Numbering.None)]
    public void Every_numbering_style_of_the_row_labels_is_read(PrintedReports.Numbering numbering)
    {
        var report = ReportParser.Parse(PrintedReports.Lines(numbering));

        Assert.Empty(report.Unmapped);
        Assert.Equal(1, report.Requests[RequestsRow.WithheldThirdPartyRights].Cells[(int)ApplicantColumn.Business].Value);
        Assert.Equal(1, report.Requests[RequestsRow.UnavailableNotHeld].Cells[(int)ApplicantColumn.NaturalPerson].Value);
        Assert.Empty(Problems(PrintedReports.Lines(numbering)));
    }

    [Theory]
    [InlineData(PrintedReports.Numbering.Dot, false)]
    [InlineData(PrintedReports.Numbering.Comma, false)]
    [InlineData(PrintedReports.Numbering.Bracket, false)]
    [InlineData(PrintedReports.Numbering.Circled, false)]
    [InlineData(PrintedReports.Numbering.None, false)]
    [InlineData(PrintedReports.Numbering.Dot, true)]
    [InlineData(PrintedReports.Numbering.None, true)]
    public void Wrapped_labels_and_split_group_labels_are_read(PrintedReports.Numbering numbering, bool numbersOnFirstLine)
    {
        var lines = PrintedReports.Lines(numbering, wrapped: true, numbersOnFirstLine: numbersOnFirstLine);
        var report = ReportParser.Parse(lines);

        Assert.Empty(report.Unmapped);
        Assert.Empty(report.UnreadRows);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], report.Requests[RequestsRow.WithheldThirdPartyRights].Cells.Select(c => (int)c.Value));
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report.Requests[RequestsRow.UnavailableNotHeld].Cells.Select(c => (int)c.Value));
        Assert.Equal([9, 2, 0, 0, 0, 0, 11], report.Requests[RequestsRow.Total].Cells.Select(c => (int)c.Value));
        Assert.Empty(Problems(lines));
    }

    [Fact]
    public void A_page_break_inside_table_three_with_its_header_repeated_splits_no_row()
    {
        var lines = PrintedReports.Lines(wrapped: true);
        var header = lines.First(l => l.Contains("自然人", StringComparison.Ordinal));
        string[] pageBreak = ["", "- 3 -", "", "示例县统计局2023年政府信息公开工作年度报告", "申请人情况", header];
        lines.InsertRange(lines.FindIndex(l => l.Contains("5.属于三类内部事", StringComparison.Ordinal)), pageBreak);
        // A row whose wrapped label goes on over the page.
        lines.InsertRange(lines.FindIndex(l => l.Contains("2.申请人逾期未按", StringComparison.Ordinal)) + 1, pageBreak);

        var report = ReportParser.Parse(lines);

        Assert.Empty(report.Unmapped);
        Assert.Empty(report.UnreadRows);
        Assert.DoesNotContain(ReportChecker.Check(report), f => f.RuleId is "S3" or "N5");
        Assert.Empty(Problems(lines));
    }

    [Fact]
    public void A_copy_in_traditional_characters_is_read_whole()
    {
        // Every character of the tables' labels that has a Traditional form, as Hong Kong, Taiwan and some provincial templates print them.
        const string pairs = "與与業业為为會会體体關关況况減减辦办務务動动區区單单發发號号後后員员國国處处復复審审對对屬属廢废應应開开強强當当總总執执護护報报擇择據据數数無无時时權权條条來来構构標标現现確确穩稳類类糾纠納纳組组織织經经結结統统繼继續续維维編编繳缴罰罚獲获補补規规覽览計计認认議议許许訟讼訪访訴诉詢询請请負负購购費费轉转過过還还這这進进選选採采錯错問问間间項项題题額额萬万機机決决產产範范";
        var traditional = Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[i * 2 + 1], i => pairs[i * 2]);
        var lines = PrintedReports.Lines().Select(l => string.Concat(l.Select(c => traditional.GetValueOrDefault(c, c)))).ToList();
        Assert.Contains(lines, l => l.Contains("強制", StringComparison.Ordinal));

        var report = ReportParser.Parse(lines);

        Assert.Empty(report.Unmapped);
        Assert.Equal(Article20Formats.Tables(ReportFormat.V2021).Sum(t => t.Rows.Count), report.Article20.Count);
        Assert.Empty(Problems(lines));
    }

    [Fact]
    public void A_provincial_template_s_extra_rows_are_named_and_left_out_of_the_sums()
    {
        var lines = PrintedReports.Lines();
        lines.Insert(lines.FindIndex(l => l.StartsWith("行政规范性文件", StringComparison.Ordinal)) + 1, "其他主动公开文件\t3\t0\t5");
        lines.Insert(lines.FindIndex(l => l.StartsWith("8.属于行政查询事项", StringComparison.Ordinal)) + 1, "9.其他法定不予公开情形\t0\t0\t0\t0\t0\t0\t0");

        var report = ReportParser.Parse(lines);
        var findings = ReportChecker.Check(report);

        Assert.Empty(report.Unmapped);
        Assert.Equal(Article20Formats.Tables(ReportFormat.V2021).Sum(t => t.Rows.Count), report.Article20.Count);
        Assert.Empty(Problems(lines));
        Assert.Contains(findings, f => f.RuleId == "S3" && f.Severity == Severity.Info && f.Message.Contains("9.其他法定不予公开情形", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_on_two_lines_and_a_title_with_the_year_first_are_proper_titles()
    {
        var twoLines = ReportParser.Parse(PrintedReports.Lines(twoLineTitle: true));

        Assert.Equal("示例县统计局2023年政府信息公开工作年度报告", twoLines.Title);
        Assert.DoesNotContain(ReportChecker.Check(twoLines), f => f.RuleId == "S5");
        Assert.DoesNotContain(ReportChecker.Check(ReportParser.Parse(PrintedReports.Lines(yearFirst: true))), f => f.RuleId == "S5");
    }

    [Fact]
    public void Table_two_is_read_when_the_heading_of_three_is_missing()
    {
        var report = ReportParser.Parse(PrintedReports.Lines(requestsHeading: false));

        Assert.Equal(Article20Formats.Tables(ReportFormat.V2021).Sum(t => t.Rows.Count), report.Article20.Count);
        Assert.Equal(ReportFormats.RequestRows(ReportFormat.V2021).Count(r => r.Kind != RowKind.Heading), report.Requests.Count);
    }

    public static TheoryData<string> CutPoints => ["一、总体情况", "规章", "二、上年结转", "1.属于国家秘密", "（七）总计", "结果维持", "五、存在", "政策解读形式"];

    [Theory]
    [MemberData(nameof(CutPoints))]
    public void A_copy_cut_short_is_said_to_end_early_and_nothing_is_found_in_what_is_missing(string cutAfter)
    {
        var lines = PrintedReports.Lines();
        var cut = lines.Take(lines.FindIndex(l => l.StartsWith(cutAfter, StringComparison.Ordinal)) + 1).ToList();

        var findings = Problems(cut);

        var s7 = Assert.Single(findings);
        Assert.Equal("S7", s7.RuleId);
        Assert.Equal($"第{cut.Count}行", s7.Location);
        Assert.Contains("就结束了", s7.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_ends_with_its_date_is_complete_and_its_missing_part_is_reported()
    {
        var lines = PrintedReports.Lines();
        var withoutSix = lines.Take(lines.IndexOf("六、其他需要报告的事项")).Append("示例县统计局").Append("2024年1月20日").ToList();

        var findings = Problems(withoutSix);

        Assert.DoesNotContain(findings, f => f.RuleId == "S7");
        Assert.Contains(findings, f => f.RuleId == "S1" && f.Message.Contains("其他需要报告的事项", StringComparison.Ordinal));
    }
}
