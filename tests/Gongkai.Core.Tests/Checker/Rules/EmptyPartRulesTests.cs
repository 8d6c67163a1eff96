using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Tests.Checker.ProseReports;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>S8: a section or an announced sub-part left empty or as a placeholder.</summary>
public sealed class EmptyPartRulesTests
{
    [Fact]
    public void An_empty_section_or_a_placeholder_is_s8_and_nothing_to_report_in_six_is_not()
    {
        var empty = Report().Where(l => !l.StartsWith("全年通过门户网站", StringComparison.Ordinal));
        var none = Check(Report(five: "无。", six: "无。"), "S8");
        var omitted = Check(Report(five: "（略）"), "S8");
        var instruction = Check(Report(one: "（此处填写本机关政府信息公开工作总体情况）"), "S8");

        var section = Assert.Single(Check(empty, "S8"));
        Assert.Contains("“二、主动公开政府信息情况”标题下没有任何内容", section.Message);
        var five = Assert.Single(none);
        Assert.Equal(Severity.Warning, five.Severity);
        Assert.Contains("存在的主要问题及改进情况”只写了“无。”", five.Message);
        Assert.Contains("“（略）”", Assert.Single(omitted).Message); // quoted as printed
        Assert.Contains("占位文字", Assert.Single(instruction).Message);
        Assert.Empty(Check(Report(), "S8"));
    }

    [Fact]
    public void A_sub_part_announced_and_left_empty_is_s8()
    {
        var one = "本局认真贯彻落实条例，现将本年度政府信息公开工作情况报告如下。\n（一）主动公开。\n（二）依申请公开。本年度依法办理申请，均按期答复。\n（三）政府信息管理。";

        var s8 = Check(Report(one: one), "S8");

        Assert.Equal(["（一）主动公开", "（三）政府信息管理"], s8.Select(f => f.Message[1..f.Message.IndexOf('”', StringComparison.Ordinal)].Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal)));
    }
}
