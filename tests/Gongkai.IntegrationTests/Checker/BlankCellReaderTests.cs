using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Infrastructure.Checker;
using Gongkai.Infrastructure.Documents;
using Gongkai.IntegrationTests.TestSupport;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.IntegrationTests.Checker;

/// <summary>Tables with empty cells, read by the real readers (HTML, PDF): the blanks stay in their columns.</summary>
public sealed class BlankCellReaderTests
{
    [Fact]
    public void Empty_html_cells_stay_blank_and_in_their_column()
    {
        var html = new StringBuilder("<html><body><h1>示例县统计局2023年政府信息公开工作年度报告</h1><p>统计期限自2023年1月1日起至2023年12月31日止。</p>"
            + "<h2>一、总体情况</h2><p>本局依法做好政府信息公开工作。</p><h2>二、主动公开政府信息情况</h2><h2>三、收到和处理政府信息公开申请情况</h2><table>");
        foreach (var row in ReportFormats.RequestRows(ReportFormat.V2021).Where(r => r.Kind != RowKind.Heading))
        {
            string[] cells = row.Id is RequestsRow.NewlyReceived or RequestsRow.Disclosed or RequestsRow.Total ? ["120", "8", "", "", "1", "0", "129"] : ["", "", "", "", "", "", "0"];
            html.Append("<tr><td>").Append(row.Label).Append("</td>").Append(string.Concat(cells.Select(c => $"<td>{c}</td>"))).Append("</tr>");
        }

        html.Append("</table><h2>四、政府信息公开行政复议、行政诉讼情况</h2><h2>五、存在的主要问题及改进情况</h2><p>仍有不足。</p><h2>六、其他需要报告的事项</h2><p>无。</p></body></html>");

        var report = ReportParser.Parse(ReportReaders.Html(html.ToString()));

        var received = report.Requests[RequestsRow.NewlyReceived].Cells;
        Assert.Equal(CellKind.Blank, received[2].Kind);
        Assert.Equal(1, received[4].Value);
        Assert.Equal(129, received[6].Value);
        Assert.DoesNotContain(ReportChecker.Check(report), f => f.RuleId is "T1" or "T2" or "T3");
    }

    /// <summary>
    /// A PDF prints no cells, only numbers at positions: table 三 drawn as a word processor prints it, blank cells
    /// left empty, the table running onto a second page whose rows are all sparse. The columns come from the full
    /// rows' alignment, on the same page or the page before.
    /// </summary>
    [Fact]
    public void Blank_pdf_cells_are_found_from_the_columns_positions()
    {
        Assert.NotNull(CjkFont.Install(null));
        using var document = new PdfDocument();
        var font = new XFont(CjkFont.Family, 8);
        var page = document.AddPage();
        var graphics = XGraphics.FromPdfPage(page);
        var y = 60.0;
        void Write(string text, double x = 50)
        {
            graphics.DrawString(text, font, XBrushes.Black, new XPoint(x, y));
            y += 14;
        }

        Write("示例县统计局2023年政府信息公开工作年度报告");
        Write("本报告统计期限自2023年1月1日起至2023年12月31日止。");
        Write("一、总体情况");
        Write("本局依法做好政府信息公开工作。");
        Write("二、主动公开政府信息情况");
        Write("三、收到和处理政府信息公开申请情况");
        var rows = ReportFormats.RequestRows(ReportFormat.V2021).Where(r => r.Kind != RowKind.Heading).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 16)
            {
                graphics.Dispose();
                page = document.AddPage();
                graphics = XGraphics.FromPdfPage(page);
                y = 60;
            }

            string[] cells = rows[i].Id is RequestsRow.NewlyReceived or RequestsRow.Disclosed or RequestsRow.Total ? ["120", "8", "", "", "1", "0", "129"] : ["", "", "", "", "", "", "0"];
            graphics.DrawString(rows[i].Label.Length > 22 ? rows[i].Label[..22] : rows[i].Label, font, XBrushes.Black, new XPoint(40, y));
            for (var c = 0; c < cells.Length; c++)
            {
                // Centred in columns 40 points wide, as a word processor centres them.
                var width = graphics.MeasureString(cells[c], font).Width;
                graphics.DrawString(cells[c], font, XBrushes.Black, new XPoint(290 + (c * 40) - (width / 2), y));
            }

            y += 14;
        }

        Write("四、政府信息公开行政复议、行政诉讼情况");
        Write("五、存在的主要问题及改进情况");
        Write("仍有不足。");
        Write("六、其他需要报告的事项");
        Write("无。");
        graphics.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);

        AssertBlanksKept(ReportParser.Parse(ReportReaders.Pdf(stream.ToArray())));

        // The same PDF as pdftotext -layout gives it: spaces squeezed, so the blank columns cannot be told from the
        // positions. The rows short of numbers are said to be unread, and no sum rests on them.
        var layout = ReportParser.Parse(Documents.PdfLayoutText(stream.ToArray()).Split('\n'));
        Assert.Contains(RequestsRow.NewlyReceived, layout.UnreadRows);
        var layoutFindings = ReportChecker.Check(layout);
        Assert.DoesNotContain(layoutFindings, f => f.RuleId is "T1" or "T2" or "T3");
        Assert.Contains(layoutFindings, f => f.RuleId == "S3" && f.Message.Contains("只读到 5 个数字", StringComparison.Ordinal));
    }

    private static void AssertBlanksKept(PublishedReport report)
    {
        var received = report.Requests[RequestsRow.NewlyReceived].Cells;
        Assert.Equal([120m, 8m, 0m, 0m, 1m, 0m, 129m], received.Select(c => c.Value));
        Assert.Equal(CellKind.Blank, received[2].Kind);
        Assert.Equal(CellKind.Blank, report.Requests[RequestsRow.NotProcessedPetitionOrComplaint].Cells[(int)ApplicantColumn.NaturalPerson].Kind);
        Assert.Equal(0, report.Requests[RequestsRow.NotProcessedPetitionOrComplaint].Cells[(int)ApplicantColumn.Total].Value);
        Assert.Equal(CellKind.Number, report.Requests[RequestsRow.NotProcessedPetitionOrComplaint].Cells[(int)ApplicantColumn.Total].Kind);
        Assert.Equal(129, report.Requests[RequestsRow.Total].Cells[(int)ApplicantColumn.Total].Value);
        var findings = ReportChecker.Check(report);
        Assert.DoesNotContain(findings, f => f.RuleId is "T1" or "T2" or "T3");
        Assert.Contains(findings, f => f.RuleId == "C1");
    }
}
