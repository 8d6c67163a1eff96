namespace Gongkai.Core.Requests;

/// <summary>
/// 信息处理费 under 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号). Both standards are progressive
/// (超额累进): each request or page is charged at the rate of the tier it falls in, not the whole at the top rate.
/// Amounts are in 元.
/// </summary>
public static class ProcessingFees
{
    /// <summary>
    /// The day the measures took effect. fees.md records 2021-01-01 from memory and marks it unverified against
    /// www.gov.cn; the notice is dated 2020-11-17, so no fee can be due for a request received before then either.
    /// </summary>
    public static readonly DateOnly EffectiveFrom = new(2021, 1, 1);

    internal const int FreeRequestsPerMonth = 10;
    internal const int FirstTierEnd = 30;
    internal const int TierSize = 10;
    internal const decimal UnitStep = 100m;

    /// <summary>The charged page tiers (pages 1–30 are free): first page, last page, 元 per page; the last is open-ended.</summary>
    internal static readonly (int From, int To, decimal PerPage)[] PageTiers =
    [
        (31, 100, 10m),
        (101, 200, 20m),
        (201, int.MaxValue, 40m),
    ];

    internal const int FreePages = 30;

    /// <summary>Whether the measures cover a request received on this day.</summary>
    public static bool AppliesTo(DateOnly receivedOn) => receivedOn >= EffectiveFrom;

    /// <summary>
    /// The fee for the applicant's <paramref name="nthRequestThisMonth"/>-th request (1-based) in one calendar month.
    /// </summary>
    public static decimal ByCount(int nthRequestThisMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nthRequestThisMonth, 1);
        return UnitPriceAt(nthRequestThisMonth);
    }

    /// <summary>
    /// The total for <paramref name="newItems"/> items of one application split by “一事一申请”, after
    /// <paramref name="alreadyThisMonth"/> earlier items by the same applicant in the same month.
    /// </summary>
    public static decimal ByCountForBatch(int alreadyThisMonth, int newItems)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyThisMonth);
        ArgumentOutOfRangeException.ThrowIfNegative(newItems);
        // Positions are ints (ByCount takes one); a batch that would run past int.MaxValue has no n-th item.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newItems, int.MaxValue - alreadyThisMonth);

        // Closed form rather than a loop, so an absurd item count costs nothing.
        return CumulativeByCount((long)alreadyThisMonth + newItems) - CumulativeByCount(alreadyThisMonth);
    }

    /// <summary>The fee for one request delivered as <paramref name="pages"/> pages (按量计收).</summary>
    public static decimal ByPages(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);

        var total = 0m;
        foreach (var (from, to, perPage) in PageTiers)
        {
            total += PagesInTier(pages, from, to) * perPage;
        }

        return total;
    }

    internal static int PagesInTier(int pages, int from, int to) => Math.Max(0, Math.Min(pages, to) - from + 1);

    /// <summary>The unit price at position n ≥ 1: the table in fees.md.</summary>
    internal static decimal UnitPriceAt(long n) => n switch
    {
        <= FreeRequestsPerMonth => 0m,
        <= FirstTierEnd => UnitStep,
        // 31–40 is already one step above 11–30 (fees.md: “第一档……提高 100 元”, as local fee schedules read it).
        _ => UnitStep * (2 + ((n - FirstTierEnd - 1) / TierSize)),
    };

    /// <summary>The first and last positions of the tier that holds position n ≥ 1.</summary>
    internal static (long First, long Last) TierOf(long n)
    {
        if (n <= FreeRequestsPerMonth)
        {
            return (1, FreeRequestsPerMonth);
        }

        if (n <= FirstTierEnd)
        {
            return (FreeRequestsPerMonth + 1, FirstTierEnd);
        }

        var first = FirstTierEnd + 1 + ((n - FirstTierEnd - 1) / TierSize * TierSize);
        return (first, first + TierSize - 1);
    }

    /// <summary>The sum of the unit prices of positions 1..m.</summary>
    private static decimal CumulativeByCount(long m)
    {
        if (m <= FreeRequestsPerMonth)
        {
            return 0m;
        }

        if (m <= FirstTierEnd)
        {
            return UnitStep * (m - FreeRequestsPerMonth);
        }

        // Beyond 30: j positions, position i (0-based) costs 100 × (2 + ⌊i/10⌋). Σ⌊i/10⌋ over i < j is
        // 10·(0 + 1 + … + (q−1)) + r·q with q = ⌊j/10⌋, r = j mod 10. Every term fits a long for m ≤ 2^32.
        var j = m - FirstTierEnd;
        var q = j / TierSize;
        var r = j % TierSize;
        var steps = (2 * j) + (TierSize * q * (q - 1) / 2) + (r * q);
        return (UnitStep * (FirstTierEnd - FreeRequestsPerMonth)) + (UnitStep * steps);
    }
}
