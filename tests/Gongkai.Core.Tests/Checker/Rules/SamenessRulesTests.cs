using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;
using static Gongkai.Core.Tests.Checker.Rules.RuleRun;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>X3: sections 一 and 五 nearly the same as last year's report (内容雷同).</summary>
public sealed class SamenessRulesTests
{
    [Fact]
    public void A_section_copied_from_last_year_is_x3_and_a_rewritten_one_is_not()
    {
        var rewritten = Replace(PrintedReports.Lines(), "2023年，本局共收到", "上一年度本局围绕统计数据发布和政策解读，完善了主动公开目录，新增数据开放栏目，并对公开指南作了全面修订。");

        // Section 五 of the printed report is under 50 characters: too short to compare.
        var copied = Assert.Single(Run(new SamenessRules(), PrintedReports.Lines(), previous: PrintedReports.Lines()));

        Assert.Equal((RuleId.X3, "一、总体情况"), (copied.RuleId, copied.Location));
        Assert.Contains("有 100 % 相同", copied.Message, StringComparison.Ordinal);
        Assert.Empty(Run(new SamenessRules(), PrintedReports.Lines(), previous: rewritten));
        Assert.Empty(Run(new SamenessRules(), PrintedReports.Lines()));
    }
}
