using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed class ProcessingFeesTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    [InlineData(60, 400)]
    [InlineData(61, 500)]
    public void A_request_costs_the_unit_price_of_the_tier_it_falls_in(int nth, int yuan)
    {
        Assert.Equal(yuan, ProcessingFees.ByCount(nth));
    }

    [Fact]
    public void The_35th_request_in_a_month_costs_200_yuan()
    {
        // fees.md: the 35th request falls in 31–40, one step above 11–30.
        Assert.Equal(200m, ProcessingFees.ByCount(35));
    }

    [Fact]
    public void The_unit_price_follows_the_fee_table_for_the_first_thousand_requests()
    {
        // The table of fees.md written out tier by tier, not by the formula the product uses.
        var table = new List<decimal>();
        table.AddRange(Enumerable.Repeat(0m, 10));
        table.AddRange(Enumerable.Repeat(100m, 20));
        for (var price = 200m; table.Count < 1000; price += 100m)
        {
            table.AddRange(Enumerable.Repeat(price, 10));
        }

        var wrong = Enumerable.Range(1, 1000).Where(n => ProcessingFees.ByCount(n) != table[n - 1]).ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void There_is_no_request_before_the_first(int nth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.ByCount(nth));
    }

    [Theory]
    [InlineData(0, 10, 0)] // 1–10 free
    [InlineData(10, 2, 200)] // 11–12 at 100
    [InlineData(8, 4, 200)] // 9–10 free, 11–12 at 100
    [InlineData(28, 5, 800)] // 29–30 at 100, 31–33 at 200
    [InlineData(38, 5, 1300)] // 39–40 at 200, 41–43 at 300
    [InlineData(0, 45, 5500)] // 20×100 + 10×200 + 5×300
    [InlineData(49, 3, 1100)] // 50 at 300, 51–52 at 400
    [InlineData(34, 0, 0)] // nothing new
    public void A_split_application_costs_each_item_at_its_own_position(int already, int items, int yuan)
    {
        Assert.Equal(yuan, ProcessingFees.ByCountForBatch(already, items));
    }

    [Fact]
    public void A_batch_costs_the_same_as_its_items_one_by_one()
    {
        var wrong = new List<(int Already, int Items)>();
        for (var already = 0; already <= 80; already++)
        {
            for (var items = 0; items <= 80; items++)
            {
                var oneByOne = Enumerable.Range(already + 1, items).Sum(ProcessingFees.ByCount);
                if (ProcessingFees.ByCountForBatch(already, items) != oneByOne)
                {
                    wrong.Add((already, items));
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void A_very_large_batch_is_priced_exactly()
    {
        var oneByOne = 0m;
        for (var n = 1; n <= 1_000_000; n++)
        {
            oneByOne += ProcessingFees.ByCount(n);
        }

        Assert.Equal(oneByOne, ProcessingFees.ByCountForBatch(0, 1_000_000));
        Assert.Equal(oneByOne - ProcessingFees.ByCount(1_000_000), ProcessingFees.ByCountForBatch(0, 999_999));
        // The largest batch that still has positions does not overflow, and its last item is priced by its tier.
        Assert.Equal(
            ProcessingFees.ByCountForBatch(0, int.MaxValue - 1) + ProcessingFees.ByCount(int.MaxValue),
            ProcessingFees.ByCountForBatch(0, int.MaxValue));
        Assert.Equal(100m * (2 + ((int.MaxValue - 31) / 10)), ProcessingFees.ByCount(int.MaxValue));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    [InlineData(1, int.MaxValue)]
    public void A_batch_with_negative_counts_or_past_the_last_position_is_refused(int already, int items)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.ByCountForBatch(already, items));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)]
    public void Pages_are_charged_progressively(int pages, int yuan)
    {
        Assert.Equal(yuan, ProcessingFees.ByPages(pages));
    }

    [Fact]
    public void Two_hundred_and_fifty_pages_cost_4700_yuan_as_in_the_worked_example()
    {
        // fees.md: 70×10 + 100×20 + 50×40.
        Assert.Equal((70 * 10) + (100 * 20) + (50 * 40), ProcessingFees.ByPages(250));
    }

    [Fact]
    public void Each_page_costs_the_rate_of_its_own_tier()
    {
        static decimal Rate(int page) => page switch { <= 30 => 0, <= 100 => 10, <= 200 => 20, _ => 40 };

        var wrong = new List<int>();
        var total = 0m;
        for (var pages = 0; pages <= 1000; pages++)
        {
            total += pages == 0 ? 0 : Rate(pages);
            if (ProcessingFees.ByPages(pages) != total)
            {
                wrong.Add(pages);
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Negative_pages_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.ByPages(-1));
    }

    [Theory]
    [InlineData("2020-11-17", false)] // the notice's date
    [InlineData("2020-12-31", false)]
    [InlineData("2021-01-01", true)]
    [InlineData("2024-06-18", true)]
    public void Fees_apply_only_to_requests_received_from_2021_01_01(string receivedOn, bool applies)
    {
        Assert.Equal(applies, ProcessingFees.AppliesTo(DateOnly.Parse(receivedOn, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
