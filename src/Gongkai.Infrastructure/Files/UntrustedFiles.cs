using System.Buffers;
using System.Xml;

namespace Gongkai.Infrastructure.Files;

/// <summary>
/// The one policy for reading a file somebody uploaded: every reader of uploads (the report checker, the ledger and
/// Art. 20 imports, publication and application attachments) opens packages, XML, HTML and PDF through here and counts
/// against one <see cref="FileBudget"/>, so a zip bomb, a sheet of a million columns or a page of 100,000 nested
/// elements is refused with the same Chinese sentence wherever it is sent (docs/security.md).
/// </summary>
public static partial class UntrustedFiles
{
    private const long MB = 1024 * 1024;

    /// <summary>Reads a request body or an uploaded file, refusing it as soon as it passes <paramref name="maxBytes"/>, whatever the headers said.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    public static UntrustedFileException TooLarge(long maxBytes) => UntrustedFileException.TooLarge($"文件超过 {Megabytes(maxBytes)}，已拒绝。");

    public static UntrustedFileException TimedOut(TimeSpan budget) =>
        UntrustedFileException.Unavailable($"文件处理超过 {(int)Math.Ceiling(budget.TotalSeconds)} 秒仍未完成，已停止。文件可能过于复杂，请稍后再试或拆分后上传。");

    /// <summary>
    /// Runs <paramref name="read"/> with the time budget: stopped when it runs out (503) or when
    /// <paramref name="aborted"/> (the request's RequestAborted) fires.
    /// </summary>
    public static T Run<T>(UntrustedFileLimits limits, CancellationToken aborted, Func<FileBudget, T> read)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timer.CancelAfter(limits.TimeBudget);
        try
        {
            return read(new FileBudget(limits, timer.Token));
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            throw TimedOut(limits.TimeBudget);
        }
    }

    /// <summary>
    /// Runs a parser over untrusted bytes: whatever it throws becomes a 422 in Chinese (or 413 when the XML part was
    /// too long), never a .NET type name. Refusals, cancellation and running out of memory pass through.
    /// </summary>
    public static T Parse<T>(Func<T> parse, string? what = null)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not (UntrustedFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw Damaged(e, what);
        }
    }

    public static UntrustedFileException Damaged(Exception e, string? what = null)
    {
        // The XML reader's own limit (MaxCharactersInDocument) is the backstop for what the readers do not count.
        if (e is XmlException && e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return UntrustedFileException.TooLarge("文件中有一个部件的字符数超过上限，已拒绝。");
        }

        return e is InsufficientExecutionStackException
            ? UntrustedFileException.Unreadable("文件的嵌套层数过多，结构异常，已拒绝。")
            : UntrustedFileException.Unreadable(what is null ? "文件已损坏或格式无法识别。" : $"文件已损坏或格式无法识别（{what}）。");
    }

    /// <summary>At most <paramref name="max"/> characters of something taken from a file, to show back to its sender.</summary>
    public static string Excerpt(string? text, int max = 200)
    {
        if (text is null || text.Length <= max)
        {
            return text ?? "";
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    public static string Megabytes(long bytes) => bytes >= MB && bytes % MB == 0 ? $"{bytes / MB} MB" : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} 字节";

    public static string Characters(long count) => count >= 10_000 && count % 10_000 == 0 ? $"{count / 10_000} 万个字符" : $"{count} 个字符";
}
