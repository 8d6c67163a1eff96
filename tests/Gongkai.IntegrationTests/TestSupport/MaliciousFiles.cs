using System.IO.Compression;
using System.Text;

namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>
/// Hostile uploads made in code. The bombs cost nothing to make: a deflate block compressed once is repeated (each
/// copy only refers back into itself), so a gigabyte of XML is a megabyte of bytes and never exists in the test.
/// </summary>
public static class MaliciousFiles
{
    private const long MB = 1024 * 1024;
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>One part of a package: chunks of text, each repeated <c>Times</c>.</summary>
    private sealed record Part(string Name, params (string Text, int Times)[] Chunks);

    /// <summary>The whole corpus, named as it would be uploaded.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Corpus() =>
    [
        ("炸弹.docx", DocxBomb()),
        ("空段落.docx", DocxOfEmptyParagraphs()),
        ("深层.docx", DocxNestedDeep()),
        ("大表.xlsx", XlsxHugeSheet()),
        ("越界.xlsx", XlsxCellBeyondExcel()),
        ("嵌套.html", NestedDivs()),
        ("截断.docx", Truncated(Docx("完整的文档"))),
        ("截断.xlsx", Truncated(Gongkai.Infrastructure.Documents.Spreadsheet.Write(new Gongkai.Infrastructure.Documents.Spreadsheet.Sheet("表", [["甲", "乙"], [1, 2]])))),
        ("截断.pdf", Truncated(Pdf("BT ET"))),
        ("假压缩包.docx", NotAZip()),
        ("炸弹.pdf", PdfBomb()),
    ];

    /// <summary>A .docx whose word/document.xml unpacks to 1 GiB (about 1 MB packed).</summary>
    public static byte[] DocxBomb() => Package(DocxParts(), new Part("word/document.xml", (new string('0', (int)MB), 1024)));

    /// <summary>A .docx of millions of empty paragraphs: 30 MB of XML in a few dozen kilobytes.</summary>
    public static byte[] DocxOfEmptyParagraphs(int count = 5_000_000) => Package(DocxParts(),
        new Part("word/document.xml", ($"<w:document xmlns:w=\"{W}\"><w:body>", 1), (string.Concat(Enumerable.Repeat("<w:p/>", 1000)), count / 1000), ("</w:body></w:document>", 1)));

    /// <summary>A .docx whose XML nests <paramref name="depth"/> elements deep.</summary>
    public static byte[] DocxNestedDeep(int depth = 100_000) => Package(DocxParts(),
        new Part("word/document.xml", ($"<w:document xmlns:w=\"{W}\"><w:body>", 1), (string.Concat(Enumerable.Repeat("<w:sdt>", 1000)), depth / 1000),
            (string.Concat(Enumerable.Repeat("</w:sdt>", 1000)), depth / 1000), ("</w:body></w:document>", 1)));

    /// <summary>A small valid .docx with one paragraph.</summary>
    public static byte[] Docx(string text) => Package(DocxParts(),
        new Part("word/document.xml", ($"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>", 1)));

    /// <summary>A .xlsx whose one sheet unpacks to about 200 MB of cells (20,000 rows a megabyte).</summary>
    public static byte[] XlsxHugeSheet(int megabytes = 200) => Xlsx(($"<worksheet xmlns=\"{S}\"><sheetData>", 1),
        (string.Concat(Enumerable.Repeat("<row><c t=\"inlineStr\"><is><t>政府信息公开</t></is></c></row>", 20_000)), megabytes), ("</sheetData></worksheet>", 1));

    /// <summary>A .xlsx with one cell at ZZZZZZ1, far past Excel's last column (XFD).</summary>
    public static byte[] XlsxCellBeyondExcel() => Xlsx(($"<worksheet xmlns=\"{S}\"><sheetData><row r=\"1\"><c r=\"ZZZZZZ1\"><v>1</v></c></row></sheetData></worksheet>", 1));

    /// <summary>100,000 nested divs.</summary>
    public static byte[] NestedDivs(int depth = 100_000) =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "年度报告" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>");

    /// <summary>The first half of a file: an upload cut off.</summary>
    public static byte[] Truncated(byte[] content) => content[..(content.Length / 2)];

