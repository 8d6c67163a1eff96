using System.Globalization;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Publications;

namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>
/// Catalog documents written straight to the database, for tests about what listings, search and the gazette print;
/// their workflow taken through <see cref="Publication"/> as the staff pages would.
/// </summary>
public static class CatalogDocuments
{
    /// <summary>A proactive document, published on <paramref name="published"/> (null: a draft), with a unique index number.</summary>
    public static PublicationRecord Document(int agencyId, string title, string? published, string issuer = "示例区人民政府", PublicationType type = PublicationType.NormativeDocument,
        DisclosureAttribute attribute = DisclosureAttribute.Proactive, string body = "", string bodyHtml = "", string? number = null) => Through(new()
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
            Category = "法规文件",
            Body = body,
            BodyHtml = bodyHtml,
        }, published is null ? null : Date(published));

    /// <summary>
    /// Drafts the record, and when <paramref name="published"/> is given has it reviewed and published that day (a rule
    /// or normative document with the reason its interpretation comes later), then repealed on <paramref name="repealed"/>.
    /// A document that is not 主动公开 is reviewed but cannot be published.
    /// </summary>
    public static PublicationRecord Through(PublicationRecord record, DateOnly? published, DateOnly? repealed = null)
    {
        var document = Publication.Draft(record.Title, record.Type, record.Attribute, record.WrittenOn, "drafter", record.InterpretsId);
        if (published is { } on)
        {
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
            Assert.Null(document.Review(null, "reviewer", at));
            if (record.Attribute == DisclosureAttribute.Proactive)
            {
                Assert.Null(document.Publish(on, on, "解读另行发布（测试）", "publisher", at, null, [], out _));
            }
        }

        if (repealed is not null)
        {
            Assert.Null(document.EndValidity(true, repealed, "示政发〔2024〕1号", repealed.Value));
        }

        record.Take(document);
        return record;
    }

    public static async Task SaveAsync(this GongkaiApp app, params PublicationRecord[] documents) =>
        await app.WithDbAsync(async db =>
        {
            db.Publications.AddRange(documents);
            return await db.SaveChangesAsync();
        });

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
