using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Infrastructure.Documents;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Gongkai.Infrastructure.AnnualReports;

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
