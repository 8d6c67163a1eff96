using Gongkai.Core.AnnualReports;
using Gongkai.Core.Publications;

namespace Gongkai.Core.Tests.Publications;

public sealed class Article20CountingTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly PublicationFacts[] Documents =
    [
        new(PublicationType.NormativeDocument, DisclosureAttribute.Proactive, D("2023-05-01"), D("2023-05-10"), null, null),
        new(PublicationType.NormativeDocument, DisclosureAttribute.Proactive, D("2024-03-01"), D("2024-03-15"), null, null),
        new(PublicationType.NormativeDocument, DisclosureAttribute.Proactive, D("2024-12-28"), D("2025-01-06"), null, null),
        new(PublicationType.NormativeDocument, DisclosureAttribute.Proactive, D("2021-01-01"), D("2021-01-05"), D("2024-06-30"), null),
        new(PublicationType.NormativeDocument, DisclosureAttribute.OnRequest, D("2024-02-01"), null, null, null),
        new(PublicationType.NormativeDocument, DisclosureAttribute.Proactive, D("2022-01-01"), D("2022-01-05"), null, D("2024-12-31")),
        new(PublicationType.Regulation, DisclosureAttribute.Proactive, D("2024-07-01"), D("2024-07-02"), null, null),
        new(PublicationType.Other, DisclosureAttribute.Proactive, D("2024-07-01"), D("2024-07-02"), null, null),
    ];

    [Fact]
    public void The_2021_format_counts_documents_made_repealed_and_in_force_at_the_end_of_the_year()
    {
        var figures = new Article20Figures(ReportFormat.V2021);

        Article20Counting.Fill(figures, Documents, 2024);

        // Made in 2024: 03-01, 12-28 (published only in 2025) and the on-request one of 02-01.
        Assert.Equal(3, figures[Article20Counting.Item, "行政规范性文件", "本年制发件数"]);
        Assert.Equal(1, figures[Article20Counting.Item, "行政规范性文件", "本年废止件数"]);
        // In force on 2024-12-31: 2023-05, 2024-03, 2024-12, 2024-02; not the repealed one nor the one expiring that day.
        Assert.Equal(4, figures[Article20Counting.Item, "行政规范性文件", "现行有效件数"]);
        Assert.Equal(1, figures[Article20Counting.Item, "规章", "本年制发件数"]);
    }

    [Fact]
    public void The_2019_format_counts_documents_made_published_this_year_and_published_in_all()
    {
        var figures = new Article20Figures(ReportFormat.V2019);

        Article20Counting.Fill(figures, Documents, 2024);

        Assert.Equal(3, figures[Article20Counting.Item, "规范性文件", "本年新制作数量"]);
        Assert.Equal(1, figures[Article20Counting.Item, "规范性文件", "本年新公开数量"]);
        Assert.Equal(4, figures[Article20Counting.Item, "规范性文件", "对外公开总数量"]);
    }
}
