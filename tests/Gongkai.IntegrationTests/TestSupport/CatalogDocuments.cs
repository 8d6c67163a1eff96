using System.Globalization;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Publications;

namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>Catalog documents written straight to the database, for tests about what listings and the gazette print.</summary>
public static class CatalogDocuments
{
    /// <summary>A proactive document, published on <paramref name="published"/> (null: a draft), with a unique index number.</summary>
    public static PublicationRecord Document(int agencyId, string title, string? published, string issuer = "示例区人民政府", PublicationType type = PublicationType.NormativeDocument,
        DisclosureAttribute attribute = DisclosureAttribute.Proactive, string body = "", string bodyHtml = "", string? number = null) => new()
        {
            AgencyId = agencyId,
            IndexNumber = "DOC-" + Guid.NewGuid().ToString("N")[..16],
            Title = title,
            DocumentNumber = number,
            Issuer = issuer,
            Type = type,
            Attribute = attribute,
            AttributeReason = attribute == DisclosureAttribute.Proactive ? null : "涉及个人信息",
            WrittenOn = Date(published ?? "2024-01-02").AddDays(-3),
            PublishedOn = published is null ? null : Date(published),
            Status = published is null ? PublicationStatus.Draft : PublicationStatus.Published,
            Category = "法规文件",
            Body = body,
            BodyHtml = bodyHtml,
        };

    public static async Task SaveAsync(this GongkaiApp app, params PublicationRecord[] documents) =>
        await app.WithDbAsync(async db =>
        {
            db.Publications.AddRange(documents);
            return await db.SaveChangesAsync();
        });

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
