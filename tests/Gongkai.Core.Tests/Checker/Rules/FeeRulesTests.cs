using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;
using static Gongkai.Core.Tests.Checker.Rules.RuleRun;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>X2: from the 2021 format, section 六 states the processing fees, even when none were collected.</summary>
public sealed class FeeRulesTests
{
    [Fact]
    public void Section_six_silent_on_the_fees_is_x2()
    {
        var silent = Replace(PrintedReports.Lines(), "本年度未收取信息处理费。", "无其他需要报告的事项。");

        var x2 = Assert.Single(Run(new FeeRules(), silent));

        Assert.Equal(RuleId.X2, x2.RuleId);
        Assert.Equal($"第{silent.IndexOf("六、其他需要报告的事项") + 1}行", x2.Location);
        Assert.Empty(Run(new FeeRules(), PrintedReports.Lines()));
    }
}
