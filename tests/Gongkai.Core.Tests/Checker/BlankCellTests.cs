using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;

namespace Gongkai.Core.Tests.Checker;

/// <summary>
/// Blank cells as real reports print them — an empty cell between bars, consecutive tabs from an HTML or Word table,
/// a bar on a line of its own — stay blank and in their column; only the structure's blanks (a label merged across
/// two columns, a filler column) are dropped.
/// </summary>
public sealed class BlankCellTests
{
    // 自然人 120, 商业企业 8, 科研机构 and 社会公益组织 left blank, 法律服务机构 1, 其他 0, 总计 129.
    private static readonly string[] Filled = ["120", "8", "", "", "1", "0", "129"];

    /// <summary>A complete 2021-format request table, each row through <paramref name="row"/>, the other sections in prose.</summary>
    private static List<string> Report(Func<string, string[], IEnumerable<string>> row)
    {
        var lines = new List<string>
        {
            "示例县统计局2023年政府信息公开工作年度报告",
            "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
            "一、总体情况",
            "2023年，本局依法做好政府信息公开工作。",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
        };
        foreach (var r in ReportFormats.RequestRows(ReportFormat.V2021).Where(r => r.Kind != RowKind.Heading))
        {
            string[] cells = r.Id is RequestsRow.NewlyReceived or RequestsRow.Disclosed or RequestsRow.Total ? Filled : ["", "", "", "", "", "", "0"];
            lines.AddRange(row(r.Label, cells));
        }

        lines.AddRange(["四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开工作存在的主要问题及改进情况", "本年度工作仍有不足。", "六、其他需要报告的事项", "本年度未收取信息处理费。"]);
        return lines;
    }

    public static TheoryData<string> Shapes => ["bars", "tabs", "merged-label-tabs", "cell-per-line"];

    private static IEnumerable<string> Shape(string shape, string label, string[] cells) => shape switch
    {
        "bars" => [$"| {label} | {string.Join(" | ", cells)} |"],
        "tabs" => [$"{label}\t{string.Join("\t", cells)}"],
        // A Word table: the label's cell spans two columns, and a filler column closes the row.
        "merged-label-tabs" => [$"{label}\t\t{string.Join("\t", cells)}\t"],
        // A web page copied cell by cell: each cell on its own line, closed by a bar.
        "cell-per-line" => [$"{label} |", .. cells.Select(c => c.Length == 0 ? "|" : $"{c} |")],
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Blank_cells_keep_their_column_and_no_sum_is_wrong(string shape)
    {
        var report = ReportParser.Parse(Report((label, cells) => Shape(shape, label, cells)));

        var received = report.Requests[RequestsRow.NewlyReceived].Cells;
        Assert.Equal([CellKind.Number, CellKind.Number, CellKind.Blank, CellKind.Blank, CellKind.Number, CellKind.Number, CellKind.Number], received.Select(c => c.Kind).ToArray());
        Assert.Equal(1, received[4].Value);
        Assert.Equal(129, received[6].Value);
        var findings = ReportChecker.Check(report);
        Assert.DoesNotContain(findings, f => f.RuleId is "T1" or "T2" or "T3");
        // The blanks themselves are what a careful reader notes: the format wants 0.
        Assert.Contains(findings, f => f.RuleId == "C1" && f.Location.Contains("一、本年新收", StringComparison.Ordinal) && f.Message.Contains("“科研机构”空白", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("| a | 1 |  | 3 |", new[] { "a", "1", "", "3" })]
    [InlineData("a\t1\t\t3\t", new[] { "a", "1", "", "3", "" })]
    [InlineData("1 |", new[] { "1" })]
    [InlineData("|", new[] { "" })]
    [InlineData("||", new[] { "", "" })]
    [InlineData("a  1   3", new[] { "a", "1", "3" })]
    public void Lines_split_into_cells_as_printed(string line, string[] cells) => Assert.Equal(cells, ReportParser.LineCells(line));

    [Theory]
    [InlineData("152790元", CellKind.Number, 152790)]
    [InlineData("12.5万元", CellKind.Number, 12.5)]
    [InlineData("3件", CellKind.Number, 3)]
    [InlineData("1,234", CellKind.Number, 1234)]
    [InlineData("—", CellKind.Placeholder, 0)]
    [InlineData("元", CellKind.Text, 0)]
    [InlineData("约3件", CellKind.Text, 0)]
    public void A_cell_is_read_as_printed_a_number_with_its_unit_being_that_number(string raw, CellKind kind, double value)
    {
        var cell = PrintedCell.Parse(raw);

        Assert.Equal(kind, cell.Kind);
        Assert.Equal((decimal)value, cell.Value);
    }
}
