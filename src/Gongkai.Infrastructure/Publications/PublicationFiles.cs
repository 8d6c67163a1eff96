using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.Infrastructure.Publications;

/// <summary>
/// What a publication may carry as attachments — PDF, Word, Excel, WPS-free OOXML and images — decided by the
/// file's content and its name together: a file whose content is not what its extension says is refused
/// (an executable renamed .pdf, a zip renamed .docx). The text of PDF, .docx and .xlsx files is extracted for search.
/// </summary>
public static class PublicationFiles
{
    public const int MaxFiles = 10;
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, string Kind)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "PDF"),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (.xlsx)"),
        [".doc"] = ("application/msword", "Word (.doc)"),
        [".xls"] = ("application/vnd.ms-excel", "Excel (.xls)"),
        [".png"] = ("image/png", "PNG 图片"),
        [".jpg"] = ("image/jpeg", "JPG 图片"),
        [".jpeg"] = ("image/jpeg", "JPG 图片"),
    };

    public static string Allowed => "PDF、.docx、.xlsx、.doc、.xls、PNG、JPG";

    public sealed record Checked(string FileName, string ContentType, string Sha256, byte[] Content, string Text);

    /// <summary>The checked file with its text, or why it is refused, in Chinese.</summary>
    public static (Checked? File, string? Error) Check(string fileName, byte[] content)
    {
        var name = Requests.AttachmentRules.SafeName(fileName);
        if (content.Length == 0)
        {
            return (null, $"附件“{name}”是空文件。");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"附件“{name}”超过 20 MB。");
        }

        var extension = Path.GetExtension(name);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            return (null, $"附件“{name}”的类型不能上传；可以上传 {Allowed} 文件。");
        }

        if (!ContentIs(extension.ToLowerInvariant(), content))
        {
            return (null, $"附件“{name}”的内容不是 {kind.Kind} 文件（以文件内容判断，与扩展名不符），已拒绝。");
        }

        string text;
        try
        {
            text = ExtractText(extension.ToLowerInvariant(), content);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or OpenXmlPackageException or UglyToad.PdfPig.Core.PdfDocumentFormatException or InvalidOperationException or ArgumentException)
        {
            return (null, $"附件“{name}”已损坏，无法打开（{kind.Kind}）。");
        }

        return (new Checked(name, kind.ContentType, Convert.ToHexStringLower(SHA256.HashData(content)), content, text), null);
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    private static bool ContentIs(string extension, byte[] content)
    {
        var span = content.AsSpan();
        switch (extension)
        {
            case ".pdf":
                return span.StartsWith("%PDF-"u8);
            case ".png":
                return span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            case ".jpg" or ".jpeg":
                return span.Length >= 3 && span[0] == 0xFF && span[1] == 0xD8 && span[2] == 0xFF;
            case ".doc" or ".xls":
                return span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
            case ".docx" or ".xlsx":
                if (!span.StartsWith("PK\u0003\u0004"u8))
                {
                    return false;
                }

                try
                {
                    using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
                    return zip.GetEntry("[Content_Types].xml") is not null
                        && zip.GetEntry(extension == ".docx" ? "word/document.xml" : "xl/workbook.xml") is not null;
                }
                catch (InvalidDataException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static string ExtractText(string extension, byte[] content)
    {
        switch (extension)
        {
            case ".pdf":
                {
                    using var pdf = UglyToad.PdfPig.PdfDocument.Open(content);
                    var text = new StringBuilder();
                    foreach (var page in pdf.GetPages())
                    {
                        text.AppendLine(UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page));
                    }

                    return Limit(text.ToString());
                }

            case ".docx":
                {
                    using var word = WordprocessingDocument.Open(new MemoryStream(content), false);
                    var body = word.MainDocumentPart?.Document?.Body;
                    return body is null ? "" : Limit(string.Join('\n', body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)));
                }

            case ".xlsx":
                {
                    var rows = Documents.Spreadsheet.ReadXlsx(new MemoryStream(content));
                    return Limit(string.Join('\n', rows.Select(r => string.Join(' ', r.Where(c => c.Length > 0)))));
                }

            default:
                return "";
        }
    }

    /// <summary>Search needs the words, not every byte of a 500-page annex.</summary>
    private static string Limit(string text) => text.Length > 200_000 ? text[..200_000] : text;
}
