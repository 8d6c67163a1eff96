using static Gongkai.Core.Tests.Checker.ProseReports;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>N4: the same figure stated twice with different values.</summary>
public sealed class RepeatedFigureRulesTests
{
    [Fact]
    public void Staff_numbers_and_requests_received_stated_twice_differently_are_n4()
    {
        var one = "本局配备专职工作人员3名，兼职工作人员5名。\n本年度共收到政府信息公开申请12件。";
        var five = "目前仅有2名专职人员，兼职工作人员5名，力量不足。本年度收到政府信息公开申请15件，通过信函收到申请3件。";

        var n4 = Check(Report(one: one, five: five), "N4");

        Assert.Equal(2, n4.Count);
        Assert.Contains(n4, f => f.Message.Contains("专职工作人员的数量不同", StringComparison.Ordinal) && f.Message.Contains("3 人", StringComparison.Ordinal) && f.Message.Contains("2 人", StringComparison.Ordinal));
        Assert.Contains(n4, f => f.Message.Contains("收到的政府信息公开申请的数量不同", StringComparison.Ordinal) && f.Message.Contains("12 件", StringComparison.Ordinal) && f.Message.Contains("15 件", StringComparison.Ordinal));
    }
}
