using Gongkai.Infrastructure.Files;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// What an applicant may attach: PDF, JPEG or PNG, decided by the file's first bytes, never by its name;
/// at most 5 files of at most 10 MB each.
/// </summary>
public static class AttachmentRules
{
    public const int MaxFiles = 5;
    public const long MaxBytes = 10 * 1024 * 1024;

    public static string? ContentTypeOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return "image/jpeg";
        }

        return content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png" : null;
    }

    /// <summary>Null when the file may be attached; otherwise why not, in Chinese.</summary>
    public static string? Check(string fileName, long length, ReadOnlySpan<byte> content)
    {
        if (length == 0)
        {
            return $"附件“{fileName}”是空文件。";
        }

        if (length > MaxBytes)
        {
            return $"附件“{fileName}”超过 10 MB。";
        }

        return ContentTypeOf(content) is null ? $"附件“{fileName}”的内容不是 PDF、JPG 或 PNG 文件（以文件内容判断，与文件名无关）。" : null;
    }

    /// <summary>
    /// Null when the file may be attached; otherwise the refusal (413 too large, 422 anything else) in Chinese. A PDF
    /// must also be whole and open within <paramref name="budget"/>: an interrupted upload is refused now, not found
    /// unreadable by the office weeks later.
    /// </summary>
    public static UntrustedFileException? Refusal(string fileName, byte[] content, FileBudget budget)
    {
        if (Check(fileName, content.Length, content) is { } problem)
        {
            return content.Length > MaxBytes ? UntrustedFileException.TooLarge(problem) : UntrustedFileException.Unreadable(problem);
        }

        if (ContentTypeOf(content) == "application/pdf")
        {
            try
            {
                UntrustedFiles.CheckPdf(content, budget);
            }
            catch (UntrustedFileException e) when (e.StatusCode != UntrustedFileException.UnavailableStatus)
            {
                return e.About($"附件“{fileName}”");
            }
        }

        return null;
    }

    /// <summary>A file name safe to show and to send back: no path, no control characters, at most 100 characters.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "附件";
        }

        return name.Length > 100 ? name[^100..] : name;
    }
}
