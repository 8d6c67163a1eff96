using Gongkai.Core.Publications;

namespace Gongkai.Core.Tests.Publications;

public sealed class IndexNumberSchemeTests
{
    [Fact]
    public void The_default_scheme_numbers_each_year_from_one_past_the_highest_serial_used()
    {
        var scheme = IndexNumberScheme.Parse(IndexNumberScheme.Default);
        const string credit = "11440106MB2C37845X";
        string[] used = [$"{credit}/2020-00012", $"{credit}/2020-00003", $"{credit}/2019-00040", "LEGACY-7", $"{credit}/2020-abc"];

        Assert.Equal($"{credit}/2020-00013", scheme.Next(credit, 2020, used));
        Assert.Equal($"{credit}/2021-00001", scheme.Next(credit, 2021, used));
        Assert.Equal(12, scheme.SerialOf($"{credit}/2020-00012", credit, 2020));
        Assert.Null(scheme.SerialOf($"{credit}/2020-00012", credit, 2021));
    }

    [Fact]
    public void A_custom_scheme_keeps_its_literal_text_and_padding()
    {
        var scheme = IndexNumberScheme.Parse("SZ.{year}.{serial:3}");

        Assert.Equal("SZ.2024.007", scheme.Format("X", 2024, 7));
        Assert.Equal("SZ.2024.1000", scheme.Format("X", 2024, 1000));
        Assert.Equal("SZ.2024.002", scheme.Next("X", 2024, ["SZ.2024.001", "SZ+2024+005"]));
    }

    [Theory]
    [InlineData("", "请填写索引号规则")]
    [InlineData("{credit}-{year}", "只含一个 {serial}")]
    [InlineData("{credit}-{serial}-{serial}", "只含一个 {serial}")]
    [InlineData("{credit}-{serial}", "须含 {year}")]
    [InlineData("{credit}-{year}-{serial}-{month}", "只能使用")]
    public void A_bad_pattern_is_explained(string pattern, string expected)
    {
        Assert.Contains(expected, IndexNumberScheme.Problem(pattern));
        Assert.Throws<ArgumentException>(() => IndexNumberScheme.Parse(pattern));
    }
}
