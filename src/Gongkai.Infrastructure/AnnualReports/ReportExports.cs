using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>The export formats of a report, by file extension.</summary>
public static class ReportExports
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".html"] = "text/html; charset=utf-8",
        [".pdf"] = "application/pdf",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".json"] = "application/json; charset=utf-8",
    };

    /// <summary>The report in the format its extension names (with charts where the format shows them).</summary>
    public static byte[] Export(AnnualReportModel report, string extension, bool charts = true) => extension.ToLowerInvariant() switch
    {
        ".docx" => ReportDocx.Write(report, charts ? ReportCharts.For(report) : null),
        ".html" => Encoding.UTF8.GetBytes(ReportHtml.Document(report, charts ? ReportCharts.For(report) : null)),
        ".pdf" => ReportPdf.Write(report) ?? throw new ReportException("本机没有可用的中文字体，无法生成 PDF（请安装 fonts-arphic-gbsn00lp 或 fonts-wqy-zenhei）。"),
        ".xlsx" => ReportXlsx.Write(report),
        ".json" => Encoding.UTF8.GetBytes(ReportJson.Write(report)),
        _ => throw new ReportException($"不支持导出为“{extension}”：可选 .docx、.html、.pdf、.xlsx、.json。"),
    };

    /// <summary>A file name people can keep: 机关2024年政府信息公开工作年度报告.docx.</summary>
    public static string FileName(AnnualReportModel report, string extension) => report.Title + extension;
}

