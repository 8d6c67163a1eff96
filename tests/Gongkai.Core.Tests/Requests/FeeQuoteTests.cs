using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed partial class FeeQuoteTests
{
    [Fact]
    public void Two_items_in_the_second_tier_are_explained_with_their_unit_price()
    {
        var quote = FeeQuote.QuoteByCount(10, 2);

        Assert.Equal(FeeBasis.ByCount, quote.Basis);
        Assert.Equal(200m, quote.Amount);
        Assert.Equal("按件计收：本月第 11–12 件，每件 100 元，共 200 元", quote.Explanation);
    }

    [Fact]
    public void The_35th_request_alone_is_quoted_at_200_yuan()
    {
        var quote = FeeQuote.QuoteByCount(34, 1);

        Assert.Equal(200m, quote.Amount);
        Assert.Equal("按件计收：本月第 35 件，每件 200 元，共 200 元", quote.Explanation);
    }

    [Fact]
    public void Free_items_are_quoted_at_nothing_and_say_why()
    {
        var quote = FeeQuote.QuoteByCount(0, 3);

        Assert.Equal(0m, quote.Amount);
        Assert.Equal("按件计收：本月第 1–3 件，每月前 10 件不收费，共 0 元", quote.Explanation);
    }

    [Fact]
    public void A_batch_straddling_the_free_allowance_shows_both_parts()
    {
        var quote = FeeQuote.QuoteByCount(8, 4);

        Assert.Equal(200m, quote.Amount);
        Assert.Equal("按件计收：本月第 9–12 件，第 9–10 件不收费＋第 11–12 件 2 件×100 元＝200 元", quote.Explanation);
    }

    [Fact]
    public void A_batch_straddling_three_tiers_shows_each_with_its_count_and_price()
    {
        var quote = FeeQuote.QuoteByCount(28, 15);

        Assert.Equal(3100m, quote.Amount);
        Assert.Equal(
            "按件计收：本月第 29–43 件，第 29–30 件 2 件×100 元＋第 31–40 件 10 件×200 元＋第 41–43 件 3 件×300 元＝3100 元",
            quote.Explanation);
    }

    [Fact]
    public void A_count_quote_of_no_items_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeQuote.QuoteByCount(5, 0));
    }

    [Fact]
    public void The_worked_example_of_250_pages_is_explained_tier_by_tier()
    {
        var quote = FeeQuote.QuoteByPages(250);

        Assert.Equal(FeeBasis.ByPages, quote.Basis);
        Assert.Equal(4700m, quote.Amount);
        Assert.Equal("按量计收：250 页，31–100 页 70 页×10 元＋101–200 页 100 页×20 元＋201 页以上 50 页×40 元＝4700 元", quote.Explanation);
    }

    [Theory]
    [InlineData(0, "按量计收：0 页，30 页以下（含 30 页）不收费，共 0 元")]
    [InlineData(30, "按量计收：30 页，30 页以下（含 30 页）不收费，共 0 元")]
    [InlineData(31, "按量计收：31 页，31–100 页 1 页×10 元＝10 元")]
    [InlineData(150, "按量计收：150 页，31–100 页 70 页×10 元＋101–200 页 50 页×20 元＝1700 元")]
    [InlineData(201, "按量计收：201 页，31–100 页 70 页×10 元＋101–200 页 100 页×20 元＋201 页以上 1 页×40 元＝2740 元")]
    public void A_page_quote_names_only_the_tiers_it_uses(int pages, string explanation)
    {
        Assert.Equal(explanation, FeeQuote.QuoteByPages(pages).Explanation);
    }

    [Fact]
    public void Every_count_quote_names_its_positions_and_adds_up_to_its_amount()
    {
        var wrong = new List<string>();
        for (var already = 0; already <= 70; already++)
        {
            for (var items = 1; items <= 40; items++)
            {
                var quote = FeeQuote.QuoteByCount(already, items);
                var expected = Enumerable.Range(already + 1, items).Sum(ProcessingFees.ByCount);
                var positions = items == 1 ? $"{already + 1}" : $"{already + 1}–{already + items}";
                var free = Math.Max(0, Math.Min(already + items, 10) - already);
                var single = SingleTier().Match(quote.Explanation);
                var (count, sum) = single.Success
                    ? (items, items * decimal.Parse(single.Groups["price"].Value, CultureInfo.InvariantCulture))
                    : AddUp(quote.Explanation, "件");
                if (quote.Amount != expected
                    || !quote.Explanation.StartsWith($"按件计收：本月第 {positions} 件，", StringComparison.Ordinal)
                    || !quote.Explanation.EndsWith($"{expected} 元", StringComparison.Ordinal)
                    || (expected > 0 && (sum != expected || count != items - free)))
                {
                    wrong.Add(quote.Explanation);
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_page_quote_adds_up_to_its_amount()
    {
        var wrong = new List<string>();
        for (var pages = 31; pages <= 600; pages++)
        {
            var quote = FeeQuote.QuoteByPages(pages);
            var (count, sum) = AddUp(quote.Explanation, "页");
            if (quote.Amount != ProcessingFees.ByPages(pages) || sum != quote.Amount || count != pages - 30
                || !quote.Explanation.EndsWith($"＝{quote.Amount} 元", StringComparison.Ordinal))
            {
                wrong.Add(quote.Explanation);
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Explanations_do_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // de-DE groups thousands with '.' and writes decimals with ','.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var pages = FeeQuote.QuoteByPages(1250);
            var count = FeeQuote.QuoteByCount(1000, 1);

            Assert.EndsWith("＝44700 元", pages.Explanation, StringComparison.Ordinal);
            Assert.Equal("按件计收：本月第 1001 件，每件 9900 元，共 9900 元", count.Explanation);
            Assert.DoesNotContain(".", pages.Explanation + count.Explanation, StringComparison.Ordinal);
            Assert.DoesNotContain(",", pages.Explanation + count.Explanation, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>Sums the "N 件×P 元" (or 页) terms of an explanation: how many are charged, and for how much.</summary>
    private static (int Count, decimal Sum) AddUp(string explanation, string unit)
    {
        var count = 0;
        var sum = 0m;
        foreach (Match m in Term().Matches(explanation))
        {
            if (m.Groups["unit"].Value == unit)
            {
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                count += n;
                sum += n * decimal.Parse(m.Groups["price"].Value, CultureInfo.InvariantCulture);
            }
        }

        return (count, sum);
    }

    [GeneratedRegex(@"，每件 (?<price>\d+) 元，共 \d+ 元$")]
    private static partial Regex SingleTier();

    [GeneratedRegex(@"(?<n>\d+) (?<unit>件|页)×(?<price>\d+) 元")]
    private static partial Regex Term();
}
