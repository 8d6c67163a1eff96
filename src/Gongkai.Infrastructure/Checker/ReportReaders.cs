using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Infrastructure.Checker;

/// <summary>A file the checker cannot read, and why, in Chinese.</summary>
public sealed class ReportReadException(string message) : Exception(message);

/// <summary>
/// Turns a published report in any of the shapes it reaches us in — text copied from a web page, an HTML page, a
/// .docx, a PDF — into lines of text, each table row on one line with its cells separated by tabs: the one shape
/// <see cref="Gongkai.Core.Checker.ReportParser"/> reads. The kind is told by the content, not the file name.
/// </summary>
public static class ReportReaders
{
    public const int MaxBytes = 30 * 1024 * 1024;

    public static IReadOnlyList<string> Read(string fileName, byte[] content) => ReadDocument(fileName, content).Lines;

    /// <summary>The lines, and whether they are tables only (a workbook has no sections or text to check).</summary>
    public static (IReadOnlyList<string> Lines, bool TablesOnly) ReadDocument(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new ReportReadException($"{fileName}：文件是空的。");
        }

        if (content.Length > MaxBytes)
        {
            throw new ReportReadException($"{fileName}：文件超过 {MaxBytes / 1024 / 1024} MB，不像一份年度报告。");
        }

        try
        {
            if (content.AsSpan().StartsWith("%PDF"u8))
            {
                return (Pdf(content), false);
            }

            if (content.AsSpan().StartsWith("PK"u8))
            {
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
                return zip.GetEntry("xl/workbook.xml") is not null ? (Xlsx(content), true) : (Docx(content), false);
            }

            if (content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0))
            {
                throw new ReportReadException($"{fileName}：不是文本、网页、Word (.docx) 或 PDF 文件。");
            }

            var text = Decode(content);
            if (text.TrimStart().StartsWith('{') && text.Contains(Gongkai.Infrastructure.AnnualReports.ReportJson.Schema, StringComparison.Ordinal))
            {
                // Gongkai's own JSON export: read as the report it describes.
                var agency = new Gongkai.Core.Agencies.Agency { FullName = "", ShortName = "", CreditCode = "" };
                Gongkai.Infrastructure.AnnualReports.AnnualReportModel model;
                try
                {
                    model = Gongkai.Infrastructure.AnnualReports.ReportJson.Read(text, agency);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or NullReferenceException or FormatException or InvalidOperationException or ArgumentException)
                {
                    throw new InvalidDataException("JSON 不是完整的年度报告。", e);
                }

                return (Html(Gongkai.Infrastructure.AnnualReports.ReportHtml.Document(model)), false);
            }

            return (LooksLikeHtml(text) ? Html(text) : Lines(text), false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or UglyToad.PdfPig.Core.PdfDocumentFormatException or ArgumentException or InvalidOperationException)
        {
            throw new ReportReadException($"{fileName}：文件已损坏或格式无法识别（{e.GetType().Name}）。");
        }
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (which covers GBK and GB2312).</summary>
    public static string Decode(byte[] content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            return (content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(content, 2, content.Length - 2);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || (head.Contains("<p", StringComparison.OrdinalIgnoreCase) && head.Contains("</", StringComparison.Ordinal)) || text.Contains("<table", StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();

    /// <summary>Block elements as lines; each table row as one line of tab-separated cells.</summary>
    public static List<string> Html(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string>();
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement element)
                {
                    switch (element.LocalName)
                    {
                        case "script" or "style" or "svg" or "noscript" or "head":
                            continue;
                        case "table":
                            foreach (var row in element.QuerySelectorAll("tr"))
                            {
                                lines.Add(string.Join("\t", row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Clean(c.TextContent))));
                            }

                            continue;
                        case "caption":
                            continue;
                    }

                    var hasBlocks = element.Children.Any(c => c.LocalName is "p" or "div" or "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "ul" or "ol" or "section" or "article" or "br" or "figure" or "nav" or "header" or "footer" or "main");
                    if (hasBlocks || element.LocalName is "body" or "html" or "section" or "article" or "main" or "ul" or "ol")
                    {
                        Walk(element);
                    }
                    else
                    {
                        lines.Add(Clean(element.TextContent));
                    }
                }
                else if (child is IText text && Clean(text.Data) is { Length: > 0 } loose)
                {
                    lines.Add(loose);
                }
            }
        }

        Walk(document.Body ?? (INode)document);
        return lines;
    }

