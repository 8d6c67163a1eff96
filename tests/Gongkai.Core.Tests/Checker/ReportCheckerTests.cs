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

    [Fact]
    public void A_finding_quotes_its_line_as_printed_not_as_the_rules_read_it()
    {
        // Full-width punctuation is folded for the rules (，→ ,  ：→ :); the quote keeps it.
        const string sentence = "坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开：全年召开专题会议3次。";
        var n5 = Check(Report(five: sentence + "\n" + sentence), "N5");

        var quote = Assert.Single(n5).Message;
        Assert.Contains("以公开为常态、不公开为例外，全面推进", quote);
        Assert.DoesNotContain(",", quote);
    }
}
