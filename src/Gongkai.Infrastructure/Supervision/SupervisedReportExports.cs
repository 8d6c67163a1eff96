using System.Globalization;
using Gongkai.Infrastructure.Documents;

namespace Gongkai.Infrastructure.Supervision;

/// <summary>The summary of the checked reports as .xlsx: one row per report, a column per rule with its error and warning findings, and the rules' totals.</summary>
public static class SupervisedReportExports
{
    public static readonly string[] Leading = ["机关", "年度", "文件", "错误", "警告", "提示", "无法读取"];

    public static byte[] Xlsx(SupervisedSummary summary, int? year)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"年度报告检查汇总{(year is { } y ? $"（{y.ToString(CultureInfo.InvariantCulture)} 年度）" : "")}：每份报告按规则统计错误和警告条数" },
            Leading.Concat(summary.Rules).Cast<object?>().ToList(),
        };
        foreach (var row in summary.Rows)
        {
            var r = row.Report;
            var cells = new List<object?> { r.AgencyName.Length == 0 ? "（未读出机关）" : r.AgencyName, r.Year, r.FileName, r.Errors, r.Warnings, r.Infos, r.ReadError ?? "" };
            cells.AddRange(summary.Rules.Select(rule => (object?)row.ByRule.GetValueOrDefault(rule)));
            rows.Add(cells);
        }

        var total = new List<object?>
        {
            $"合计（{summary.Rows.Count} 份）", null, null, summary.Rows.Sum(r => r.Report.Errors), summary.Rows.Sum(r => r.Report.Warnings),
            summary.Rows.Sum(r => r.Report.Infos), summary.Rows.Count(r => r.Report.ReadError is not null),
        };
        total.AddRange(summary.Rules.Select(rule => (object?)summary.Totals.GetValueOrDefault(rule)));
        rows.Add(total);
        var widths = new List<double> { 30, 8, 30, 8, 8, 8, 30 };
        widths.AddRange(summary.Rules.Select(_ => 6.0));
        return Spreadsheet.Write(new Spreadsheet.Sheet("报告检查汇总", rows, null, widths));
    }

    public static string FileName(int? year) => $"年度报告检查汇总{(year is { } y ? "-" + y.ToString(CultureInfo.InvariantCulture) : "")}.xlsx";
}
