using System.Globalization;
using Gongkai.Core.AnnualReports;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>One cell of a printed table as HTML thinks of it: it starts here and spans rows and columns.</summary>
public sealed record GridCell(string Text, int RowSpan = 1, int ColSpan = 1, bool Header = false, decimal? Number = null, int Indent = 0, string? Scope = null);

/// <summary>
/// A table of the report laid out once, as the format prints it (merged header cells, row groups), for every export:
/// HTML writes it as is, .docx and .xlsx turn spans into merges, the PDF draws it.
/// </summary>
public sealed record Grid(string? Caption, int Columns, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<GridCell>> Head, IReadOnlyList<IReadOnlyList<GridCell>> Body)
{
    /// <summary>Every cell with the grid position it starts at, the spans resolved (what .docx, .xlsx and the PDF need).</summary>
    public IEnumerable<(int Row, int Column, GridCell Cell)> Placed()
    {
        var rows = Head.Concat(Body).ToList();
        var taken = new HashSet<(int, int)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r])
            {
                while (taken.Contains((r, c)))
                {
                    c++;
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        taken.Add((r + dr, c + dc));
                    }
                }

                yield return (r, c, cell);
                c += cell.ColSpan;
            }
        }
    }

    public int RowCount => Head.Count + Body.Count;
}

public static class ReportGrids
{
    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static GridCell Value(decimal value) => new(Number(value), Number: value);

    private static GridCell Th(string text, int rowSpan = 1, int colSpan = 1, string scope = "col") => new(text, rowSpan, colSpan, Header: true, Scope: scope);

    /// <summary>Section 二's tables: one per Art. 20 item, its columns as the format prints them.</summary>
    public static IReadOnlyList<Grid> Article20(AnnualReportModel report) => report.Article20.Tables.Select(t =>
    {
        var head = new List<IReadOnlyList<GridCell>>
        {
            new[] { Th(t.Item, colSpan: t.Columns.Count + 1, scope: "colgroup") },
            new[] { Th("信息内容") }.Concat(t.Columns.Select(c => Th(c))).ToList(),
        };
        var body = t.Rows.Select(row => (IReadOnlyList<GridCell>)new[] { Th(row, scope: "row") }
            .Concat(t.Columns.Select(c => Value(report.Article20[t.Item, row, c]))).ToList()).ToList();
        var widths = new[] { 2.0 }.Concat(t.Columns.Select(_ => 1.5)).ToList();
        return new Grid(null, t.Columns.Count + 1, widths, head, body);
    }).ToList();

    /// <summary>
    /// Section 三's table. <paramref name="mergedRowHeaders"/>: the row groups (三、本年度办理结果, （三）不予公开…)
    /// as tall merged cells beside their rows, as the format prints them; otherwise a row of their own each (for a
    /// PDF, whose pages may break inside a group).
    /// </summary>
    public static Grid Requests(AnnualReportModel report, bool mergedRowHeaders)
    {
        var head = new List<IReadOnlyList<GridCell>>
        {
            new[] { Th(ReportFormats.RequestTableCorner, rowSpan: 3, colSpan: 3), Th("申请人情况", colSpan: 7, scope: "colgroup") },
            new[] { Th("自然人", rowSpan: 2), Th(ReportFormats.ApplicantGroupLabel, colSpan: 5, scope: "colgroup"), Th("总计", rowSpan: 2) },
            ApplicantColumns.Organizations.Select(c => Th(c.Label())).ToList(),
        };
        var rows = report.Requests.Rows;
        var body = new List<IReadOnlyList<GridCell>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var numbers = ApplicantColumns.All.Select(c => Value(report.Requests[row.Id, c]));
            if (row.Kind == RowKind.Heading)
            {
                if (!mergedRowHeaders)
                {
                    body.Add([new GridCell(row.Label, ColSpan: 10, Header: true, Indent: row.Depth, Scope: "rowgroup")]);
                    continue;
                }

                // The group's cell goes at the start of its first counted row, spanning all its counted rows.
                continue;
            }

            var cells = new List<GridCell>();
            if (mergedRowHeaders)
            {
                // Open every group this row is the first counted row of.
                for (var j = i - 1; j >= 0 && rows[j].Kind == RowKind.Heading && rows[j].Depth < row.Depth; j--)
                {
                    cells.Insert(0, new GridCell(rows[j].Label, RowSpan: CountedRows(rows, j), Header: true, Scope: "rowgroup"));
                }

                cells.Add(new GridCell(row.Label, ColSpan: 3 - row.Depth, Header: true, Scope: "row"));
            }
            else
            {
                cells.Add(new GridCell(row.Label, ColSpan: 3, Header: true, Indent: row.Depth, Scope: "row"));
            }

            cells.AddRange(numbers);
            body.Add(cells);
        }

        return new Grid(null, 10, [1.2, 1.6, 4.2, 1, 1, 1, 1, 1, 1, 1], head, body);
    }

    /// <summary>The counted (non-heading) rows inside the group that starts at <paramref name="heading"/>.</summary>
    private static int CountedRows(IReadOnlyList<RequestTableRow> rows, int heading)
    {
        var count = 0;
        for (var k = heading + 1; k < rows.Count && rows[k].Depth > rows[heading].Depth; k++)
        {
            count += rows[k].Kind == RowKind.Heading ? 0 : 1;
        }

        return count;
    }

    /// <summary>Section 四's table: 行政复议 and 行政诉讼 (two kinds) × five results, one row of fifteen numbers.</summary>
    public static Grid Appeals(AnnualReportModel report)
    {
        var head = new List<IReadOnlyList<GridCell>>
        {
            new[] { Th("行政复议", rowSpan: 2, colSpan: 5, scope: "colgroup"), Th("行政诉讼", colSpan: 10, scope: "colgroup") },
            new[] { Th("未经复议直接起诉", colSpan: 5, scope: "colgroup"), Th("复议后起诉", colSpan: 5, scope: "colgroup") },
            ReportFormats.AppealGroups.SelectMany(_ => AppealColumns.All.Select(c => Th(c.Label()))).ToList(),
        };
        var body = new List<IReadOnlyList<GridCell>>
        {
            ReportFormats.AppealGroups.SelectMany(g => AppealColumns.All.Select(c => Value(report.Appeals[g.Kind, c]))).ToList(),
        };
        return new Grid(null, 15, Enumerable.Repeat(1.0, 15).ToList(), head, body);
    }
}
