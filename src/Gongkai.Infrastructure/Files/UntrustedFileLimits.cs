namespace Gongkai.Infrastructure.Files;

/// <summary>
/// How much of the server one uploaded file may use while it is read (docs/security.md). Configured under
/// <c>Gongkai:Uploads</c> (e.g. <c>Gongkai__Uploads__MaxUnpackedBytes=104857600</c>); the defaults are several times
/// what a real annual report, ledger or publication attachment needs, and far below what hurts the server.
/// </summary>
public sealed record UntrustedFileLimits
{
    private const long MB = 1024 * 1024;

    public static UntrustedFileLimits Default { get; } = new();

    /// <summary>One uploaded document read by the server: the report checker, the ledger and Art. 20 imports.</summary>
    public long MaxUploadBytes { get; init; } = 30 * MB;

    /// <summary>Files inside a .docx or .xlsx (a real one has a few dozen).</summary>
    public int MaxZipEntries { get; init; } = 1_000;

    /// <summary>One file inside a .docx or .xlsx once unpacked, counted while it is unpacked (never the declared size).</summary>
    public long MaxEntryBytes { get; init; } = 100 * MB;

    /// <summary>All files inside a .docx or .xlsx, or all streams of a PDF, once unpacked.</summary>
    public long MaxUnpackedBytes { get; init; } = 200 * MB;

    /// <summary>Unpacked size over packed size of one file inside a .docx or .xlsx, once it passes 1 MB unpacked.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Characters of one XML part (OpenXml <c>MaxCharactersInPart</c>) or of one HTML page.</summary>
    public long MaxCharactersInPart { get; init; } = 50_000_000;

    /// <summary>XML or HTML elements of one file.</summary>
    public int MaxElements { get; init; } = 1_000_000;

    /// <summary>How deep XML or HTML elements may nest.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Rows of a sheet, or lines of a text.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Columns of a sheet that hold a value (Excel itself stops at 16,384, column XFD).</summary>
    public int MaxColumns { get; init; } = 1_000;

    /// <summary>Cells of a workbook.</summary>
    public long MaxCells { get; init; } = 2_000_000;

    /// <summary>Pages of a PDF that are read (the checker refuses longer PDFs; search indexes the first pages).</summary>
    public int MaxPdfPages { get; init; } = 500;

    /// <summary>Characters of text taken out of one file and handed on (to the report parser, to a sheet's rows).</summary>
    public long MaxTextCharacters { get; init; } = 5_000_000;

    /// <summary>
    /// Characters of a report handed to the report checker's parser (its work grows with lines times rows looked for):
    /// a long annual report has 100,000.
    /// </summary>
    public long MaxReportCharacters { get; init; } = 500_000;

    /// <summary>Wall-clock time for reading (and checking) one file; also stopped when the client goes away.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Report checks run at once; further ones wait <see cref="QueueWait"/>, then get 503 with Retry-After.</summary>
    public int MaxConcurrentChecks { get; init; } = Environment.ProcessorCount;

    public TimeSpan QueueWait { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// An uploaded file refused, with a plain Chinese message (never a .NET type name) and the HTTP status it maps to:
/// 413 too large, 422 unreadable, malformed or too complex, 503 too slow or the server busy.
/// </summary>
public sealed class UntrustedFileException(string message, int statusCode) : Exception(message)
{
    public const int TooLargeStatus = 413;
    public const int UnreadableStatus = 422;
    public const int UnavailableStatus = 503;

    public int StatusCode { get; } = statusCode;

    /// <summary>A short title for ProblemDetails.</summary>
    public string Title => StatusCode switch
    {
        TooLargeStatus => "文件太大",
        UnavailableStatus => "服务繁忙",
        _ => "无法读取文件",
    };

    public static UntrustedFileException TooLarge(string message) => new(message, TooLargeStatus);

    public static UntrustedFileException Unreadable(string message) => new(message, UnreadableStatus);

    public static UntrustedFileException Unavailable(string message) => new(message, UnavailableStatus);

    /// <summary>The same refusal, naming the file it is about.</summary>
    public UntrustedFileException About(string fileName) => new($"{fileName}：{Message}", StatusCode);
}
