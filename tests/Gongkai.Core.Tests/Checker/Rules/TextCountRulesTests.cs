using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;
using static Gongkai.Core.Tests.Checker.Rules.RuleRun;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>N1 (counts in the text against table 三) and N3 (appeals in the text against table 四).</summary>
public sealed class TextCountRulesTests
{
    private const string Intro = "2023年，本局共收到政府信息公开申请";

    [Fact]
    public void Counts_that_agree_with_the_tables_are_not_findings()
    {
        // 13 = 12 received + 1 carried in: a sum with the carried-in is the same count.
        var lines = Replace(PrintedReports.Lines(), Intro, "2023年，本局共收到政府信息公开申请13件（含上年结转1件），予以公开7件，部分公开2件。行政复议1件。");

        Assert.Empty(Run(new TextCountRules(), lines));
    }

    [Fact]
    public void A_count_in_the_text_that_differs_from_table_three_is_n1()
    {
        var lines = Replace(PrintedReports.Lines(), Intro, "2023年，本局共收到政府信息公开申请15件。予以公开7件，不予公开2件。");

        var n1 = Run(new TextCountRules(), lines);

        Assert.Equal(2, n1.Count);
        Assert.All(n1, f => Assert.Equal((RuleId.N1, Severity.Error), (f.RuleId, f.Severity)));
        Assert.Contains(n1, f => f.Message.StartsWith("正文称收到申请 15 件", StringComparison.Ordinal) && f.Message.EndsWith("为 12 件。", StringComparison.Ordinal));
        Assert.Contains(n1, f => f.Message.StartsWith("正文称不予公开 2 件", StringComparison.Ordinal) && f.Message.Contains("（三）不予公开各项之和", StringComparison.Ordinal));
    }

    [Fact]
    public void Appeals_all_upheld_or_counted_otherwise_than_table_four_are_n3()
    {
        var counted = Replace(PrintedReports.Lines(), Intro, "本年度行政复议案件2件，均获维持。");
        var corrected = Replace(Replace(PrintedReports.Lines(), Intro, "本年度行政复议案件1件，均获维持。"),
            "1\t0\t0\t0\t1", "0\t1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");

        var count = Assert.Single(Run(new TextCountRules(), counted));
        var upheld = Assert.Single(Run(new TextCountRules(), corrected));

        Assert.Equal(RuleId.N3, count.RuleId);
        Assert.Contains("行政复议总计为 1 件", count.Message, StringComparison.Ordinal);
        Assert.Equal(RuleId.N3, upheld.RuleId);
        Assert.Contains("表四有 1 件结果纠正", upheld.Message, StringComparison.Ordinal);
    }
}
