using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Infrastructure.Checker;

namespace Gongkai.IntegrationTests.Checker;

/// <summary>An HTML table with empty cells, read by the real reader: the blanks stay in their columns.</summary>
public sealed class BlankCellReaderTests
{
    [Fact]
    public void Empty_html_cells_stay_blank_and_in_their_column()
    {
        var html = new StringBuilder("<html><body><h1>示例县统计局2023年政府信息公开工作年度报告</h1><p>统计期限自2023年1月1日起至2023年12月31日止。</p>"
            + "<h2>一、总体情况</h2><p>本局依法做好政府信息公开工作。</p><h2>二、主动公开政府信息情况</h2><h2>三、收到和处理政府信息公开申请情况</h2><table>");
        foreach (var row in ReportFormats.RequestRows(ReportFormat.V2021).Where(r => r.Kind != RowKind.Heading))
        {
            string[] cells = row.Code is "1" or "3.1" or "3.7" ? ["120", "8", "", "", "1", "0", "129"] : ["", "", "", "", "", "", "0"];
            html.Append("<tr><td>").Append(row.Label).Append("</td>").Append(string.Concat(cells.Select(c => $"<td>{c}</td>"))).Append("</tr>");
        }

        html.Append("</table><h2>四、政府信息公开行政复议、行政诉讼情况</h2><h2>五、存在的主要问题及改进情况</h2><p>仍有不足。</p><h2>六、其他需要报告的事项</h2><p>无。</p></body></html>");

        var report = ReportParser.Parse(ReportReaders.Html(html.ToString()));

        var received = report.Requests["1"].Cells;
        Assert.Equal(CellKind.Blank, received[2].Kind);
        Assert.Equal(1, received[4].Value);
        Assert.Equal(129, received[6].Value);
        Assert.DoesNotContain(ReportChecker.Check(report), f => f.RuleId is "T1" or "T2" or "T3");
    }
}
