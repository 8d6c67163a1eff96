using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Gongkai.Infrastructure.Files;

/// <summary>
/// The one policy for reading a file somebody uploaded: every reader of uploads (the report checker, the ledger and
/// Art. 20 imports, publication and application attachments) opens packages, XML, HTML and PDF through here and counts
/// against one <see cref="FileBudget"/>, so a zip bomb, a sheet of a million columns or a page of 100,000 nested
/// elements is refused with the same Chinese sentence wherever it is sent (docs/security.md).
/// </summary>
public static class UntrustedFiles
{
    private const long MB = 1024 * 1024;

    /// <summary>A relationships or content-types part: real ones are a few kilobytes; the packaging library reads them whole.</summary>
    private const long MaxPackagePartBytes = 4 * MB;

    /// <summary>An entry may unpack this much before the compression ratio is looked at.</summary>
    private const long RatioGrace = MB;

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

    // ---- Packages (.docx, .xlsx) -------------------------------------------------------------------------------

    /// <summary>
    /// A .docx or .xlsx opened for reading after every entry has been unpacked once and measured: the number of
    /// entries (from the central directory, before the archive is built), each entry's and all entries' unpacked
    /// size and each entry's compression ratio, all counted from the bytes that come out, never from the sizes the
    /// archive declares.
    /// </summary>
    public static ZipArchive OpenZip(byte[] content, FileBudget budget)
    {
        var limits = budget.Limits;
        CountDirectory(content, limits);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw NotAPackage();
        }

        try
        {
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw TooManyEntries(limits);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                var total = 0L;
                foreach (var entry in zip.Entries)
                {
                    budget.Check();
                    var packagePart = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || entry.FullName == "[Content_Types].xml";
                    using var stream = entry.Open();
                    var unpacked = 0L;
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        unpacked += read;
                        total += read;
                        if (unpacked > limits.MaxEntryBytes || (packagePart && unpacked > MaxPackagePartBytes))
                        {
                            throw UntrustedFileException.TooLarge($"文件中有一个部件解压后超过 {Megabytes(packagePart ? MaxPackagePartBytes : limits.MaxEntryBytes)}，可能是压缩炸弹，已拒绝。");
                        }

                        if (total > limits.MaxUnpackedBytes)
                        {
                            throw UntrustedFileException.TooLarge($"文件解压后超过 {Megabytes(limits.MaxUnpackedBytes)}，可能是压缩炸弹，已拒绝。");
                        }

                        if (unpacked > RatioGrace && unpacked > entry.CompressedLength * limits.MaxCompressionRatio)
                        {
                            throw UntrustedFileException.TooLarge($"文件的压缩比超过 {limits.MaxCompressionRatio} 倍，可能是压缩炸弹，已拒绝。");
                        }

                        if ((unpacked & 0xFFFFF) < read)
                        {
                            budget.Check();
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e)
        {
            zip.Dispose();
            if (e is InvalidDataException or IOException or NotSupportedException)
            {
                throw UntrustedFileException.Unreadable("文件已损坏或格式无法识别：压缩包中的数据已损坏。");
            }

            throw;
        }

        return zip;
    }

    /// <summary>OpenXml's own settings for a package that <see cref="OpenZip"/> has measured.</summary>
    public static OpenSettings OpenXmlSettings(FileBudget budget) => new() { MaxCharactersInPart = budget.Limits.MaxCharactersInPart, AutoSave = false };

    /// <summary>
    /// A spreadsheet package, measured first. OpenXml reads the package structure itself; the parts are read with
    /// <see cref="Xml"/>, never as object trees.
    /// </summary>
    public static SpreadsheetDocument OpenSpreadsheet(byte[] content, FileBudget budget)
    {
        using (OpenZip(content, budget))
        {
        }

        return Parse(() => SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false, OpenXmlSettings(budget)), "不是有效的 Excel (.xlsx) 文件");
    }

