using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.Documents;

namespace Gongkai.Infrastructure.AnnualReports;

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
