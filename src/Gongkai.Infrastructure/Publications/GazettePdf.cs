using System.Globalization;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Infrastructure.Publications;

/// <summary>
/// An issue of the gazette as a PDF on A4: the masthead and contents (with page numbers) first, then each document on
/// a page of its own, its body from the plain text, and the print run and distribution points at the end.
/// </summary>
public static class GazettePdf
{
    /// <summary>Null when the machine has no CJK font.</summary>
    public static byte[]? Write(GazetteView view, string? fontPath = null)
    {
        if (CjkFont.Install(fontPath) is null)
        {
            return null;
        }

        // The contents need the pages the documents start on: lay out once to find them, then again to print them.
        var (_, starts) = Render(view, null);
        var (document, _) = Render(view, starts);
        using (document)
        {
            NumberPages(document);
            using var stream = new MemoryStream();
            document.Save(stream);
            return stream.ToArray();
        }
    }

    private static (PdfDocument Document, int[] Starts) Render(GazetteView view, int[]? pages)
    {
        var document = new PdfDocument();
        document.Info.Title = $"{view.Masthead}{view.IssueLabel}";
        document.Info.Author = view.Agency.FullName;
        var starts = new int[view.Documents.Count];
        using (var writer = new ReportPdf.PdfWriter(document))
        {
            writer.Space(40);
            writer.Text(view.Masthead, writer.Font(26, bold: true), XStringFormats.TopCenter, 44, XBrushes.DarkRed);
            writer.Text(view.IssueLabel, writer.Font(14), XStringFormats.TopCenter, 24);
            writer.Text($"{view.Agency.FullName}　{view.IssuedOn}出版", writer.Font(11), XStringFormats.TopCenter, 20);
            writer.Space(24);
            writer.Text("目　　录", writer.Font(16, bold: true), XStringFormats.TopCenter, 30);
            writer.Space(6);
            var entry = writer.Font(11);
            for (var i = 0; i < view.Documents.Count; i++)
            {
                var d = view.Documents[i];
                var page = pages is null ? "" : pages[i].ToString(CultureInfo.InvariantCulture);
                writer.Entry(d.DocumentNumber is { } number ? $"{d.Title}（{number}）" : d.Title, page, entry, 20);
            }

            for (var i = 0; i < view.Documents.Count; i++)
            {
                var d = view.Documents[i];
                writer.NewPage();
                starts[i] = writer.PageNumber;
                writer.Text(d.Title, writer.Font(16, bold: true), XStringFormats.TopCenter, 28);
                if (d.DocumentNumber is { } number)
                {
                    writer.Text(number, writer.Font(11), XStringFormats.TopCenter, 20);
                }

                writer.Space(10);
                var body = writer.Font(11);
                foreach (var paragraph in GazetteIssue.Lines(d.Body))
                {
                    writer.Text(paragraph, body, XStringFormats.TopLeft, 19, indentFirst: true);
                }

                writer.Space(10);
                writer.Text(d.Issuer, body, XStringFormats.TopRight, 19);
                writer.Text(GazetteIssue.ChineseDate(d.WrittenOn), body, XStringFormats.TopRight, 19);
            }

            writer.Space(30);
            var small = writer.Font(10);
            writer.Text(string.Create(CultureInfo.InvariantCulture, $"本期印数：{view.Issue.PrintRun} 份"), small, XStringFormats.TopLeft, 17, keepWith: 17);
            if (view.DistributionPoints.Count > 0)
            {
                writer.Text("发放点：" + string.Join("；", view.DistributionPoints), small, XStringFormats.TopLeft, 17);
            }
        }

        return (document, starts);
    }

    private static void NumberPages(PdfDocument document)
    {
        var font = new XFont(CjkFont.Family, 9, XFontStyleEx.Regular);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            graphics.DrawString(string.Create(CultureInfo.InvariantCulture, $"— {i + 1} —"), font, XBrushes.Black,
                new XRect(0, page.Height.Point - 40, page.Width.Point, 16), XStringFormats.Center);
        }
    }
}
