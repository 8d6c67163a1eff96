using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;
using static Gongkai.Core.Tests.Checker.ProseReports;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>S1–S5: sections, the format version and the structure of the year, rows, template residue, the title.</summary>
public sealed class StructureRulesTests
{
    [Fact]
    public void The_seven_parts_of_the_reports_before_2019_are_s2_in_a_later_report()
    {
        var lines = Report(2022);
        lines.Insert(lines.IndexOf(ReportFormats.Sections[4]), "四、政府信息公开的收费及减免情况");
        lines.Add("七、其他需要报告的事项");
        var old = Report(2018);
        old.Add("七、其他需要报告的事项");

        var s2 = Check(lines, "S2");

        Assert.Equal(2, s2.Count);
        Assert.All(s2, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(s2, f => f.Message.Contains("收费及减免", StringComparison.Ordinal) && f.Location.StartsWith("第", StringComparison.Ordinal));
        Assert.Contains(s2, f => f.Message.Contains("第七部分", StringComparison.Ordinal));
        Assert.Empty(Check(old, "S2"));
    }

    [Fact]
    public void The_correct_report_has_its_structure()
    {
        Assert.Empty(RuleRun.Run(new StructureRules(), PrintedReports.Lines()));
    }

    [Fact]
    public void A_missing_section_template_residue_and_no_title_are_s1_s4_and_s5()
    {
        var lines = PrintedReports.Lines();
        lines.RemoveAt(0);
        lines.RemoveRange(lines.IndexOf(ReportFormats.Sections[4]), 2);
        lines.Insert(lines.IndexOf(ReportFormats.Sections[0]) + 1, "编写说明：可先适当综述。");

        var findings = RuleRun.Run(new StructureRules(), lines);

        Assert.Equal([RuleId.S1, RuleId.S4, RuleId.S5], findings.Select(f => f.RuleId));
        Assert.Equal("未找到规定的部分：五、存在的主要问题及改进情况。年度报告应包括格式规定的六个部分。", findings[0].Message);
        Assert.Contains("“编写说明”", findings[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("没有找到标题", findings[2].Message, StringComparison.Ordinal);
    }
}
