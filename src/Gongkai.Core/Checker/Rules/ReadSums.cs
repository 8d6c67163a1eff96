using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// Never an arithmetic error over a row that was not read: a leaf row not found (its S3 says so) or a row whose
/// numbers could not be put in their columns. The sums that need such a row are left out — T2 (the outcomes' sum)
/// for any leaf, T1 and T5 for the rows they add, T3 for the row itself — and what was not checked is said once.
/// </summary>
internal static class ReadSums
{
    public static IEnumerable<Finding> Kept(PublishedReport report, IEnumerable<Finding> sums, List<Finding> findings)
    {
        var format = report.Format ?? ReportFormat.V2021;
        var leaves = ReportFormats.RequestRows(format).Where(r => r.Kind != RowKind.Heading).ToList();
        var unread = leaves.Where(r => !report.Requests.ContainsKey(r.Id) || report.UnreadRows.Contains(r.Id)).ToList();
        if (unread.Count == 0 || report.Requests.Count == 0)
        {
            return sums;
        }

        foreach (var row in leaves.Where(r => report.UnreadRows.Contains(r.Id)))
        {
            var (cells, line) = report.Requests[row.Id];
            findings.Add(new(RuleId.S3, Severity.Warning, $"{Line(line)} · 表三 · {row.Label}",
                $"这一行只读到 {cells.Count(c => c.Kind != CellKind.Blank)} 个数字（应有 {ApplicantColumns.All.Count} 列），文本没有标出哪几格是空的，无法确定各数字属于哪一列；涉及这一行的核对（各列合计、总计）未做。"));
        }

        // T2 adds the rows of 三 (the outcomes and their total); T1 adds 一, 二, （七）总计 and 四.
        var outcomes = unread.Any(r => r.Id is not (RequestsRow.NewlyReceived or RequestsRow.CarriedIn or RequestsRow.CarriedOut));
        var inflow = unread.Any(r => r.Id is RequestsRow.NewlyReceived or RequestsRow.CarriedIn or RequestsRow.Total or RequestsRow.CarriedOut);
        var skipped = new List<string>();
        var kept = new List<Finding>();
        foreach (var finding in sums)
        {
            var skip = finding.RuleId switch
            {
                RuleId.T2 => outcomes,
                RuleId.T1 => inflow,
                RuleId.T5 => unread.Any(r => r.Id == RequestsRow.CarriedIn),
                RuleId.T3 => unread.Any(r => report.UnreadRows.Contains(r.Id) && finding.Location.EndsWith(" · " + r.Label, StringComparison.Ordinal)),
                _ => false,
            };
            if (skip)
            {
                skipped.Add(finding.RuleId);
            }
            else
            {
                kept.Add(finding);
            }
        }

        if (skipped.Count > 0)
        {
            findings.Add(new(RuleId.S3, Severity.Info, "表三",
                $"因表三有的行未读到或列对不上，{string.Join("、", skipped.Distinct().Order(StringComparer.Ordinal))} 的 {skipped.Count} 处核对未做（不据未读到的数字判断对错）。"));
        }

        return kept;
    }
}
