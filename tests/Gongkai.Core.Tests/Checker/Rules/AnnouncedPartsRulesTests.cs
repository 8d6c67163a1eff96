using static Gongkai.Core.Tests.Checker.ProseReports;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>S6: the parts the introduction announces, against those it lists and those found.</summary>
public sealed class AnnouncedPartsRulesTests
{
    [Fact]
    public void S6_compares_the_parts_announced_with_the_parts_listed_and_a_cut_text_does_not_fire_it()
    {
        string[] five = ["本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、其他需要报告的事项等六部分。"];
        string[] six = ["本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。"];

        var wrong = Assert.Single(Check(Report(intro: five), "S6"));
        Assert.Contains("分为 6 个部分，但列出的是 5 个部分", wrong.Message);
        Assert.Empty(Check(Report(intro: six), "S6"));
        Assert.Empty(Check(Report(intro: ["本报告分为六个部分。"], sections: 3), "S6"));
        Assert.Empty(Check(Report(intro: six, sections: 3), "S6"));
    }
}
