using System.Globalization;
using System.Text;

namespace Gongkai.Core.Requests;

/// <summary>
/// What an agency tells the applicant it will charge for one request, and how it got there. A quote carries one
/// <see cref="FeeBasis"/>: the law (第三条) forbids charging one request by both standards, so there is no way to
/// express that here.
/// </summary>
public sealed record FeeQuote(FeeBasis Basis, decimal Amount, string Explanation)
{
    /// <summary>
    /// 按件计收 for <paramref name="items"/> items (one request, or one application split by “一事一申请”) after
    /// <paramref name="alreadyThisMonth"/> earlier ones by the same applicant this calendar month.
    /// </summary>
    public static FeeQuote QuoteByCount(int alreadyThisMonth, int items)
    {
        // A quote names the positions it charges; zero items has none (ByCountForBatch still answers 0 for it).
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        var amount = ProcessingFees.ByCountForBatch(alreadyThisMonth, items);

        var first = (long)alreadyThisMonth + 1;
        var last = (long)alreadyThisMonth + items;
        var segments = new List<(long First, long Last, decimal Unit)>();
        for (var start = first; start <= last;)
        {
            var end = Math.Min(ProcessingFees.TierOf(start).Last, last);
            segments.Add((start, end, ProcessingFees.UnitPriceAt(start)));
            start = end + 1;
        }

        var text = new StringBuilder("按件计收：本月第 ").Append(Range(first, last)).Append(" 件，");
        if (amount == 0m)
        {
            text.Append("每月前 ").Append(Number(ProcessingFees.FreeRequestsPerMonth)).Append(" 件不收费，共 0 元");
        }
        else if (segments.Count == 1)
        {
            text.Append("每件 ").Append(Money(segments[0].Unit)).Append(" 元，共 ").Append(Money(amount)).Append(" 元");
        }
        else
        {
            for (var i = 0; i < segments.Count; i++)
            {
                var (from, to, unit) = segments[i];
                text.Append(i == 0 ? "" : "＋").Append("第 ").Append(Range(from, to)).Append(" 件");
                if (unit == 0m)
                {
                    text.Append("不收费");
                }
                else
                {
                    text.Append(' ').Append(Number(to - from + 1)).Append(" 件×").Append(Money(unit)).Append(" 元");
                }
            }

            text.Append('＝').Append(Money(amount)).Append(" 元");
        }

        return new FeeQuote(FeeBasis.ByCount, amount, text.ToString());
    }

    /// <summary>按量计收 for one request delivered as <paramref name="pages"/> pages.</summary>
    public static FeeQuote QuoteByPages(int pages)
    {
        var amount = ProcessingFees.ByPages(pages);

        var text = new StringBuilder("按量计收：").Append(Number(pages)).Append(" 页，");
        if (amount == 0m)
        {
            text.Append(Number(ProcessingFees.FreePages)).Append(" 页以下（含 ").Append(Number(ProcessingFees.FreePages))
                .Append(" 页）不收费，共 0 元");
            return new FeeQuote(FeeBasis.ByPages, amount, text.ToString());
        }

        // The free tier is left out, as in the worked example of fees.md: the page count above already shows it.
        var parts = new List<string>();
        foreach (var (from, to, perPage) in ProcessingFees.PageTiers)
        {
            var count = ProcessingFees.PagesInTier(pages, from, to);
            if (count > 0)
            {
                var tier = to == int.MaxValue ? $"{Number(from)} 页以上" : $"{Number(from)}–{Number(to)} 页";
                parts.Add($"{tier} {Number(count)} 页×{Money(perPage)} 元");
            }
        }

        text.AppendJoin("＋", parts).Append('＝').Append(Money(amount)).Append(" 元");
        return new FeeQuote(FeeBasis.ByPages, amount, text.ToString());
    }

    private static string Range(long first, long last) => first == last ? Number(first) : $"{Number(first)}–{Number(last)}";

    // Plain digits, no grouping: the explanation mirrors how fees.md and fee notices write sums (4700 元).
    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
