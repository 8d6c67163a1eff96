using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// N2: a share in the text (“N件，占P%”) recomputed from table 三 with the same denominator, to the printed precision;
/// and the shares of the outcomes given together adding up to 100 %.
/// </summary>
public sealed partial class ShareRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.N2];

    public bool ReadsText => true;

    public void Check(CheckContext context)
    {
        var (report, sentences) = (context.Report, context.Sentences);
        // N2: a share recomputed from the table, with the same denominator, to the printed precision. A denominator
        // whose cell is blank or was not read is no denominator: the share is not judged against it.
        if (report.Requests.Count > 0)
        {
            var table = report.RequestTable();
            bool Printed(RequestsRow row) => report.Requests.TryGetValue(row, out var printed) && printed.Cells[(int)ApplicantColumn.Total].Kind == CellKind.Number;
            int Total(RequestsRow row) => table[row, ApplicantColumn.Total];
            var candidates = new List<(string Name, int Value)>();
            if (Printed(RequestsRow.Total))
            {
                candidates.Add(("办结总数", Total(RequestsRow.Total)));
            }

            if (Printed(RequestsRow.NewlyReceived))
            {
                candidates.Add(("本年新收", Total(RequestsRow.NewlyReceived)));
                if (Printed(RequestsRow.CarriedIn))
                {
                    candidates.Add(("新收与上年结转之和", Total(RequestsRow.NewlyReceived) + Total(RequestsRow.CarriedIn)));
                }
            }

            var denominators = candidates.Where(d => d.Value > 0).ToList();
            foreach (var (line, text) in sentences)
            {
                foreach (Match m in Share().Matches(text))
                {
                    var count = ReportText.Numeral(m.Groups["n"].Value);
                    var percent = decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
                    var tolerance = Tolerance(m.Groups["p"].Value);
                    if (count is { } n && denominators.Count > 0 && !denominators.Any(d => Math.Abs((decimal)n * 100 / d.Value - percent) <= tolerance))
                    {
                        var (name, d) = denominators[0];
                        context.Add(new(RuleId.N2, Severity.Warning, Line(line),
                            string.Create(CultureInfo.InvariantCulture, $"“{m.Value}”：按表三，{n} 件占{name} {d} 件的 {(decimal)n * 100 / d:0.#}%，与正文不符。")));
                    }
                }
            }
        }

        OutcomeShares(report, sentences, context);
    }

    /// <summary>Half a unit of the last printed digit: 19.2 % stands for 19.15–19.25 %.</summary>
    private static decimal Tolerance(string printed)
    {
        var decimals = printed.Contains('.', StringComparison.Ordinal) ? printed.Split('.')[1].Length : 0;
        return 0.5m * (decimal)Math.Pow(10, -decimals) + 0.0001m;
    }

    /// <summary>The outcome categories of table 三, as the text names them, and the rows each stands for.</summary>
    private static readonly (string Name, OutcomeCategory Category)[] OutcomeCategories =
    [
        ("予以公开", OutcomeCategory.Disclosed), ("部分公开", OutcomeCategory.PartiallyDisclosed), ("不予公开", OutcomeCategory.Withheld),
        ("无法提供", OutcomeCategory.Unavailable), ("不予处理", OutcomeCategory.NotProcessed), ("其他处理", OutcomeCategory.OtherHandling),
    ];

    /// <summary>
    /// N2: shares of the outcomes given together (予以公开占X%，部分公开占Y%，…) claim to divide all outcomes, and so
    /// add up to 100 % within the printed precision. A sentence names all outcomes when it names every category the
    /// table shows cases in (at least three); without a readable table, when it names four or more. A sum above
    /// 100 % is wrong whatever it names.
    /// </summary>
    private static void OutcomeShares(PublishedReport report, IReadOnlyList<(int Line, string Text)> sentences, CheckContext context)
    {
        var table = report.Requests.Count > 0 ? report.RequestTable() : null;
        var present = table is null ? null : OutcomeCategories.Where(c => table.CategoryTotal(c.Category, ApplicantColumn.Total) > 0).Select(c => c.Name).ToHashSet();
        foreach (var (line, text) in sentences)
        {
            var shares = OutcomeShare().Matches(ReportText.Compact(text)).Select(m => (Category: m.Groups["c"].Value, Printed: m.Groups["p"].Value))
                .DistinctBy(s => s.Category).ToList();
            if (shares.Count < 3)
            {
                continue;
            }

            var sum = shares.Sum(s => decimal.Parse(s.Printed, CultureInfo.InvariantCulture));
            var tolerance = shares.Sum(s => Tolerance(s.Printed));
            var named = shares.Select(s => s.Category).ToHashSet();
            var all = present is { Count: > 0 } ? present.IsSubsetOf(named) : named.Count >= 4;
            if (sum > 100 + tolerance || (all && sum < 100 - tolerance))
            {
                context.Add(new(RuleId.N2, Severity.Warning, Line(line), string.Create(CultureInfo.InvariantCulture,
                    $"各类办理结果的占比（{string.Join("、", shares.Select(s => $"{s.Category}{s.Printed}%"))}）合计为 {sum:0.##}%，不是 100%。")));
            }
        }
    }

    [GeneratedRegex(@"(?<n>\d+|[零〇一二三四五六七八九十百千两]+)\s*件[^。；,，]{0,6}?(?:,|，)?\s*占[^。；\d]{0,10}?(?<p>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Share();

    [GeneratedRegex(@"(?<c>(?<![部分不])予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)[^%。;]{0,16}?占[^%。;\d]{0,10}?(?<p>\d+(?:\.\d+)?)%")]
    private static partial Regex OutcomeShare();
}
