using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;
using static Gongkai.Core.Tests.Checker.Rules.RuleRun;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>Table 二 (Art. 20): T7 in the 2019 format, C3 in the 2021 format.</summary>
public sealed class Article20RulesTests
{
    [Fact]
    public void Fewer_published_in_total_than_newly_published_is_t7_in_the_2019_format()
    {
        string[] lines =
        [
            "示例县统计局2020年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
            "规章\t1\t5\t3",
            "规范性文件\t2\t2\t9",
        ];

        var t7 = Assert.Single(Run(new Article20Rules(), lines));

        Assert.Equal(RuleId.T7, t7.RuleId);
        Assert.EndsWith("表二 · 第二十条第（一）项 · 规章", t7.Location, StringComparison.Ordinal);
        Assert.Equal("对外公开总数量 3 小于本年新公开数量 5。", t7.Message);
    }

    [Fact]
    public void Fees_not_in_ten_thousand_yuan_are_c3_in_the_2021_format()
    {
        var lines = Replace(PrintedReports.Lines(), "信息内容\t本年收费金额", "信息内容\t本年收费金额（单位：元）");

        var c3 = Assert.Single(Run(new Article20Rules(), lines));

        Assert.Equal(RuleId.C3, c3.RuleId);
        Assert.EndsWith("表二 · 第二十条第（八）项", c3.Location, StringComparison.Ordinal);
        Assert.Empty(Run(new Article20Rules(), PrintedReports.Lines()));
    }
}
