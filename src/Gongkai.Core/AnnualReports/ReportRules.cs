using System.Globalization;

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
        const RequestsRow received = RequestsRow.NewlyReceived, carriedIn = RequestsRow.CarriedIn, total = RequestsRow.Total, carriedOut = RequestsRow.CarriedOut;

        foreach (var column in ApplicantColumns.All)
        {
            // T1: 一 + 二 = 三（七）+ 四, per column — the rule printed in the table's corner.
            var left = requests[received, column] + requests[carriedIn, column];
            var right = requests[total, column] + requests[carriedOut, column];
            if (left != right)
            {
                findings.Add(new(RuleId.T1, Severity.Error, $"表三 · {column.Label()}列",
                    Invariant($"第一项加第二项（{requests[received, column]}＋{requests[carriedIn, column]}＝{left}）不等于第三项总计加第四项（{requests[total, column]}＋{requests[carriedOut, column]}＝{right}）。")));
            }

            // T2: 三（七）总计 = the sum of the outcome leaves.
            var leaves = requests.Rows.Where(r => r.IsOutcomeLeaf).Sum(r => requests[r.Id, column]);
            if (leaves != requests[total, column])
            {
                findings.Add(new(RuleId.T2, Severity.Error, $"表三 · {column.Label()}列 · （七）总计",
                    Invariant($"（七）总计为 {requests[total, column]}，但各项办理结果之和为 {leaves}。")));
            }

            // T5: this year's 二 = last year's 四.
            if (lastYear is not null && lastYear[carriedOut, column] != requests[carriedIn, column])
            {
                findings.Add(new(RuleId.T5, Severity.Error, $"表三 · {column.Label()}列 · 二、上年结转",
                    Invariant($"上年结转 {requests[carriedIn, column]} 件，但上一年度报告的结转下年度为 {lastYear[carriedOut, column]} 件。")));
            }
        }

        // T3: per row, 总计 = the six applicant columns.
        foreach (var row in requests.Rows.Where(r => r.Kind != RowKind.Heading))
        {
            var sum = ApplicantColumns.Applicants.Sum(c => requests[row.Id, c]);
            if (sum != requests[row.Id, ApplicantColumn.Total])
            {
                findings.Add(new(RuleId.T3, Severity.Error, $"表三 · {row.Label}",
                    Invariant($"“总计”为 {requests[row.Id, ApplicantColumn.Total]}，但自然人与各类法人或其他组织之和为 {sum}。")));
            }

            foreach (var column in ApplicantColumns.All)
            {
                if (requests[row.Id, column] < 0)
                {
                    findings.Add(new(RuleId.C2, Severity.Error, $"表三 · {row.Label} · {column.Label()}", "申请件数不能为负数。"));
                }
            }
        }

        // T4: per appeals group, 总计 = 维持 + 纠正 + 其他 + 尚未审结.
        foreach (var (kind, group, subgroup) in ReportFormats.AppealGroups)
        {
            var sum = AppealColumns.Results.Sum(c => appeals[kind, c]);
            if (sum != appeals[kind, AppealColumn.Total])
            {
                findings.Add(new(RuleId.T4, Severity.Error, $"表四 · {group}{(subgroup is null ? "" : " · " + subgroup)}",
                    Invariant($"“总计”为 {appeals[kind, AppealColumn.Total]}，但维持、纠正、其他结果、尚未审结之和为 {sum}。")));
            }
        }

        return findings;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
