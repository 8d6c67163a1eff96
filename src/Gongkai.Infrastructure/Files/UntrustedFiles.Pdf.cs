using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Gongkai.Infrastructure.Files;

// PDF: opened whole, with every stream it decodes measured against the budget.
public static partial class UntrustedFiles
{
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
