using System.Security.Cryptography;
using System.Text;
using Gongkai.Infrastructure.Files;

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

    /// <summary>
    /// The checked file with its text, or why it is refused, in Chinese with the HTTP status it maps to. The file is
    /// read within <paramref name="budget"/> (docs/security.md): a package is measured before it is opened.
    /// </summary>
    public static (Checked? File, UntrustedFileException? Refusal) Check(string fileName, byte[] content, FileBudget? budget = null)
    {
        budget ??= FileBudget.Unhurried();
        var name = Requests.AttachmentRules.SafeName(fileName);
        if (content.Length == 0)
        {
            return (null, UntrustedFileException.Unreadable($"附件“{name}”是空文件。"));
        }

        if (content.Length > MaxBytes)
        {
            return (null, UntrustedFileException.TooLarge($"附件“{name}”超过 20 MB。"));
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            return (null, UntrustedFileException.Unreadable($"附件“{name}”的类型不能上传；可以上传 {Allowed} 文件。"));
        }

        try
        {
            if (!ContentIs(extension, content, budget))
            {
                return (null, UntrustedFileException.Unreadable($"附件“{name}”的内容不是 {kind.Kind} 文件（以文件内容判断，与扩展名不符），已拒绝。"));
            }

            var text = ExtractText(extension, content, budget);
            return (new Checked(name, kind.ContentType, Convert.ToHexStringLower(SHA256.HashData(content)), content, text), null);
        }
        catch (UntrustedFileException e) when (e.StatusCode != UntrustedFileException.UnavailableStatus)
        {
            return (null, e.About($"附件“{name}”（{kind.Kind}）"));
        }
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    private static bool ContentIs(string extension, byte[] content, FileBudget budget)
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

                // Measured (entries, unpacked sizes, ratio) before anything reads a part of it.
                using (var zip = UntrustedFiles.OpenZip(content, budget))
                {
                    return zip.GetEntry("[Content_Types].xml") is not null
                        && zip.GetEntry(extension == ".docx" ? "word/document.xml" : "xl/workbook.xml") is not null;
                }

            default:
                return false;
        }
    }

    private static string ExtractText(string extension, byte[] content, FileBudget budget)
    {
        switch (extension)
        {
            case ".pdf":
                {
                    using var pdf = UntrustedFiles.OpenPdf(content, budget);
                    return UntrustedFiles.Parse(() =>
                    {
                        // Search needs the words, not every page: reading stops at the page limit or once there is enough text.
                        var text = new StringBuilder();
                        for (var number = 1; number <= pdf.NumberOfPages && text.Length < MaxText && budget.Page(number, refuseMore: false); number++)
                        {
                            text.AppendLine(UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(pdf.GetPage(number)));
                        }

                        return Limit(text.ToString());
                    }, "PDF");
                }

            case ".docx":
                return Limit(string.Join('\n', Checker.ReportReaders.Docx(content, budget)));

            case ".xlsx":
                {
                    var rows = Documents.Spreadsheet.ReadSheets(content, budget, firstOnly: true, measured: true)[0].Rows;
                    return Limit(string.Join('\n', rows.Select(r => string.Join(' ', r.Where(c => c.Length > 0)))));
                }

            default:
                return "";
        }
    }

    private const int MaxText = 200_000;

    /// <summary>Search needs the words, not every byte of a 500-page annex.</summary>
    private static string Limit(string text) => text.Length > MaxText ? text[..MaxText] : text;
}
