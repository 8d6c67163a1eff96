using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Infrastructure.Documents;

/// <summary>A notice as a printed letter: title, body paragraphs, the issuing agency and the date.</summary>
public sealed record Letter(string Title, string Body, string Issuer, string Date, string? Reference);

/// <summary>
/// Writes letters as .docx (what offices edit, stamp and print) and .pdf (what is e-mailed and published), in the
/// layout of a government notice: a centred title, indented paragraphs, the issuer and date on the right.
/// </summary>
public static class NoticeDocuments
{
    /// <summary>Blank lines above the issuer: a 42 mm seal overlaps the issuer and date and needs this room above them.</summary>
    public const int SealLines = 3;

    public static byte[] Docx(Letter letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(letter.Title, size: 44, bold: true, justification: JustificationValues.Center, font: "宋体"));
            if (letter.Reference is not null)
            {
                body.Append(Paragraph(letter.Reference, size: 28, justification: JustificationValues.Center));
            }

            var lines = Lines(letter.Body);
            for (var i = 0; i < lines.Count; i++)
            {
                // The salutation (first line, ending in a colon) stands flush left; paragraphs are indented two characters.
                var salutation = i == 0 && lines[i].EndsWith('：');
                body.Append(Paragraph(lines[i], size: 32, firstLineChars: salutation ? 0 : 200));
            }

            // Room for the seal, which is stamped over the issuer and the date (GB/T 9704).
            for (var i = 0; i < SealLines; i++)
            {
                body.Append(Paragraph("", size: 32));
            }

            body.Append(Paragraph(letter.Issuer, size: 32, justification: JustificationValues.Right));
            body.Append(Paragraph(letter.Date, size: 32, justification: JustificationValues.Right));
            body.Append(OfficialPage());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The page of a 公文 (GB/T 9704): A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.</summary>
    internal static SectionProperties OfficialPage() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 });

    private static Paragraph Paragraph(string text, int size, bool bold = false, JustificationValues? justification = null, string font = "仿宋", int firstLineChars = 0)
    {
        var runProperties = new RunProperties(
            new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (justification is { } j)
        {
            properties.Append(new Justification { Val = j });
        }

        if (firstLineChars > 0)
        {
            properties.Append(new Indentation { FirstLineChars = firstLineChars });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The letter as PDF, or null when the machine has no CJK font (the .docx is always made).</summary>
    public static byte[]? Pdf(Letter letter, string? fontPath = null)
    {
        if (CjkFont.Install(fontPath) is null)
        {
            return null;
        }

        using var document = new PdfDocument();
        document.Info.Title = letter.Title;
        var titleFont = new XFont(CjkFont.Family, 20, XFontStyleEx.Bold);
        var bodyFont = new XFont(CjkFont.Family, 14, XFontStyleEx.Regular);
        const double margin = 72;
        const double lineHeight = 26;
        PdfPage page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var graphics = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - (2 * margin);
        var y = margin;

        void NewPageIfNeeded()
        {
            if (y + lineHeight > page.Height.Point - margin)
            {
                graphics.Dispose();
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                graphics = XGraphics.FromPdfPage(page);
                y = margin;
            }
        }

        void Line(string text, XFont font, XStringFormat format, double left, double lineWidth)
        {
            NewPageIfNeeded();
            graphics.DrawString(text, font, XBrushes.Black, new XRect(left, y, lineWidth, lineHeight), format);
            y += lineHeight;
        }

        foreach (var line in Wrap(graphics, letter.Title, titleFont, width))
        {
            Line(line, titleFont, XStringFormats.TopCenter, margin, width);
        }

        if (letter.Reference is not null)
        {
            Line(letter.Reference, bodyFont, XStringFormats.TopCenter, margin, width);
        }

        y += lineHeight / 2;
        var lines = Lines(letter.Body);
        var indent = graphics.MeasureString("中中", bodyFont).Width;
        for (var i = 0; i < lines.Count; i++)
        {
            var salutation = i == 0 && lines[i].EndsWith('：');
            var first = true;
            foreach (var piece in Wrap(graphics, lines[i], bodyFont, width, salutation ? 0 : indent))
            {
                var left = first && !salutation ? margin + indent : margin;
                Line(piece, bodyFont, XStringFormats.TopLeft, left, width);
                first = false;
            }
        }

        // Room for the seal, which is stamped over the issuer and the date (GB/T 9704).
        y += lineHeight * SealLines;
        Line(letter.Issuer, bodyFont, XStringFormats.TopRight, margin, width);
        Line(letter.Date, bodyFont, XStringFormats.TopRight, margin, width);
        graphics.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    // Chinese line-breaking rules (避头尾): these never start a line, those never end one.
    private const string NoLineStart = "。，、；：？！）》」』】〕”’…—%.,;:?!)";
    private const string NoLineEnd = "（《「『【〔“‘(";

    /// <summary>
    /// Breaks text into lines that fit, character by character (Chinese has no spaces to break at), keeping closing
    /// punctuation off the start of a line (it hangs past the margin) and opening punctuation off the end of one.
    /// </summary>
    internal static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width, double firstIndent = 0)
    {
        var line = new System.Text.StringBuilder();
        var available = width - firstIndent;
        foreach (var ch in text)
        {
            line.Append(ch);
            if (line.Length > 1 && !NoLineStart.Contains(ch, StringComparison.Ordinal) && graphics.MeasureString(line.ToString(), font).Width > available)
            {
                line.Length--;
                var carried = new System.Text.StringBuilder();
                while (line.Length > 1 && NoLineEnd.Contains(line[^1], StringComparison.Ordinal))
                {
                    carried.Insert(0, line[^1]);
                    line.Length--;
                }

                yield return line.ToString();
                line.Clear().Append(carried).Append(ch);
                available = width;
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static List<string> Lines(string body) =>
        body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
