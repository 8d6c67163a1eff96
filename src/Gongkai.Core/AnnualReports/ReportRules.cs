using System.Globalization;
using Gongkai.Core.Appeals;

namespace Gongkai.Core.AnnualReports;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>One broken rule: its stable id (docs/report-check.md), where, the numbers, and a sentence a clerk understands.</summary>
public sealed record Finding(string RuleId, Severity Severity, string Location, string Message);

/// <summary>
/// The arithmetic of the tables (docs/report-check.md: T1–T6). A report generated from the records passes all of them
/// by construction; a hand-entered or published one is checked the same way.
/// </summary>
public static class ReportRules
{
    public static IReadOnlyList<Finding> Check(RequestTable requests, AppealsTable appeals, RequestTable? lastYear = null)
    {
        var findings = new List<Finding>();
        var columns = ReportFormats.RequestColumns;
        string Column(int c) => columns[c].Label;
        string Label(string code) => requests.Rows.Single(r => r.Code == code).Label;

        for (var c = 0; c < columns.Count; c++)
        {
            // T1: 一 + 二 = 三（七）+ 四, per column — the rule printed in the table's corner.
            var left = requests["1", c] + requests["2", c];
            var right = requests["3.7", c] + requests["4", c];
            if (left != right)
            {
                findings.Add(new("T1", Severity.Error, $"表三 · {Column(c)}列",
                    Invariant($"第一项加第二项（{requests["1", c]}＋{requests["2", c]}＝{left}）不等于第三项总计加第四项（{requests["3.7", c]}＋{requests["4", c]}＝{right}）。")));
            }

            // T2: 三（七）总计 = the sum of the outcome leaves.
            var leaves = requests.Rows.Where(r => r.IsOutcomeLeaf).Sum(r => requests[r.Code, c]);
            if (leaves != requests["3.7", c])
            {
                findings.Add(new("T2", Severity.Error, $"表三 · {Column(c)}列 · （七）总计",
                    Invariant($"（七）总计为 {requests["3.7", c]}，但各项办理结果之和为 {leaves}。")));
            }

            // T5: this year's 二 = last year's 四.
            if (lastYear is not null && lastYear["4", c] != requests["2", c])
            {
                findings.Add(new("T5", Severity.Error, $"表三 · {Column(c)}列 · 二、上年结转",
                    Invariant($"上年结转 {requests["2", c]} 件，但上一年度报告的结转下年度为 {lastYear["4", c]} 件。")));
            }
        }

        // T3: per row, 总计 = the six applicant columns.
        foreach (var row in requests.Rows.Where(r => r.Kind != RowKind.Heading))
        {
            var sum = Enumerable.Range(0, 6).Sum(c => requests[row.Code, c]);
            if (sum != requests[row.Code, 6])
            {
                findings.Add(new("T3", Severity.Error, $"表三 · {Label(row.Code)}",
                    Invariant($"“总计”为 {requests[row.Code, 6]}，但自然人与各类法人或其他组织之和为 {sum}。")));
            }

            for (var c = 0; c < columns.Count; c++)
            {
                if (requests[row.Code, c] < 0)
                {
                    findings.Add(new("C2", Severity.Error, $"表三 · {Label(row.Code)} · {Column(c)}", "申请件数不能为负数。"));
                }
            }
        }

        // T4: per appeals group, 总计 = 维持 + 纠正 + 其他 + 尚未审结.
        foreach (var (kind, group, subgroup) in ReportFormats.AppealGroups)
        {
            var sum = Enumerable.Range(0, 4).Sum(c => appeals[kind, c]);
            if (sum != appeals[kind, 4])
            {
                findings.Add(new("T4", Severity.Error, $"表四 · {group}{(subgroup is null ? "" : " · " + subgroup)}",
                    Invariant($"“总计”为 {appeals[kind, 4]}，但维持、纠正、其他结果、尚未审结之和为 {sum}。")));
            }
        }

        return findings;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
