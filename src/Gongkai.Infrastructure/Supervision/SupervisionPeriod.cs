using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Infrastructure.Supervision;

/// <summary>
/// The span of days the supervision dashboard counts: a calendar year (“2026”), a quarter (“2026-Q3”) or a month
/// (“2026-11”). A span that has not ended yet is counted up to today. Its key is what the page's address carries.
/// </summary>
public sealed partial record SupervisionPeriod(string Key, DateOnly From, DateOnly To, string Label)
{
    /// <summary>Periods start in the 2019 regulation's first year at the earliest.</summary>
    public const int FirstYear = 2019;

    /// <summary>Jan 1 – Dec 31: the figures are the annual report's.</summary>
    public bool IsWholeYear => From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31);

    public int Year => From.Year;

    /// <summary>
    /// The annual report the period's supervision looks at: a whole year's own report, otherwise the last year's (the
    /// one due by Art. 49 during the period).
    /// </summary>
    public int ReportYear => IsWholeYear ? Year : Year - 1;

    /// <summary>The last day counted: the period's end, or today when the period is still running.</summary>
    public DateOnly CountedTo(DateOnly today) => To < today ? To : today;

    /// <summary>This year so far: the default.</summary>
    public static SupervisionPeriod Default(DateOnly today) => OfYear(today.Year);

    public static SupervisionPeriod OfYear(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"{year}年");

    public static SupervisionPeriod OfQuarter(int year, int quarter) =>
        new($"{year}-Q{quarter}", new DateOnly(year, (3 * quarter) - 2, 1), new DateOnly(year, 3 * quarter, 1).AddMonths(1).AddDays(-1), $"{year}年第{"一二三四"[quarter - 1]}季度");

    public static SupervisionPeriod OfMonth(int year, int month) =>
        new($"{year}-{month:00}", new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1), $"{year}年{month}月");

    /// <summary>Reads a key; null (with no error) for an empty key; an error in Chinese for a malformed or future one.</summary>
    public static SupervisionPeriod? Parse(string? key, DateOnly today, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var match = KeyPattern().Match(key.Trim());
        SupervisionPeriod? period = null;
        if (match.Success)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (year >= FirstYear && year <= today.Year)
            {
                period = match.Groups["quarter"].Success ? OfQuarter(year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture))
                    : match.Groups["month"].Success && int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month ? OfMonth(year, month)
                    : match.Groups["month"].Success ? null
                    : OfYear(year);
            }
        }

        if (period is null || period.From > today)
        {
            error = $"统计期间“{Truncate(key)}”无效：请选择 {FirstYear} 年以来、不晚于本月的年份（如 2026）、季度（如 2026-Q3）或月份（如 2026-11）。";
            return null;
        }

        return period;
    }

    /// <summary>The choices the page offers: this month and the last two, this quarter and the last, this year and the years before.</summary>
    public static IReadOnlyList<SupervisionPeriod> Choices(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = ((today.Month - 1) / 3) + 1;
        var choices = new List<SupervisionPeriod>
        {
            OfYear(today.Year),
            OfMonth(month.Year, month.Month),
            OfMonth(month.AddMonths(-1).Year, month.AddMonths(-1).Month),
            OfMonth(month.AddMonths(-2).Year, month.AddMonths(-2).Month),
            OfQuarter(today.Year, quarter),
            quarter > 1 ? OfQuarter(today.Year, quarter - 1) : OfQuarter(today.Year - 1, 4),
        };
        for (var year = today.Year - 1; year >= FirstYear; year--)
        {
            choices.Add(OfYear(year));
        }

        return choices.Where(c => c.Year >= FirstYear).DistinctBy(c => c.Key).ToList();
    }

    private static string Truncate(string key) => key.Length <= 20 ? key : key[..20] + "…";

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:Q(?<quarter>[1-4])|(?<month>\d{1,2})))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
