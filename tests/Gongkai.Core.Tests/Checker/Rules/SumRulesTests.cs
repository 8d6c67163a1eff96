using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker.Rules;
using static Gongkai.Core.Tests.Checker.Rules.RuleRun;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>T1–T6 on a published table, over what was read (ReportRules' own cases: AnnualReports/ReportTablesTests).</summary>
public sealed class SumRulesTests
{
    [Fact]
    public void The_correct_report_adds_up()
    {
        Assert.Empty(Run(new SumRules(), PrintedReports.Lines()));
    }

    [Fact]
    public void A_printed_total_that_does_not_add_up_is_t1_t2_and_t3()
    {
        var lines = Replace(PrintedReports.Lines(), "（七）总计", "（七）总计\t9\t2\t0\t0\t0\t0\t12");

        var findings = Run(new SumRules(), lines);

        Assert.Equal([RuleId.T1, RuleId.T2, RuleId.T3], findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.Equal("表三 · 总计列", findings.Single(f => f.RuleId == RuleId.T1).Location);
        Assert.Contains("各项办理结果之和为 11", findings.Single(f => f.RuleId == RuleId.T2).Message, StringComparison.Ordinal);
        Assert.Equal("表三 · （七）总计", findings.Single(f => f.RuleId == RuleId.T3).Location);
    }

    [Fact]
    public void A_printed_sub_total_that_differs_from_its_rows_is_t6()
    {
        var lines = PrintedReports.Lines();
        lines.Insert(lines.FindIndex(l => l.StartsWith("1.属于国家秘密", StringComparison.Ordinal)), "（三）不予公开\t0\t2\t0\t0\t0\t0\t2");

        var t6 = Run(new SumRules(), lines);

        Assert.Equal(2, t6.Count);
        Assert.All(t6, f => Assert.Equal(RuleId.T6, f.RuleId));
        Assert.Contains(t6, f => f.Location.EndsWith("（三）不予公开 · 商业企业", StringComparison.Ordinal) && f.Message == "小计为 2，但其下各项之和为 1。");
        Assert.Contains(t6, f => f.Location.EndsWith("（三）不予公开 · 总计", StringComparison.Ordinal));
    }

    [Fact]
    public void Carried_in_that_is_not_last_year_s_carried_out_is_t5()
    {
        // Last year's report carried 2 forward (自然人); this year's says 1 was carried in.
        var t5 = Run(new SumRules(), PrintedReports.Lines(), previous: PrintedReports.Lines());

        Assert.Equal(["表三 · 自然人列 · 二、上年结转", "表三 · 总计列 · 二、上年结转"], t5.Select(f => f.Location));
        Assert.All(t5, f => Assert.Equal(RuleId.T5, f.RuleId));
    }

    [Fact]
    public void No_sum_rests_on_a_row_whose_numbers_could_not_be_placed()
    {
        var lines = Replace(PrintedReports.Lines(), "4.保护第三方合法权益", "4.保护第三方合法权益 1 1");

        var findings = Run(new SumRules(), lines);

        Assert.DoesNotContain(findings, f => f.RuleId is RuleId.T2 or RuleId.T3);
        var unread = Assert.Single(findings, f => f.Severity == Severity.Warning);
        Assert.Equal(RuleId.S3, unread.RuleId);
        Assert.StartsWith("这一行只读到 2 个数字（应有 7 列）", unread.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.RuleId == RuleId.S3 && f.Severity == Severity.Info && f.Message.Contains("核对未做", StringComparison.Ordinal));
    }
}
