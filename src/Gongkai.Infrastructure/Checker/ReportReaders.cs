using System.IO.Compression;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Files;

namespace Gongkai.Infrastructure.Checker;

/// <summary>
/// Turns a published report in any of the shapes it reaches us in — text copied from a web page, an HTML page, a
/// .docx, a PDF — into lines of text, each table row on one line with its cells separated by tabs: the one shape
/// <see cref="Gongkai.Core.Checker.ReportParser"/> reads. The kind is told by the content, not the file name. Every
/// reader counts against a <see cref="FileBudget"/> (docs/security.md): a file over a limit is refused with an
/// <see cref="UntrustedFileException"/> naming the file.
/// </summary>
public static class ReportReaders
{
    /// <summary>The default of <see cref="UntrustedFileLimits.MaxUploadBytes"/>, for the command line's own reads.</summary>
    public const int MaxBytes = 30 * 1024 * 1024;

    public static IReadOnlyList<string> Read(string fileName, byte[] content, FileBudget? budget = null) => ReadDocument(fileName, content, budget).Lines;

    /// <summary>The lines, and whether they are tables only (a workbook has no sections or text to check).</summary>
    public static (IReadOnlyList<string> Lines, bool TablesOnly) ReadDocument(string fileName, byte[] content, FileBudget? budget = null)
    {
        try
        {
            return ReadDocument(content, budget ?? FileBudget.Unhurried());
        }
        catch (UntrustedFileException e)
        {
            throw e.About(UntrustedFiles.Excerpt(fileName, 100));
        }
    }

    private static (IReadOnlyList<string> Lines, bool TablesOnly) ReadDocument(byte[] content, FileBudget budget)
    {
        if (content.Length == 0)
        {
            throw UntrustedFileException.Unreadable("文件是空的。");
        }

        if (content.Length > budget.Limits.MaxUploadBytes)
        {
            throw UntrustedFileException.TooLarge($"文件超过 {UntrustedFiles.Megabytes(budget.Limits.MaxUploadBytes)}，不像一份年度报告，已拒绝。");
        }

        if (content.AsSpan().StartsWith("%PDF"u8))
        {
            return (Pdf(content, budget), false);
        }

        if (content.AsSpan().StartsWith("PK"u8))
        {
            using (var zip = UntrustedFiles.OpenZip(content, budget))
            {
                if (zip.GetEntry("xl/workbook.xml") is null)
                {
                    return (Docx(zip, budget), false);
                }
            }

            return (Xlsx(content, budget, measured: true), true);
        }

        if (content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0))
        {
            throw UntrustedFileException.Unreadable("不是文本、网页、Word (.docx)、Excel (.xlsx) 或 PDF 文件。");
        }

        var text = Decode(content);
        if (text.TrimStart().StartsWith('{') && text.Contains(Gongkai.Infrastructure.AnnualReports.ReportJson.Schema, StringComparison.Ordinal))
        {
            // Gongkai's own JSON export: read as the report it describes.
            budget.Text(text.Length);
            var agency = new Gongkai.Core.Agencies.Agency { FullName = "", ShortName = "", CreditCode = "" };
            var model = UntrustedFiles.Parse(() => Gongkai.Infrastructure.AnnualReports.ReportJson.Read(text, agency), "JSON 不是完整的年度报告");
            return (Html(Gongkai.Infrastructure.AnnualReports.ReportHtml.Document(model), budget), false);
        }

        return (LooksLikeHtml(text) ? Html(text, budget) : Lines(text, budget), false);
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

