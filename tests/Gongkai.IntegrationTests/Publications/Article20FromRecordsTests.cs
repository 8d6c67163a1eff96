using Gongkai.Core.Publications;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Publications;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Publications;

/// <summary>The annual report's 第二十条第（一）项 counted from the catalog's documents, on both stores.</summary>
public sealed class Article20FromRecordsTests
{
    private static PublicationRecord Document(int agencyId, PublicationType type, string written, string? published, string? repealed = null) => CatalogDocuments.Through(new()
    {
        AgencyId = agencyId,
        IndexNumber = "IDX-" + Guid.NewGuid().ToString("N")[..12],
        Title = "关于印发《示例实施方案》的通知",
        Issuer = "示例区人民政府",
        Type = type,
        Attribute = DisclosureAttribute.Proactive,
        WrittenOn = DateOnly.Parse(written, System.Globalization.CultureInfo.InvariantCulture),
    }, Date(published), Date(repealed));

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task The_reports_article_20_table_counts_the_catalogs_documents_of_the_whole_subtree(Db db)
    {
        var app = GongkaiApp.For(db);
        var government = await app.NewAgencyAsync(null);
        var department = await app.NewAgencyAsync(government.Id);
        var documents = new[]
        {
            Document(government.Id, PublicationType.NormativeDocument, "2024-02-01", "2024-02-05"),
            Document(government.Id, PublicationType.NormativeDocument, "2022-02-01", "2022-02-05", repealed: "2024-09-01"),
            Document(department.Id, PublicationType.NormativeDocument, "2024-05-01", "2024-05-08"),
            Document(department.Id, PublicationType.NormativeDocument, "2023-05-01", "2023-05-08"),
            Document(department.Id, PublicationType.Regulation, "2024-11-01", "2024-11-02"),
            Document(department.Id, PublicationType.Other, "2024-11-01", "2024-11-02"),
        };
        await app.WithDbAsync(async d =>
        {
            d.Publications.AddRange(documents);
            return await d.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<ReportBuilder>();

        var whole = await builder.BuildAsync(government.Id, 2024, subtree: true);
        var own = await builder.BuildAsync(government.Id, 2024, subtree: false);
        var duplicate = await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async d =>
        {
            var again = Document(government.Id, PublicationType.Other, "2024-01-01", null);
            again.IndexNumber = documents[0].IndexNumber;
            d.Publications.Add(again);
            return await d.SaveChangesAsync();
        }));

        // Independent count, written out: normative documents made in 2024 in the subtree: 02-01, 05-01.
        Assert.Equal(2, whole.Article20[Article20Counting.Item, "行政规范性文件", "本年制发件数"]);
        Assert.Equal(1, whole.Article20[Article20Counting.Item, "行政规范性文件", "本年废止件数"]);
        Assert.Equal(3, whole.Article20[Article20Counting.Item, "行政规范性文件", "现行有效件数"]);
        Assert.Equal(1, whole.Article20[Article20Counting.Item, "规章", "本年制发件数"]);
        Assert.Equal(1, own.Article20[Article20Counting.Item, "行政规范性文件", "本年制发件数"]);
        Assert.Equal(0, own.Article20[Article20Counting.Item, "规章", "现行有效件数"]);
        Assert.NotNull(duplicate);
    }
}
