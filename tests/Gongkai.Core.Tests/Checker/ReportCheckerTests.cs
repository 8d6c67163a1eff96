using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using static Gongkai.Core.Tests.Checker.ProseReports;

namespace Gongkai.Core.Tests.Checker;

/// <summary>What applies across the rule groups: the groups that read the text, and the bound on findings per rule.</summary>
public sealed class ReportCheckerTests
{
    [Fact]
    public void At_most_twenty_findings_of_a_rule_are_listed_and_the_rest_counted_in_one_more()
    {
        var five = string.Join("\n", Enumerable.Range(0, 30).Select(i => Sentence(i) + Sentence(i)));

        var n5 = Check(Report(five: five), "N5");

        Assert.Equal(21, n5.Count);
        Assert.Equal("另有 10 处同类问题，未逐一列出。", n5[^1].Message);
        Assert.Equal(Severity.Warning, n5[^1].Severity);
        Assert.EndsWith("行起", n5[^1].Location);
    }

    [Fact]
    public void Rules_that_read_the_text_are_not_run_on_tables_only()
    {
        var lines = PrintedReports.Lines();
        lines.Insert(lines.IndexOf(ReportFormats.Sections[0]) + 1, "编写说明：可先适当综述。");
        var tablesOnly = ReportParser.Parse(lines);
        tablesOnly.TablesOnly = true;

        Assert.Contains(ReportChecker.Check(ReportParser.Parse(lines)), f => f.RuleId == RuleId.S4);
        Assert.Empty(ReportChecker.Check(tablesOnly));
    }
}
