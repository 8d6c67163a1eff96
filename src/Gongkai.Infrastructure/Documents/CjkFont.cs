using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace Gongkai.Infrastructure.Documents;

/// <summary>
/// A TrueType CJK font for PDFs. PDFsharp has no font lookup on Linux and cannot read .ttc collections, so the
/// first font found is loaded (a collection's first face extracted) and served under one family name. Song-style
/// AR PL SungtiL GB (apt fonts-arphic-gbsn00lp) comes first: it is what government documents look like.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    public const string Family = "GongkaiCjk";

    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    ];

    private static readonly Lock Gate = new();
    private static CjkFont? _installed;
    private readonly byte[] _font;

    private CjkFont(byte[] font, string path)
    {
        _font = font;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Installs the resolver once per process; null when no usable CJK font is on the machine.</summary>
    public static CjkFont? Install(string? configuredPath)
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return _installed;
            }

            foreach (var path in new[] { configuredPath }.Concat(Candidates))
            {
                if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
                {
                    continue;
                }

                var bytes = File.ReadAllBytes(path);
                var font = bytes.AsSpan().StartsWith("ttcf"u8) ? FirstFace(bytes) : bytes;
                _installed = new CjkFont(font, path);
                GlobalFontSettings.FontResolver = _installed;
                return _installed;
            }

            return null;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _font;

    /// <summary>Copies the first face of a TrueType collection into a standalone font: its table directory and tables.</summary>
    public static byte[] FirstFace(byte[] collection)
    {
        var span = collection.AsSpan();
        var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(span[12..]);
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 4)..]);
        var headerLength = 12 + (16 * numTables);
        var tables = new List<(uint Tag, uint Checksum, int Offset, int Length)>();
        for (var i = 0; i < numTables; i++)
        {
            var record = span[(offset + 12 + (16 * i))..];
            tables.Add((BinaryPrimitives.ReadUInt32BigEndian(record), BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..])));
        }

        var size = headerLength + tables.Sum(t => (t.Length + 3) & ~3);
        var output = new byte[size];
        span.Slice(offset, 12).CopyTo(output);
        var position = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, checksum, tableOffset, length) = tables[i];
            var record = output.AsSpan(12 + (16 * i));
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            span.Slice(tableOffset, length).CopyTo(output.AsSpan(position));
            position += (length + 3) & ~3;
        }

        return output;
    }
}
