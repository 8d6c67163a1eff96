using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>Reads generated documents back with real readers: OpenXml for .docx, poppler's pdftotext for .pdf.</summary>
public static class Documents
{
    public static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    public static string PdfText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("pdftotext did not start (apt-get install poppler-utils).");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            // Lines are wrapped where the page is full; compare text without the breaks.
            return text.Replace("\n", "", StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
