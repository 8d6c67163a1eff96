using Gongkai.Core.Publications;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// What the full-text index needs of one published document of the catalog (公开目录). Made from the database by
/// <see cref="PublicationSearchSource.ToSearchDocument"/>; <paramref name="InterpretsId"/> is set on a policy
/// interpretation (政策解读) and names the document it interprets.
/// </summary>
public sealed record SearchDocument(
    long Id,
    int AgencyId,
    string Title,
    string? DocumentNumber,
    string IndexNumber,
    string Issuer,
    string? Category,
    PublicationType Type,
    DateOnly WrittenOn,
    DateOnly PublishedOn,
    DateOnly? RepealedOn,
    DateOnly? ExpiredOn,
    string Body,
    string AttachmentText,
    string? Keywords,
    long? InterpretsId);