    private static string Clean(string text) => string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Each worksheet's name as a line (the section it holds), then its rows as tab-separated cells.</summary>
    public static List<string> Xlsx(byte[] content)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(content), false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("没有工作簿。");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var lines = new List<string>();
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            lines.Add(sheet.Name?.Value ?? "");
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!);
            foreach (var row in part.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            {
                lines.Add(string.Join("\t", row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c =>
                    c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString && int.TryParse(c.CellValue?.Text, System.Globalization.CultureInfo.InvariantCulture, out var i)
                        ? shared.ElementAtOrDefault(i) ?? ""
                        : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "")));
            }
        }

        return lines;
    }

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// Paragraphs as lines; each table row as one line of tab-separated cells (merged cells once). Streams
    /// word/document.xml straight from the package: checking folders of reports needs no full object model.
    /// </summary>
    public static List<string> Docx(byte[] content)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
        var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("不是 Word (.docx) 文档：缺少 word/document.xml。");
        using var stream = entry.Open();
        using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, IgnoreWhitespace = false });
        var lines = new List<string>();
        var paragraph = new StringBuilder();
        var row = new List<string>();
        var cell = new List<string>();
        var tableDepth = 0;
        var inText = false;
        while (xml.Read())
        {
            if (inText && xml.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace)
            {
                paragraph.Append(xml.Value);
                continue;
            }

            if (xml.NamespaceURI != WordNamespace)
            {
                continue;
            }

            if (xml.NodeType == System.Xml.XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "tbl":
                        tableDepth++;
                        break;
                    case "p":
                        paragraph.Clear();
                        if (xml.IsEmptyElement)
                        {
                            EndParagraph();
                        }

                        break;
                    case "t":
                        inText = !xml.IsEmptyElement;
                        break;
                    case "tab" when tableDepth == 0:
                        paragraph.Append('\t');
                        break;
                    case "tc":
                        cell.Clear();
                        break;
                    case "tr":
                        row.Clear();
                        break;
                }
            }
            else if (xml.NodeType == System.Xml.XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "t":
                        inText = false;
                        break;
                    case "p":
                        EndParagraph();
                        break;
                    case "tc":
                        row.Add(string.Join(" ", cell));
                        break;
                    case "tr":
                        lines.Add(string.Join("\t", row));
                        break;
                    case "tbl":
                        tableDepth--;
                        break;
                }
            }
        }

        return lines;

        void EndParagraph()
        {
            if (tableDepth > 0)
            {
                if (paragraph.Length > 0)
                {
                    cell.Add(paragraph.ToString());
                }
            }
            else
            {
                lines.Add(paragraph.ToString());
            }

            paragraph.Clear();
        }
    }

    /// <summary>
    /// Each page's words grouped into lines by their baseline, left to right; a wide gap (a table's column border)
    /// becomes a tab. Pages follow each other; footers stay where they are (the parser skips them).
    /// </summary>
    public static List<string> Pdf(byte[] content)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(content);
        var lines = new List<string>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            var rows = new List<List<UglyToad.PdfPig.Content.Word>>();
            foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
            {
                var height = Math.Max(word.BoundingBox.Height, 4);
                var row = rows.LastOrDefault(r => Math.Abs(r[0].BoundingBox.Bottom - word.BoundingBox.Bottom) < height * 0.5);
                if (row is null)
                {
                    rows.Add([word]);
                }
                else
                {
                    row.Add(word);
                }
            }

            foreach (var row in rows)
            {
                var line = new StringBuilder();
                UglyToad.PdfPig.Content.Word? previous = null;
                foreach (var word in row.OrderBy(w => w.BoundingBox.Left))
                {
                    if (previous is not null)
                    {
                        var gap = word.BoundingBox.Left - previous.BoundingBox.Right;
                        line.Append(gap > Math.Max(word.BoundingBox.Height, 6) * 0.8 ? '\t' : gap > 1 ? " " : "");
                    }

                    line.Append(word.Text);
                    previous = word;
                }

                lines.Add(line.ToString());
            }
        }

        return lines;
    }
}