    private static List<string> Lines(string text, FileBudget budget)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                lines.Add(budget.Line(text[start..i]));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(budget.Line(text[start..]));
        return lines;
    }

    /// <summary>Block elements as lines; each table row as one line of tab-separated cells.</summary>
    public static List<string> Html(string html, FileBudget? budget = null)
    {
        budget ??= FileBudget.Unhurried();
        UntrustedFiles.CheckMarkup(html, budget);
        var document = new HtmlParser().ParseDocument(html);
        budget.Check();
        var lines = new List<string>();
        void Add(string line) => lines.Add(budget.Line(line));

        // Each element is visited once; an element without block children is read whole (its text once) and not
        // entered, so the walk is linear in the page. The depth is bounded by CheckMarkup before parsing.
        void Walk(INode node, int depth)
        {
            if (depth > budget.Limits.MaxDepth)
            {
                throw UntrustedFileException.Unreadable($"文件的嵌套层数超过 {budget.Limits.MaxDepth} 层，结构异常，已拒绝。");
            }

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
                                Add(string.Join("\t", row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Clean(c.TextContent))));
                            }

                            continue;
                        case "caption":
                            continue;
                    }

                    var hasBlocks = element.Children.Any(c => c.LocalName is "p" or "div" or "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "ul" or "ol" or "section" or "article" or "br" or "figure" or "nav" or "header" or "footer" or "main");
                    if (hasBlocks || element.LocalName is "body" or "html" or "section" or "article" or "main" or "ul" or "ol")
                    {
                        Walk(element, depth + 1);
                    }
                    else
                    {
                        Add(Clean(element.TextContent));
                    }
                }
                else if (child is IText text && Clean(text.Data) is { Length: > 0 } loose)
                {
                    Add(loose);
                }
            }
        }

        Walk(document.Body ?? (INode)document, 0);
        return lines;
    }

    private static string Clean(string text) => string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Each worksheet's name as a line (the section it holds), then its rows as tab-separated cells.</summary>
    public static List<string> Xlsx(byte[] content, FileBudget? budget = null) => Xlsx(content, budget ?? FileBudget.Unhurried(), measured: false);

    private static List<string> Xlsx(byte[] content, FileBudget budget, bool measured)
    {
        var lines = new List<string>();
        foreach (var sheet in Spreadsheet.ReadSheets(content, budget, firstOnly: false, measured))
        {
            lines.Add(sheet.Name);
            lines.AddRange(sheet.Rows.Select(r => string.Join("\t", r)));
        }

        return lines;
    }

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// Paragraphs as lines; each table row as one line of tab-separated cells (merged cells once). Streams
    /// word/document.xml straight from the package: checking folders of reports needs no full object model.
    /// </summary>
    public static List<string> Docx(byte[] content, FileBudget? budget = null)
    {
        budget ??= FileBudget.Unhurried();
        using var zip = UntrustedFiles.OpenZip(content, budget);
        return Docx(zip, budget);
    }

    private static List<string> Docx(ZipArchive zip, FileBudget budget) => UntrustedFiles.Parse(() =>
    {
        var entry = zip.GetEntry("word/document.xml") ?? throw UntrustedFileException.Unreadable("不是 Word (.docx) 文档：缺少 word/document.xml。");
        using var xml = UntrustedFiles.Xml(entry.Open(), budget);
        var lines = new List<string>();
        var paragraph = new StringBuilder();
        var row = new List<string>();
        var cell = new List<string>();
        var tableDepth = 0;
        var inText = false;
        while (budget.Read(xml))
        {
            if (inText && xml.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace)
            {
                budget.Text(xml.Value.Length);
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
                        lines.Add(budget.Line(string.Join("\t", row)));
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
                lines.Add(budget.Line(paragraph.ToString()));
            }

            paragraph.Clear();
        }
    }, "Word (.docx)");

    /// <summary>
    /// Each page's words grouped into lines by their baseline, left to right; a wide gap (a table's column border)
    /// becomes a tab, and a table row with blank cells gets its blanks back from the columns' positions
    /// (<see cref="PdfTableColumns"/>). Pages follow each other; footers stay where they are (the parser skips them). A PDF of more
    /// pages than <see cref="UntrustedFileLimits.MaxPdfPages"/> is refused.
    /// </summary>
    public static List<string> Pdf(byte[] content, FileBudget? budget = null)
    {
        budget ??= FileBudget.Unhurried();
        using var document = UntrustedFiles.OpenPdf(content, budget);
        return UntrustedFiles.Parse(() =>
        {
            var lines = new List<List<UglyToad.PdfPig.Content.Word>>();
            var pages = document.NumberOfPages;
            budget.Page(pages, refuseMore: true);
            for (var number = 1; number <= pages; number++)
            {
                budget.Page(number, refuseMore: true);
                var page = document.GetPage(number);
                var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
                var rows = new List<List<UglyToad.PdfPig.Content.Word>>();
                foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
                {
                    budget.Text(word.Text.Length);
                    var height = Math.Max(word.BoundingBox.Height, 4);
                    var row = RowOf(rows, word, height * 0.5);
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
                    var ordered = row.OrderBy(w => w.BoundingBox.Left).ToList();
                    budget.Line(PdfTableColumns.Plain(ordered));
                    lines.Add(ordered);
                }
            }

            return PdfTableColumns.Lines(lines);
        }, "PDF");
    }

    /// <summary>
    /// The last row whose baseline is within <paramref name="tolerance"/> of the word's. Words come highest first, so
    /// rows are in falling order of their first word: once a row is too high, every earlier one is too, and the search
    /// stops (a page of many short lines stays linear).
    /// </summary>
    private static List<UglyToad.PdfPig.Content.Word>? RowOf(List<List<UglyToad.PdfPig.Content.Word>> rows, UglyToad.PdfPig.Content.Word word, double tolerance)
    {
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var distance = rows[i][0].BoundingBox.Bottom - word.BoundingBox.Bottom;
            if (Math.Abs(distance) < tolerance)
            {
                return rows[i];
            }

            if (distance >= tolerance)
            {
                return null;
            }
        }

        return null;
    }
}