    /// <summary>Starts like a zip (PK\3\4) and is not one.</summary>
    public static byte[] NotAZip() => [.. "PK\u0003\u0004"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))];

    /// <summary>A PDF of one page whose content stream unpacks to 1 GiB of spaces.</summary>
    public static byte[] PdfBomb() => Pdf(null, ([0x78, 0x9C], Deflated([(new string(' ', (int)MB), 1024)]).Packed));

    /// <summary>A whole one-page PDF; its content stream is <paramref name="content"/> or, when that is null, the packed stream given.</summary>
    public static byte[] Pdf(string? content, (byte[] Header, byte[] Data)? packed = null)
    {
        var stream = packed is { } p ? [.. p.Header, .. p.Data] : Encoding.ASCII.GetBytes(content!);
        var filter = packed is null ? "" : " /Filter /FlateDecode";
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"),
            Encoding.ASCII.GetBytes("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"),
            Encoding.ASCII.GetBytes("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>\nendobj\n"),
            (byte[])[.. Encoding.ASCII.GetBytes($"4 0 obj\n<< /Length {stream.Length}{filter} >>\nstream\n"), .. stream, .. Encoding.ASCII.GetBytes("\nendstream\nendobj\n")],
        };
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n"u8);
        var offsets = new List<long>();
        foreach (var o in objects)
        {
            offsets.Add(pdf.Position);
            pdf.Write(o);
        }

        var xref = pdf.Position;
        var table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    private static Part[] DocxParts() =>
    [
        new("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>", 1)),
        new("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>", 1)),
    ];

    private static byte[] Xlsx(params (string Text, int Times)[] sheet) => Package(
    [
        new("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>", 1)),
        new("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>", 1)),
        new("xl/workbook.xml", ($"<workbook xmlns=\"{S}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", 1)),
        new("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>", 1)),
    ], new Part("xl/worksheets/sheet1.xml", sheet));

    private static byte[] Package(Part[] parts, Part main) => Zip([.. parts, main]);

    /// <summary>Raw deflate of the chunks in order, each chunk packed once and its packed bytes repeated.</summary>
    private static (byte[] Packed, long Size, uint Crc) Deflated((string Text, int Times)[] chunks)
    {
        using var packed = new MemoryStream();
        var size = 0L;
        var crc = Crc32.Start;
        foreach (var (text, times) in chunks)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var block = Flushed(bytes);
            for (var i = 0; i < times; i++)
            {
                packed.Write(block);
            }

            size += (long)bytes.Length * times;
            // A CRC is only worth its time where a reader will reach the end; bombs are refused long before.
            if (size <= 64 * MB)
            {
                for (var i = 0; i < times; i++)
                {
                    crc = Crc32.Update(crc, bytes);
                }
            }
        }

        packed.Write([0x03, 0x00]); // an empty final block
        return (packed.ToArray(), size, size <= 64 * MB ? Crc32.Finish(crc) : 0);
    }

    /// <summary>The bytes deflate writes for <paramref name="bytes"/> up to a sync flush: a whole number of blocks, not final.</summary>
    private static byte[] Flushed(byte[] bytes)
    {
        using var output = new MemoryStream();
        var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true);
        deflate.Write(bytes);
        deflate.Flush();
        var block = output.ToArray();
        deflate.Dispose();
        return block;
    }

    /// <summary>A zip written by hand, so that an entry can be as large as it claims without being made.</summary>
    private static byte[] Zip(Part[] parts)
    {
        using var zip = new MemoryStream();
        using var directory = new MemoryStream();
        var file = new BinaryWriter(zip);
        var central = new BinaryWriter(directory);
        foreach (var part in parts)
        {
            var (packed, size, crc) = Deflated(part.Chunks);
            var name = Encoding.UTF8.GetBytes(part.Name);
            var offset = (uint)zip.Position;
            file.Write(0x04034b50u);
            file.Write((ushort)20);
            file.Write((ushort)0x0800);
            file.Write((ushort)8);
            file.Write(0x00210000u);
            file.Write(crc);
            file.Write((uint)packed.Length);
            file.Write((uint)size);
            file.Write((ushort)name.Length);
            file.Write((ushort)0);
            file.Write(name);
            file.Write(packed);

            central.Write(0x02014b50u);
            central.Write((ushort)20);
            central.Write((ushort)20);
            central.Write((ushort)0x0800);
            central.Write((ushort)8);
            central.Write(0x00210000u);
            central.Write(crc);
            central.Write((uint)packed.Length);
            central.Write((uint)size);
            central.Write((ushort)name.Length);
            central.Write((ushort)0);
            central.Write((ushort)0);
            central.Write((ushort)0);
            central.Write((ushort)0);
            central.Write(0u);
            central.Write(offset);
            central.Write(name);
        }

        var start = (uint)zip.Position;
        central.Flush();
        directory.WriteTo(zip);
        file.Write(0x06054b50u);
        file.Write((ushort)0);
        file.Write((ushort)0);
        file.Write((ushort)parts.Length);
        file.Write((ushort)parts.Length);
        file.Write((uint)directory.Length);
        file.Write(start);
        file.Write((ushort)0);
        file.Flush();
        return zip.ToArray();
    }

    private static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            return c;
        }).ToArray();

        public const uint Start = 0xFFFFFFFF;

        public static uint Update(uint crc, byte[] bytes)
        {
            foreach (var b in bytes)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        public static uint Finish(uint crc) => crc ^ 0xFFFFFFFF;
    }
}
