using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Publications;

/// <summary>
/// An agency's scheme for 索引号: a pattern of literal text and the placeholders <c>{credit}</c> (统一社会信用代码),
/// <c>{year}</c> (the year written) and <c>{serial}</c> or <c>{serial:N}</c> (the year's serial number, zero-padded to
/// N digits). The default, <c>{credit}/{year}-{serial:5}</c>, gives e.g. <c>11440106MB2C37845X/2020-00012</c>.
/// </summary>
public sealed partial class IndexNumberScheme
{
    public const string Default = "{credit}/{year}-{serial:5}";

    private readonly string pattern;

    private IndexNumberScheme(string pattern) => this.pattern = pattern;

    /// <summary>Null when the pattern is usable; otherwise why not, in Chinese.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "请填写索引号规则。";
        }

        if (pattern.Length > 100)
        {
            return "索引号规则不能超过 100 个字符。";
        }

        var placeholders = Placeholder().Matches(pattern).Select(m => m.Groups["name"].Value).ToList();
        if (placeholders.Count(p => p == "serial") != 1)
        {
            return "索引号规则须含且只含一个 {serial}（年度流水号），可写作 {serial:5} 表示补足 5 位。";
        }

        if (!placeholders.Contains("year"))
        {
            return "索引号规则须含 {year}（成文年度），否则流水号每年重新编号时会重复。";
        }

        if (Placeholder().Replace(pattern, "").Contains('{') || Placeholder().Replace(pattern, "").Contains('}'))
        {
            return "索引号规则只能使用 {credit}、{year}、{serial} 或 {serial:N}。";
        }

        return null;
    }

    public static IndexNumberScheme Parse(string? pattern) =>
        Problem(pattern) is { } problem ? throw new ArgumentException(problem, nameof(pattern)) : new IndexNumberScheme(pattern!.Trim());

    public string Format(string creditCode, int year, int serial) =>
        Placeholder().Replace(pattern, m => m.Groups["name"].Value switch
        {
            "credit" => creditCode,
            "year" => year.ToString(CultureInfo.InvariantCulture),
            _ => serial.ToString(CultureInfo.InvariantCulture).PadLeft(Width(m), '0'),
        });

    /// <summary>The serial number of <paramref name="indexNumber"/> if it was made by this scheme for that agency and year.</summary>
    public int? SerialOf(string indexNumber, string creditCode, int year)
    {
        var regex = new StringBuilder("^");
        var at = 0;
        foreach (Match m in Placeholder().Matches(pattern))
        {
            regex.Append(Regex.Escape(pattern[at..m.Index]));
            regex.Append(m.Groups["name"].Value switch
            {
                "credit" => Regex.Escape(creditCode),
                "year" => year.ToString(CultureInfo.InvariantCulture),
                _ => "(?<serial>[0-9]{1,9})",
            });
            at = m.Index + m.Length;
        }

        regex.Append(Regex.Escape(pattern[at..])).Append('$');
        var match = Regex.Match(indexNumber, regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? int.Parse(match.Groups["serial"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The next index number: one past the highest serial the agency has used in that year.</summary>
    public string Next(string creditCode, int year, IEnumerable<string> existing) =>
        Format(creditCode, year, existing.Select(e => SerialOf(e, creditCode, year) ?? 0).DefaultIfEmpty(0).Max() + 1);

    private static int Width(Match m) =>
        m.Groups["width"].Success ? Math.Clamp(int.Parse(m.Groups["width"].Value, CultureInfo.InvariantCulture), 1, 9) : 1;

    [GeneratedRegex(@"\{(?<name>credit|year|serial)(?::(?<width>[0-9]))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
