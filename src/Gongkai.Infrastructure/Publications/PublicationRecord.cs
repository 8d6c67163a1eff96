using Gongkai.Core.AnnualReports;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications;

/// <summary>
/// A document of the agency's catalog (公开目录): the standard metadata, its disclosure attribute and validity.
/// The first part of proactive disclosure: the staff pages, the portal catalog, interpretations and search build on it.
/// Its workflow fields (stage, review, publication, validity) are set only by <see cref="Take"/>, from a
/// <see cref="Publication"/> that took a step.
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
    public DateOnly? PublishedOn { get; private set; }
    public string? Category { get; set; }
    public PublicationType Type { get; set; }
    public DisclosureAttribute Attribute { get; set; }
    /// <summary>Why not proactive (required unless 主动公开).</summary>
    public string? AttributeReason { get; set; }
    public DateOnly? RepealedOn { get; private set; }
    /// <summary>The document that repealed it.</summary>
    public string? RepealedBy { get; private set; }
    public DateOnly? ExpiredOn { get; private set; }
    /// <summary>The body as plain text (search, listings, the Art. 26 list); derived from <see cref="BodyHtml"/>.</summary>
    public string Body { get; set; } = "";
    /// <summary>The body as sanitized HTML (<see cref="PublicationHtml"/>); empty for records imported as plain text.</summary>
    public string BodyHtml { get; set; } = "";
    public string? Keywords { get; set; }
    /// <summary>起草单位: the unit that drafted it ("谁起草、谁解读").</summary>
    public string? DraftingUnit { get; set; }
    public PublicationStatus Status { get; private set; }
    /// <summary>For a policy interpretation (政策解读): the policy it interprets.</summary>
    public long? InterpretsId { get; set; }
    /// <summary>Why a normative document was published without an interpretation the same day (同步发布).</summary>
    public string? NoInterpretationReason { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>保密审查: who cleared it, when and with what opinion.</summary>
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewOpinion { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public List<PublicationAttachment> Attachments { get; set; } = [];

    public bool IsInterpretation => InterpretsId is not null;

    public PublicationFacts Facts => new(Type, Attribute, WrittenOn, PublishedOn, RepealedOn, ExpiredOn);

    /// <summary>The document's workflow as Core decides it, to take a step (see <see cref="Publication"/>).</summary>
    public Publication ToPublication() => Publication.Restore(new PublicationState
    {
        Title = Title,
        Type = Type,
        Attribute = Attribute,
        WrittenOn = WrittenOn,
        Status = Status,
        CreatedBy = CreatedBy,
        InterpretsId = InterpretsId,
        ReviewedBy = ReviewedBy,
        ReviewedAt = ReviewedAt,
        ReviewOpinion = ReviewOpinion,
        PublishedOn = PublishedOn,
        PublishedBy = PublishedBy,
        PublishedAt = PublishedAt,
        NoInterpretationReason = NoInterpretationReason,
        RepealedOn = RepealedOn,
        RepealedBy = RepealedBy,
        ExpiredOn = ExpiredOn,
    });

    /// <summary>Keeps what the document's step decided. The only place the store sets a document's workflow fields.</summary>
    public void Take(Publication publication)
    {
        var state = publication.State;
        (Title, Type, Attribute, WrittenOn, Status, CreatedBy, InterpretsId) = (state.Title, state.Type, state.Attribute, state.WrittenOn, state.Status, state.CreatedBy, state.InterpretsId);
        (ReviewedBy, ReviewedAt, ReviewOpinion) = (state.ReviewedBy, state.ReviewedAt, state.ReviewOpinion);
        (PublishedOn, PublishedBy, PublishedAt, NoInterpretationReason) = (state.PublishedOn, state.PublishedBy, state.PublishedAt, state.NoInterpretationReason);
        (RepealedOn, RepealedBy, ExpiredOn) = (state.RepealedOn, state.RepealedBy, state.ExpiredOn);
    }

    /// <summary>有效性 as the catalog prints it (only 规章 and 规范性文件 have one).</summary>
    public string ValidityLabel => RepealedOn is not null ? "已废止" : ExpiredOn is not null ? "已失效" : Type == PublicationType.Other ? "—" : "现行有效";
}

/// <summary>An attachment of a publication; the file itself is kept once per content (<see cref="StoredFile"/>).</summary>
public sealed class PublicationAttachment
{
    public long Id { get; set; }
    public long PublicationId { get; set; }
    public int Order { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>The text extracted for search (PDF, .docx, .xlsx); empty for images.</summary>
    public string Text { get; set; } = "";
}

/// <summary>A file's bytes, stored by content hash (SHA-256): the same file attached twice is kept once.</summary>
public sealed class StoredFile
{
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A node of an agency's catalog tree (公开目录的分类).</summary>
public sealed class CatalogCategory
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int? ParentId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
}

/// <summary>An agency's proactive-disclosure settings: the index-number scheme and the disclosure guide (政府信息公开指南).</summary>
public sealed class DisclosureSettings
{
    public int AgencyId { get; set; }
    /// <summary>See <see cref="IndexNumberScheme"/>; e.g. <c>{credit}/{year}-{serial:5}</c>.</summary>
    public string IndexNumberPattern { get; set; } = IndexNumberScheme.Default;
    /// <summary>The guide's text as sanitized HTML; null: the standard text.</summary>
    public string? GuideHtml { get; set; }
    public DateTimeOffset? GuideUpdatedAt { get; set; }
    public string? GuideUpdatedBy { get; set; }
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
