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

    /// <summary>Every paragraph in reading order, table rows as their cells' text joined by " | ".</summary>
    public static string DocxFullText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var lines = new List<string>();
        foreach (var element in document.MainDocumentPart!.Document!.Body!.ChildElements)
        {
            switch (element)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Paragraph p:
                    lines.Add(p.InnerText);
                    break;
                case DocumentFormat.OpenXml.Wordprocessing.Table t:
                    lines.AddRange(t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r =>
                        string.Join(" | ", r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText))));
                    break;
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>The text pdftotext reads with its layout kept (lines as on the page).</summary>
    public static string PdfLayoutText(byte[] pdf) => Run("pdftotext", pdf, ".pdf", "-layout", "-enc", "UTF-8", "{file}", "-");

    /// <summary>Runs a reader on the bytes saved to a temporary file ({file} in the arguments) and returns what it prints.</summary>
    public static string Run(string program, byte[] content, string extension, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + extension);
        try
        {
            File.WriteAllBytes(path, content);
            using var process = Process.Start(new ProcessStartInfo(program, arguments.Select(a => a.Replace("{file}", path, StringComparison.Ordinal)))
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException($"{program} did not start.");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The repository's root folder (where Gongkai.slnx is).</summary>
    /// <summary>
    /// A generated section of a document under docs/ between two markers: fails when it is not <paramref name="content"/>,
    /// and rewrites it when GONGKAI_UPDATE_GOLDEN=1 (then review the diff).
    /// </summary>
    public static async Task AssertDocSectionAsync(string document, string marker, string content)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", document);
        var doc = await File.ReadAllTextAsync(path);
        string start = $"<!-- {marker}:start -->\n", end = $"<!-- {marker}:end -->";
        var from = doc.IndexOf(start, StringComparison.Ordinal);
        var to = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/{document} needs the {marker} markers.");
        var expected = doc[..(from + start.Length)] + content + doc[to..];
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(path, expected);
        }

        Assert.True(expected == doc, $"docs/{document}'s {marker} table is not what the code says: run the tests with GONGKAI_UPDATE_GOLDEN=1 and review the diff.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
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
