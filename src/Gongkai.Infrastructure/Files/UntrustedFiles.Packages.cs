using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.Infrastructure.Files;

// Packages (.docx, .xlsx): entries counted and unpacked once, measured, before any reader opens them.
public static partial class UntrustedFiles
{
    /// <summary>A relationships or content-types part: real ones are a few kilobytes; the packaging library reads them whole.</summary>
    private const long MaxPackagePartBytes = 4 * MB;

    /// <summary>An entry may unpack this much before the compression ratio is looked at.</summary>
    private const long RatioGrace = MB;

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
}
