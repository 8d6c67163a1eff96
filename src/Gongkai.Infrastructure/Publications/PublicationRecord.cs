using Gongkai.Core.AnnualReports;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications;

/// <summary>
/// A document of the agency's catalog (公开目录): the standard metadata, its disclosure attribute and validity.
/// The first part of proactive disclosure: the staff pages, the portal catalog, interpretations and search build on it.
/// </summary>
public sealed class PublicationRecord
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>索引号, unique.</summary>
    public required string IndexNumber { get; set; }
    public required string Title { get; set; }
    /// <summary>文号, e.g. 利政发〔2020〕12号.</summary>
    public string? DocumentNumber { get; set; }
    /// <summary>发文机关.</summary>
    public required string Issuer { get; set; }
    /// <summary>成文日期.</summary>
    public DateOnly WrittenOn { get; set; }
    /// <summary>发布日期 (null: not published).</summary>
    public DateOnly? PublishedOn { get; set; }
    public string? Category { get; set; }
    public PublicationType Type { get; set; }
    public DisclosureAttribute Attribute { get; set; }
    /// <summary>Why not proactive (required unless 主动公开).</summary>
    public string? AttributeReason { get; set; }
    public DateOnly? RepealedOn { get; set; }
    /// <summary>The document that repealed it.</summary>
    public string? RepealedBy { get; set; }
    public DateOnly? ExpiredOn { get; set; }
    public string Body { get; set; } = "";
    public string? Keywords { get; set; }

    public PublicationFacts Facts => new(Type, Attribute, WrittenOn, PublishedOn, RepealedOn, ExpiredOn);

    /// <summary>有效性 as the catalog prints it (only 规章 and 规范性文件 have one).</summary>
    public string ValidityLabel => RepealedOn is not null ? "已废止" : ExpiredOn is not null ? "已失效" : Type == PublicationType.Other ? "—" : "现行有效";
}

/// <summary>
/// Section 二's figures: 第二十条第（一）项 counted from the catalog's documents when the agencies have any recorded,
/// the rest (and 第（一）项 for agencies that keep no catalog here) as staff entered them.
/// </summary>
public sealed class RecordedArticle20Source(GongkaiDbContext db, EnteredArticle20Source entered) : IArticle20Source
{
    public async Task<Article20Figures> GetAsync(IReadOnlyCollection<int> agencyIds, int year, ReportFormat format, CancellationToken ct = default)
    {
        var figures = await entered.GetAsync(agencyIds, year, format, ct);
        var ids = agencyIds.ToList();
        var documents = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.AgencyId) && (p.Type == PublicationType.Regulation || p.Type == PublicationType.NormativeDocument))
            .Select(p => new PublicationFacts(p.Type, p.Attribute, p.WrittenOn, p.PublishedOn, p.RepealedOn, p.ExpiredOn))
            .ToListAsync(ct);
        if (documents.Count > 0)
        {
            Article20Counting.Fill(figures, documents, year);
        }

        return figures;
    }
}
