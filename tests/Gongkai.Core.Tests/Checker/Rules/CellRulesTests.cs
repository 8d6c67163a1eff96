using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;
using static Gongkai.Core.Tests.Checker.Rules.RuleRun;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>C1 (a number cell holding no number) and C2 (a negative or fractional count), on the cells as printed.</summary>
public sealed class CellRulesTests
{
    [Fact]
    public void The_correct_report_has_a_number_in_every_cell()
    {
        Assert.Empty(Run(new CellRules(), PrintedReports.Lines()));
    }

    [Fact]
    public void A_blank_a_placeholder_or_words_in_table_three_is_c1_naming_the_columns()
    {
        var lines = Replace(PrintedReports.Lines(), "（一）予以公开", "（一）予以公开\t6\t1\t/\t\t无\t0\t7");

        var c1 = Assert.Single(Run(new CellRules(), lines));

        Assert.Equal(RuleId.C1, c1.RuleId);
        Assert.Equal(Severity.Error, c1.Severity);
        Assert.EndsWith("表三 · （一）予以公开", c1.Location, StringComparison.Ordinal);
        Assert.StartsWith("“科研机构”为“/”、“社会公益组织”空白、“法律服务机构”为“无”", c1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_or_fractional_count_is_c2()
    {
        var lines = Replace(PrintedReports.Lines(), "2.没有现成信息需要另行制作", "2.没有现成信息需要另行制作\t-1\t0.5\t0\t0\t0\t0\t0");

        var c2 = Run(new CellRules(), lines);

        Assert.Equal(2, c2.Count);
        Assert.All(c2, f => Assert.Equal(RuleId.C2, f.RuleId));
        Assert.Contains(c2, f => f.Location.EndsWith("2.没有现成信息需要另行制作 · 自然人", StringComparison.Ordinal) && f.Message.Contains("“-1”", StringComparison.Ordinal));
        Assert.Contains(c2, f => f.Location.EndsWith("2.没有现成信息需要另行制作 · 商业企业", StringComparison.Ordinal) && f.Message.Contains("“0.5”", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_four_printed_without_numbers_is_one_c1()
    {
        var lines = PrintedReports.Lines();
        lines.Remove("1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");

        var c1 = Assert.Single(Run(new CellRules(), lines));

        Assert.EndsWith("表四", c1.Location, StringComparison.Ordinal);
        Assert.Contains("15 个格子都没有数字", c1.Message, StringComparison.Ordinal);
    }
}