    /// <summary>An XML reader with no DTDs and at most <see cref="UntrustedFileLimits.MaxCharactersInPart"/> characters.</summary>
    public static XmlReader Xml(Stream stream, FileBudget budget) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        MaxCharactersInDocument = budget.Limits.MaxCharactersInPart,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    });

    private static UntrustedFileException NotAPackage() =>
        UntrustedFileException.Unreadable("文件已损坏或格式无法识别：以 ZIP 标记开头，但不是完整的 Word (.docx) 或 Excel (.xlsx) 文件，可能上传不完整。");

    private static UntrustedFileException TooManyEntries(UntrustedFileLimits limits) =>
        UntrustedFileException.Unreadable($"文件中的压缩条目超过 {limits.MaxZipEntries} 个，结构异常，已拒绝。");

    /// <summary>
    /// Counts the central directory's records before <see cref="ZipArchive"/> builds an object for each: a few
    /// megabytes of directory can describe hundreds of thousands of entries.
    /// </summary>
    private static void CountDirectory(byte[] content, UntrustedFileLimits limits)
    {
        const uint EndSignature = 0x06054b50;
        const uint EntrySignature = 0x02014b50;
        var span = content.AsSpan();
        var end = -1;
        for (var i = span.Length - 22; i >= Math.Max(0, span.Length - 22 - 65535); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[i..]) == EndSignature)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw NotAPackage();
        }

        var declared = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]);
        var start = BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
        if (declared != 0xFFFF && declared > limits.MaxZipEntries)
        {
            throw TooManyEntries(limits);
        }

        if (start == 0xFFFFFFFF || start >= (uint)end)
        {
            // ZIP64, or an offset the archive reader will refuse itself; it counts against MaxZipEntries once read.
            return;
        }

        var count = 0;
        for (var at = (int)start; at + 46 <= end && BinaryPrimitives.ReadUInt32LittleEndian(span[at..]) == EntrySignature;)
        {
            if (++count > limits.MaxZipEntries)
            {
                throw TooManyEntries(limits);
            }

            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 28)..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 30)..])
                + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 32)..]);
        }
    }

    // ---- Cell references ---------------------------------------------------------------------------------------

    /// <summary>Excel's last column (XFD) and row.</summary>
    public const int ExcelColumns = 16_384;

    public const int ExcelRows = 1_048_576;

    /// <summary>
    /// The zero-based column of a cell reference like "B7" (null when there is none), read without allocating;
    /// a reference beyond XFD1048576 is refused as damage.
    /// </summary>
    public static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > ExcelColumns)
            {
                throw BadReference(reference);
            }
        }

        var row = 0;
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]); i++)
        {
            row = (row * 10) + (reference[i] - '0');
            if (row > ExcelRows)
            {
                throw BadReference(reference);
            }
        }

        if (column == 0 || i != reference.Length || row == 0)
        {
            throw BadReference(reference);
        }

        return column - 1;
    }

    private static UntrustedFileException BadReference(string reference) =>
        UntrustedFileException.Unreadable($"表格中的单元格位置“{Excerpt(reference, 20)}”超出 Excel 的范围（最大 XFD1048576），文件已损坏，已拒绝。");

    // ---- HTML ----------------------------------------------------------------------------------------------------

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
    };

    // Elements whose end tag may be left out: the parser closes them when a sibling starts, so they do not nest.
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>
    /// Measures an HTML page before the HTML parser sees it: its length, how many elements it opens and how deep they
    /// nest (the parser's work grows with the square of the depth). One pass over the text, no tree.
    /// </summary>
    public static void CheckMarkup(string html, FileBudget budget)
    {
        if (html.Length > budget.Limits.MaxCharactersInPart)
        {
            throw UntrustedFileException.TooLarge($"网页超过 {Characters(budget.Limits.MaxCharactersInPart)}，已拒绝。");
        }

        var depth = 0;
        var at = html.IndexOf('<', StringComparison.Ordinal);
        while (at >= 0 && at + 1 < html.Length)
        {
            var next = html[at + 1];
            var resume = at + 1;
            if (next == '!')
            {
                if (html.AsSpan(at).StartsWith("<!--"))
                {
                    var close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        return;
                    }

                    resume = close + 3;
                }
            }
            else if (next == '/')
            {
                if (SelfClosingSiblings.Contains(TagName(html, at + 2)) || VoidElements.Contains(TagName(html, at + 2)))
                {
                    // Nothing was counted for it.
                }
                else if (depth > 0)
                {
                    depth--;
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = TagName(html, at + 1);
                var close = html.IndexOf('>', at);
                if (close < 0)
                {
                    return;
                }

                var nests = !VoidElements.Contains(name) && !SelfClosingSiblings.Contains(name) && html[close - 1] != '/';
                budget.Element(depth + 1);
                resume = close + 1;
                if (RawTextElements.Contains(name))
                {
                    var end = html.IndexOf("</" + name, resume, StringComparison.OrdinalIgnoreCase);
                    if (end < 0)
                    {
                        return;
                    }

                    resume = end;
                }
                else if (nests)
                {
                    depth++;
                }
            }

            at = html.IndexOf('<', resume);
        }
    }

    private static string TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && end - start < 16 && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }

        return html[start..end];
    }

    // ---- PDF -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// A PDF opened with every stream it decodes measured (each at most <see cref="UntrustedFileLimits.MaxEntryBytes"/>,
    /// all together at most <see cref="UntrustedFileLimits.MaxUnpackedBytes"/>, a deflate stream measured before it is
    /// inflated into memory). A file cut off before its end marker is refused: it is an interrupted upload.
    /// </summary>
    public static PdfDocument OpenPdf(byte[] content, FileBudget budget)
    {
        var tail = content.AsSpan(Math.Max(0, content.Length - 4096));
        if (!content.AsSpan().StartsWith("%PDF"u8) || tail.IndexOf("%%EOF"u8) < 0)
        {
            throw UntrustedFileException.Unreadable("文件已损坏或格式无法识别：PDF 文件不完整（缺少文件结尾），可能上传中断。");
        }

        var document = Parse(() => PdfDocument.Open(content, new ParsingOptions { FilterProvider = new MeasuredFilters(budget) }), "PDF");
        budget.Check();
        return document;
    }

    /// <summary>Checks that an uploaded PDF is whole and opens, and that its pages are within the limit, without reading them.</summary>
    public static void CheckPdf(byte[] content, FileBudget budget)
    {
        using var document = OpenPdf(content, budget);
        var pages = Parse(() => document.NumberOfPages, "PDF");
        budget.Page(pages, refuseMore: true);
    }

    /// <summary>PdfPig's own filters, each decode measured and each deflate stream counted before it is inflated.</summary>
    private sealed class MeasuredFilters(FileBudget budget) : IFilterProvider
    {
        public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

        public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

        public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

        private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new MeasuredFilter(f, budget)).ToList();
    }

    private sealed class MeasuredFilter(IFilter inner, FileBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.Check();
            if (inner is FlateFilter)
            {
                MeasureInflated(input);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Unpacked(output.Length, inner is FlateFilter ? 0 : output.Length);
            return output;
        }

        /// <summary>Inflates into nothing, counting: what PdfPig would allocate is known before it does.</summary>
        private void MeasureInflated(Memory<byte> input)
        {
            if (input.Length < 2)
            {
                return;
            }

            // PdfPig skips the two-byte zlib header and inflates the rest; so does this.
            using var packed = MemoryMarshal.TryGetArray<byte>(input, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset + 2, segment.Count - 2, writable: false)
                : new MemoryStream(input[2..].ToArray(), writable: false);
            using var inflater = new DeflateStream(packed, CompressionMode.Decompress);
            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                var unpacked = 0L;
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    unpacked += read;
                    budget.Unpacked(unpacked, read);
                    if ((unpacked & 0xFFFFF) < read)
                    {
                        budget.Check();
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Damaged from here on: PdfPig keeps what inflated before the damage, which was counted.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
