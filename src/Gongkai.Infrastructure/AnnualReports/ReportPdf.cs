using Gongkai.Infrastructure.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Infrastructure.AnnualReports;

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
        var blocks = ReportLayout.Blocks(report, mergedRowHeaders: false).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
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
                    // A heading never ends a page: it goes with its table's head and first row, or two lines of text.
                    var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
                    var keepWith = next is { Kind: BlockKind.Table, Table: { } table } ? writer.LeadHeight(table) : 40;
                    writer.Text(block.Text, writer.Font(13, bold: true), XStringFormats.TopLeft, 22, keepWith: keepWith);
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

        /// <summary>The height of a table's head and first body row: what must fit under a heading kept with it.</summary>
        public double LeadHeight(Grid grid)
        {
            var heights = RowHeights(grid, out _, out _);
            return heights.Take(grid.Head.Count + Math.Min(1, grid.Body.Count)).Sum();
        }

        public void Table(Grid grid)
        {
            var heights = RowHeights(grid, out var x, out var lines);
            var placed = grid.Placed().ToList();
            var font = Font(grid.Columns > 10 ? 7.5 : 8.5);
            var bold = Font(grid.Columns > 10 ? 7.5 : 8.5, bold: true);
            const double padding = 3;
            const double lineHeight = 12;
            List<string> Lines(GridCell cell, int column) => lines(cell, column);

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

        /// <summary>
        /// Each row's height: the tallest single-row cell; a taller merged cell stretches the last row it spans. Also
        /// the columns' x positions and how a cell's text wraps.
        /// </summary>
        private double[] RowHeights(Grid grid, out double[] x, out Func<GridCell, int, List<string>> lines)
        {
            var font = Font(grid.Columns > 10 ? 7.5 : 8.5);
            var bold = Font(grid.Columns > 10 ? 7.5 : 8.5, bold: true);
            const double padding = 3;
            const double lineHeight = 12;
            var total = grid.Widths.Sum();
            var columns = new double[grid.Columns + 1];
            columns[0] = Margin;
            for (var c = 0; c < grid.Columns; c++)
            {
                columns[c + 1] = columns[c] + (Width * grid.Widths[c] / total);
            }

            List<string> Lines(GridCell cell, int column) =>
                NoticeDocuments.Wrap(Graphics, cell.Text, cell.Header && cell.Scope is not "row" and not "rowgroup" ? bold : font, columns[column + cell.ColSpan] - columns[column] - (2 * padding) - (cell.Indent * 9)).ToList();

            var placed = grid.Placed().ToList();
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

            x = columns;
            lines = Lines;
            return heights;
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
