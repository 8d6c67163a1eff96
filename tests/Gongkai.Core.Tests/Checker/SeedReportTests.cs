using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;

namespace Gongkai.Core.Tests.Checker;

/// <summary>The real 2020 report of a district government office (shared/examples), with its known errors.</summary>
public sealed class SeedReportTests
{
    private static PublishedReport Seed() =>
        ReportParser.Parse(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Checker", "Samples", "2020-litong-district-office.txt")));

    [Fact]
    public void Its_title_year_sections_and_2019_format_tables_are_read()
    {
        var report = Seed();

        Assert.Equal(2020, report.Year);
        Assert.Equal(ReportFormat.V2019, report.Format);
        Assert.Equal([1, 2, 3, 4, 5, 6], report.Sections.Keys.Order());
        Assert.Empty(report.Unmapped);
        Assert.Equal(ReportFormats.RequestRows(ReportFormat.V2019).Count(r => r.Kind != RowKind.Heading), report.Requests.Count);
        Assert.All(report.Requests.Values, row => Assert.All(row.Cells, c => Assert.Equal(new PrintedCell(CellKind.Number, 0, "0"), c)));
        Assert.Equal(Article20Formats.Tables(ReportFormat.V2019).Sum(t => t.Rows.Count), report.Article20.Count);
    }

    [Fact]
    public void It_yields_the_known_errors_and_every_table_identity_holds()
    {
        var findings = ReportChecker.Check(Seed());

        Assert.DoesNotContain(findings, f => f.RuleId is "T1" or "T2" or "T3" or "T4" or "S2" or "S3");
        var n1 = Assert.Single(findings, f => f.RuleId == "N1");
        Assert.Contains("收到申请 1 件", n1.Message);
        Assert.Contains("为 0 件", n1.Message);
        var c1 = Assert.Single(findings, f => f.RuleId == "C1");
        Assert.StartsWith("第", c1.Location);
        Assert.Contains("表四", c1.Location);
        Assert.Contains(findings, f => f.RuleId == "N5" && f.Message.Contains("网上投诉9件", StringComparison.Ordinal));
        // Also right: section 五 repeats section 一's sentence on policy interpretation word for word.
        Assert.Contains(findings, f => f.RuleId == "N5" && f.Message.Contains("谁起草、谁解读、谁负责", StringComparison.Ordinal));
        Assert.Equal(4, findings.Count);
    }
}