/// <summary>The report as an accessible HTML page: real table headers with scopes, captions, charts with text.</summary>
public static class ReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public const string Style = """
        .annual-report{font-family:"FangSong","仿宋","STFangsong","Noto Serif CJK SC",serif;line-height:1.8;color:#111}
        .annual-report h1{font-family:"SimSun","宋体","Noto Serif CJK SC",serif;text-align:center;font-size:1.6rem}
        .annual-report h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:1.2rem;margin-top:1.5rem}
        .annual-report p{text-indent:2em;margin:.4rem 0}
        .annual-report .draft-mark{text-align:center;color:#b00;text-indent:0}
        .annual-report .signature{text-align:right;text-indent:0}
        .annual-report table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.85rem}
        .annual-report caption{font-weight:bold;padding:.3rem}
        .annual-report th,.annual-report td{border:1px solid #333;padding:.2rem .35rem}
        .annual-report td{text-align:center}
        .annual-report th.indent-1{padding-left:1.5em}.annual-report th.indent-2{padding-left:3em}
        .annual-report th[scope=row],.annual-report th[scope=rowgroup]{text-align:left;font-weight:normal}
        .annual-report figure{margin:1rem 0}.annual-report figure svg{max-width:100%;height:auto}
        """;

    /// <summary>A whole page, what `report build --out x.html` writes.</summary>
    public static string Document(AnnualReportModel report, IReadOnlyList<Chart>? charts = null) =>
        $"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{E(report.Title)}</title>\n<style>\nbody{{max-width:60rem;margin:2rem auto;padding:0 1rem}}\n{Style}\n</style>\n</head>\n<body>\n{Article(report, charts)}</body>\n</html>\n";

    /// <summary>The report's article alone, for the portal page that frames it.</summary>
    public static string Article(AnnualReportModel report, IReadOnlyList<Chart>? charts = null)
    {
        var html = new StringBuilder("<article class=\"annual-report\" lang=\"zh-CN\">\n");
        var section = false;
        foreach (var block in ReportLayout.Blocks(report, charts))
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    html.Append("<h1>").Append(E(block.Text)).Append("</h1>\n");
                    break;
                case BlockKind.DraftMark:
                    html.Append("<p class=\"draft-mark\">").Append(E(block.Text)).Append("</p>\n");
                    break;
                case BlockKind.Heading:
                    html.Append(section ? "</section>\n" : "").Append("<section>\n<h2>").Append(E(block.Text)).Append("</h2>\n");
                    section = true;
                    break;
                case BlockKind.Paragraph:
                    html.Append("<p>").Append(E(block.Text)).Append("</p>\n");
                    break;
                case BlockKind.Table:
                    Table(html, block.Table!);
                    break;
                case BlockKind.Chart:
                    // The SVG is ScottPlot's own markup; the description carries every number for screen readers.
                    html.Append("<figure role=\"img\" aria-label=\"").Append(E(block.Text)).Append("\">\n")
                        .Append(block.Chart!.Svg.Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "", StringComparison.OrdinalIgnoreCase).Trim())
                        .Append("\n<figcaption>").Append(E(block.Chart.Title)).Append("</figcaption>\n</figure>\n");
                    break;
                case BlockKind.Signature:
                    if (section)
                    {
                        html.Append("</section>\n");
                        section = false;
                    }

                    html.Append("<p class=\"signature\">").Append(E(block.Text)).Append("</p>\n");
                    break;
            }
        }

        return html.Append(section ? "</section>\n" : "").Append("</article>\n").ToString();
    }

    private static void Table(StringBuilder html, Grid grid)
    {
        html.Append("<table>\n");
        if (grid.Caption is not null)
        {
            html.Append("<caption>").Append(E(grid.Caption)).Append("</caption>\n");
        }

        void Rows(IEnumerable<IReadOnlyList<GridCell>> rows)
        {
            foreach (var row in rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    var tag = cell.Header ? "th" : "td";
                    html.Append('<').Append(tag);
                    if (cell.Header && cell.Scope is not null)
                    {
                        html.Append(" scope=\"").Append(cell.Scope).Append('"');
                    }

                    if (cell.RowSpan > 1)
                    {
                        html.Append(" rowspan=\"").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    if (cell.ColSpan > 1)
                    {
                        html.Append(" colspan=\"").Append(cell.ColSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    if (cell.Indent > 0)
                    {
                        html.Append(" class=\"indent-").Append(cell.Indent.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    html.Append('>').Append(E(cell.Text)).Append("</").Append(tag).Append('>');
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("<thead>\n");
        Rows(grid.Head);
        html.Append("</thead>\n<tbody>\n");
        Rows(grid.Body);
        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => Encoder.Encode(text);
}

/// <summary>
/// The report as a .docx in the layout of a published 公文: A4, title in 小标宋, headings in 黑体, text in 仿宋_GB2312
/// 三号, tables with the format's merged cells. The font table names the usual fallbacks, so Word and WPS substitute
/// 宋体/黑体/仿宋 on machines without the 公文 fonts.
/// </summary>
public static class ReportDocx
{
    internal const string TitleFont = "方正小标宋简体";
    internal const string HeadingFont = "黑体";
    internal const string BodyFont = "仿宋_GB2312";
    private const string LatinFont = "Times New Roman";
    internal const int TextWidth = 11906 - 1588 - 1474;

    public static byte[] Write(AnnualReportModel report, IReadOnlyList<Chart>? charts = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Creator = report.Agency.FullName;
            document.PackageProperties.Language = "zh-CN";
            AddFontTable(main);
            var body = new Body();
            uint imageId = 1;
            foreach (var block in ReportLayout.Blocks(report, charts))
            {
                switch (block.Kind)
                {
                    case BlockKind.Title:
                        body.Append(Paragraph(block.Text, 44, TitleFont, JustificationValues.Center, line: 700));
                        break;
                    case BlockKind.DraftMark:
                        body.Append(Paragraph(block.Text, 32, HeadingFont, JustificationValues.Center, color: "C00000"));
                        break;
                    case BlockKind.Heading:
                        body.Append(Paragraph(block.Text, 32, HeadingFont, keepNext: true, firstLineChars: 200));
                        break;
                    case BlockKind.Paragraph:
                        body.Append(Paragraph(block.Text, 32, BodyFont, JustificationValues.Both, firstLineChars: 200));
                        break;
                    case BlockKind.Table:
                        // The caption repeats the section heading just above; only the HTML page needs it.
                        body.Append(Table(block.Table!));
                        body.Append(Paragraph("", 16, BodyFont, line: 240));
                        break;
                    case BlockKind.Chart:
                        body.Append(Image(main, block.Chart!, imageId++));
                        break;
                    case BlockKind.Signature:
                        body.Append(Paragraph(block.Text, 32, BodyFont, JustificationValues.Right));
                        break;
                }
            }

            body.Append(NoticeDocuments.OfficialPage());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static RunProperties RunProperties(int size, string font, bool bold = false, string? color = null)
    {
        var properties = new RunProperties(
            new RunFonts { EastAsia = font, Ascii = LatinFont, HighAnsi = LatinFont, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) },
            new Languages { EastAsia = "zh-CN" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }

        return properties;
    }

    internal static Paragraph Paragraph(string text, int size, string font, JustificationValues? justification = null, int line = 560, bool keepNext = false, int firstLineChars = 0, string? color = null)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(new SpacingBetweenLines { Line = line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (firstLineChars > 0)
        {
            properties.Append(new Indentation { FirstLineChars = firstLineChars });
        }

        if (justification is { } j)
        {
            properties.Append(new Justification { Val = j });
        }

        return new Paragraph(properties, new Run(RunProperties(size, font, color: color), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A bordered table of <paramref name="grid"/> across <paramref name="textWidth"/> twips (the 公文 page's text width unless told).</summary>
    internal static Table Table(Grid grid, int textWidth = TextWidth)
    {
        var total = grid.Widths.Sum();
        var widths = grid.Widths.Select(w => (int)(textWidth * w / total)).ToList();
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4 },
            () => new LeftBorder { Val = BorderValues.Single, Size = 4 },
            () => new BottomBorder { Val = BorderValues.Single, Size = 4 },
            () => new RightBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(border.Select(b => b())),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new StartMargin { Width = "60", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new EndMargin { Width = "60", Type = TableWidthUnitValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        // Where every cell starts, and which grid positions a rowspan from above covers.
        var placed = grid.Placed().ToList();
        var starts = placed.ToDictionary(p => (p.Row, p.Column), p => p.Cell);
        var continued = new Dictionary<(int, int), GridCell>();
        foreach (var (row, column, cell) in placed)
        {
            for (var r = row + 1; r < row + cell.RowSpan; r++)
            {
                continued[(r, column)] = cell;
            }
        }

        for (var r = 0; r < grid.RowCount; r++)
        {
            var tr = new TableRow();
            var rowProperties = new TableRowProperties(new CantSplit());
            if (r < grid.Head.Count)
            {
                rowProperties.Append(new TableHeader());
            }

            tr.Append(rowProperties);
            for (var c = 0; c < grid.Columns;)
            {
                if (starts.TryGetValue((r, c), out var cell))
                {
                    tr.Append(Cell(cell, widths.Skip(c).Take(cell.ColSpan).Sum(), cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                    c += cell.ColSpan;
                }
                else if (continued.TryGetValue((r, c), out var above))
                {
                    tr.Append(Cell(above with { Text = "" }, widths.Skip(c).Take(above.ColSpan).Sum(), MergedCellValues.Continue));
                    c += above.ColSpan;
                }
                else
                {
                    c++;
                }
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(GridCell cell, int width, MergedCellValues? merge)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.ColSpan });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var left = cell.Header && cell.Scope is "row" or "rowgroup";
        var paragraphProperties = new ParagraphProperties(
            new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.AtLeast, Before = "0", After = "0" },
            new Justification { Val = left ? JustificationValues.Left : JustificationValues.Center });
        if (cell.Indent > 0)
        {
            paragraphProperties.Append(new Indentation { LeftChars = cell.Indent * 100 });
        }

        return new TableCell(properties, new Paragraph(paragraphProperties,
            new Run(RunProperties(21, BodyFont, bold: cell.Header && !left), new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve })));
    }

    /// <summary>The 公文 fonts with the fallbacks Word and WPS use when they are not installed.</summary>
    internal static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        Font Declare(string name, string alternative, FontFamilyValues family) => new(
            new AltName { Val = alternative },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = family },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = name };
        part.Fonts = new Fonts(
            Declare(TitleFont, "宋体", FontFamilyValues.Roman),
            Declare(HeadingFont, "SimHei", FontFamilyValues.Modern),
            Declare(BodyFont, "仿宋", FontFamilyValues.Modern),
            Declare("仿宋", "FangSong", FontFamilyValues.Modern),
            Declare("宋体", "SimSun", FontFamilyValues.Auto));
        part.Fonts.Save();
    }

    /// <summary>A chart as an inline picture, full text width, with its description as alt text.</summary>
    private static Paragraph Image(MainDocumentPart main, Chart chart, uint id)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(chart.Png))
        {
            image.FeedData(png);
        }

        const long cx = 5_400_000L;
        const long cy = cx * 400 / 720;
        var relationship = main.GetIdOfPart(image);
        var name = $"chart{id}.png";
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = chart.Title, Description = chart.Description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
    }

}

/// <summary>The report as a PDF whose Chinese text extracts (a TrueType CJK font embedded by PDFsharp).</summary>
public static class ReportPdf
{
    private const double Margin = 56;

    /// <summary>Null when the machine has no CJK font.</summary>
    public static byte[]? Write(AnnualReportModel report, string? fontPath = null)
    {
        if (CjkFont.Install(fontPath) is null)
        {
            return null;
        }

        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Author = report.Agency.FullName;
        var writer = new PdfWriter(document);
        foreach (var block in ReportLayout.Blocks(report, mergedRowHeaders: false))
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    writer.Text(block.Text, writer.Font(18, bold: true), XStringFormats.TopCenter, 30);
                    writer.Space(8);
                    break;
                case BlockKind.DraftMark:
                    writer.Text(block.Text, writer.Font(12), XStringFormats.TopCenter, 20, XBrushes.DarkRed);
                    break;
                case BlockKind.Heading:
                    writer.Space(6);
                    writer.Text(block.Text, writer.Font(13, bold: true), XStringFormats.TopLeft, 22, keepWith: 60);
                    break;
                case BlockKind.Paragraph:
                    writer.Text(block.Text, writer.Font(11), XStringFormats.TopLeft, 19, indentFirst: true);
                    break;
                case BlockKind.Table:
                    writer.Table(block.Table!);
                    break;
                case BlockKind.Signature:
                    writer.Text(block.Text, writer.Font(11), XStringFormats.TopRight, 19);
                    break;
                case BlockKind.Chart:
                    break;
            }
        }

        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Draws text and tables down A4 pages, starting a new page when one is full.</summary>
    internal sealed class PdfWriter(PdfDocument document) : IDisposable
    {
        private PdfPage _page = null!;
        private XGraphics? _graphics;
        private double _y;

        private XGraphics Graphics
        {
            get
            {
                if (_graphics is null)
                {
                    NewPage();
                }

                return _graphics!;
            }
        }

        private double Width => _page.Width.Point - (2 * Margin);
        private double Bottom => _page.Height.Point - Margin;

        public XFont Font(double size, bool bold = false) => new(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        public void Space(double points) => _y += points;

        public void Text(string text, XFont font, XStringFormat format, double lineHeight, XBrush? brush = null, bool indentFirst = false, double keepWith = 0)
        {
            var g = Graphics;
            var indent = indentFirst ? g.MeasureString("中中", font).Width : 0;
            if (_y + lineHeight + keepWith > Bottom)
            {
                NewPage();
            }

            var first = true;
            foreach (var line in NoticeDocuments.Wrap(Graphics, text, font, Width, indent))
            {
                if (_y + lineHeight > Bottom)
                {
                    NewPage();
                }

                var left = Margin + (first ? indent : 0);
                Graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(left, _y, Width - (first ? indent : 0), lineHeight), format);
                _y += lineHeight;
                first = false;
            }
        }

        /// <summary>A line of contents: <paramref name="text"/> wrapped on the left, <paramref name="right"/> at the right margin beside its last line.</summary>
        public void Entry(string text, string right, XFont font, double lineHeight)
        {
            var column = Graphics.MeasureString("0000", font).Width;
            var lines = NoticeDocuments.Wrap(Graphics, text, font, Width - column).ToList();
            if (_y + (lineHeight * lines.Count) > Bottom)
            {
                NewPage();
            }

            foreach (var line in lines)
            {
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width - column, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }

            Graphics.DrawString(right, font, XBrushes.Black, new XRect(Margin, _y - lineHeight, Width, lineHeight), XStringFormats.TopRight);
        }

        public void Table(Grid grid)
        {
            var font = Font(grid.Columns > 10 ? 7.5 : 8.5);
            var bold = Font(grid.Columns > 10 ? 7.5 : 8.5, bold: true);
            const double padding = 3;
            const double lineHeight = 12;
            var total = grid.Widths.Sum();
            var x = new double[grid.Columns + 1];
            x[0] = Margin;
            for (var c = 0; c < grid.Columns; c++)
            {
                x[c + 1] = x[c] + (Width * grid.Widths[c] / total);
            }

            var placed = grid.Placed().ToList();
            List<string> Lines(GridCell cell, int column) =>
                NoticeDocuments.Wrap(Graphics, cell.Text, cell.Header && cell.Scope is not "row" and not "rowgroup" ? bold : font, x[column + cell.ColSpan] - x[column] - (2 * padding) - (cell.Indent * 9)).ToList();

            // Row heights: the tallest single-row cell; a taller merged cell stretches the last row it spans.
            var heights = new double[grid.RowCount];
            foreach (var (row, column, cell) in placed.Where(p => p.Cell.RowSpan == 1))
            {
                heights[row] = Math.Max(heights[row], (Math.Max(1, Lines(cell, column).Count) * lineHeight) + (2 * padding));
            }

            foreach (var (row, column, cell) in placed.Where(p => p.Cell.RowSpan > 1))
            {
                var needed = (Lines(cell, column).Count * lineHeight) + (2 * padding);
                var have = heights.Skip(row).Take(cell.RowSpan).Sum();
                heights[row + cell.RowSpan - 1] += Math.Max(0, needed - have);
            }

            var top = new double[grid.RowCount];
            void DrawRows(int from, int to)
            {
                foreach (var (row, column, cell) in placed.Where(p => p.Row >= from && p.Row < to))
                {
                    var height = heights.Skip(row).Take(cell.RowSpan).Sum();
                    var rect = new XRect(x[column], top[row], x[column + cell.ColSpan] - x[column], height);
                    Graphics.DrawRectangle(XPens.Black, rect);
                    var lines = Lines(cell, column);
                    var left = cell.Header && cell.Scope is "row" or "rowgroup";
                    var y = rect.Y + ((height - (lines.Count * lineHeight)) / 2);
                    foreach (var line in lines)
                    {
                        var inner = new XRect(rect.X + padding + (cell.Indent * 9), y, rect.Width - (2 * padding) - (cell.Indent * 9), lineHeight);
                        Graphics.DrawString(line, cell.Header && !left ? bold : font, XBrushes.Black, inner, left ? XStringFormats.CenterLeft : XStringFormats.Center);
                        y += lineHeight;
                    }
                }
            }

            void Head()
            {
                for (var r = 0; r < grid.Head.Count; r++)
                {
                    top[r] = _y;
                    _y += heights[r];
                }

                DrawRows(0, grid.Head.Count);
            }

            var headHeight = heights.Take(grid.Head.Count).Sum();
            if (_y + headHeight + (grid.Body.Count > 0 ? heights[grid.Head.Count] : 0) > Bottom)
            {
                NewPage();
            }

            Head();
            for (var r = grid.Head.Count; r < grid.RowCount; r++)
            {
                if (_y + heights[r] > Bottom)
                {
                    NewPage();
                    Head();
                }

                top[r] = _y;
                _y += heights[r];
                DrawRows(r, r + 1);
            }

            _y += 10;
        }

        /// <summary>The number of the page being drawn (1 for the first).</summary>
        public int PageNumber => document.PageCount;

        public void NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        public void Dispose() => _graphics?.Dispose();
    }
}

/// <summary>The report's tables as a workbook: one sheet per section, merged header cells as the format prints them.</summary>
public static class ReportXlsx
{
    public static byte[] Write(AnnualReportModel report)
    {
        var article20 = new List<Grid>();
        foreach (var grid in ReportGrids.Article20(report))
        {
            article20.Add(grid);
        }

        return Spreadsheet.Write(
            Sheet(ReportFormats.Sections[1], report.Title, article20),
            Sheet(ReportFormats.Sections[2], report.Title, [ReportGrids.Requests(report, mergedRowHeaders: true) with { Caption = ReportLayout.RequestsCaption }]),
            Sheet(ReportFormats.Sections[3], report.Title, [ReportGrids.Appeals(report) with { Caption = ReportLayout.AppealsCaption }]));
    }

    private static Spreadsheet.Sheet Sheet(string name, string title, IReadOnlyList<Grid> grids)
    {
        var rows = new List<List<object?>> { new() { title }, new() };
        var merges = new List<string>();
        var columns = grids.Max(g => g.Columns);
        foreach (var grid in grids)
        {
            if (grid.Caption is { } caption)
            {
                rows.Add([caption]);
            }

            var offset = rows.Count;
            for (var r = 0; r < grid.RowCount; r++)
            {
                rows.Add(Enumerable.Repeat<object?>(null, grid.Columns).ToList());
            }

            foreach (var (row, column, cell) in grid.Placed())
            {
                rows[offset + row][column] = cell.Number is { } n ? n : cell.Text;
                if (cell.RowSpan > 1 || cell.ColSpan > 1)
                {
                    merges.Add($"{Spreadsheet.ColumnName(column)}{offset + row + 1}:{Spreadsheet.ColumnName(column + cell.ColSpan - 1)}{offset + row + cell.RowSpan}");
                }
            }

            rows.Add([]);
        }

        var widths = columns == 10 ? new double[] { 14, 16, 40, 9, 9, 9, 12, 12, 9, 9 } : Enumerable.Repeat(columns > 10 ? 10.0 : 18.0, columns).ToArray();
        return new Spreadsheet.Sheet(name, rows, merges, widths);
    }
}
