using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// The documents the public may find: published and 主动公开, with their attachments' text, as
/// <see cref="SearchDocument"/>s read from the database.
/// </summary>
public sealed class PublicationSearchSource(GongkaiDbContext db)
{
    /// <summary>Documents read per round trip while streaming all of them.</summary>
    private const int Batch = 200;

    private IQueryable<PublicationRecord> Searchable =>
        db.Publications.AsNoTracking().Include(p => p.Attachments)
            .Where(p => p.Status == PublicationStatus.Published && p.PublishedOn != null && p.Attribute == DisclosureAttribute.Proactive);

    /// <summary>The document, or null when it does not exist or the public may not see it.</summary>
    public async Task<SearchDocument?> FindAsync(long id, CancellationToken ct = default)
    {
        var record = await Searchable.FirstOrDefaultAsync(p => p.Id == id, ct);
        return record is null ? null : ToSearchDocument(record);
    }

    /// <summary>Those of <paramref name="ids"/> the public may find now (the others are to leave the index).</summary>
    public async Task<List<SearchDocument>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var found = new List<SearchDocument>(ids.Count);
        foreach (var chunk in ids.Chunk(Batch))
        {
            var records = await Searchable.Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
            found.AddRange(records.Select(ToSearchDocument));
        }

        return found;
    }

    /// <summary>How many documents <see cref="All"/> will give.</summary>
    public Task<int> CountAsync(CancellationToken ct = default) => Searchable.CountAsync(ct);

    /// <summary>
    /// Every document, by id, read in batches: memory stays flat however large the catalog, and no database read is
    /// held open while the index analyses the text.
    /// </summary>
    public IEnumerable<SearchDocument> All(CancellationToken ct = default)
    {
        var after = 0L;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var batch = Searchable.Where(p => p.Id > after).OrderBy(p => p.Id).Take(Batch).ToList();
            foreach (var record in batch)
            {
                yield return ToSearchDocument(record);
            }

            if (batch.Count < Batch)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    /// <summary>The one place a catalog record becomes what the index holds (attachments included when loaded).</summary>
    public static SearchDocument ToSearchDocument(PublicationRecord record) => new(
        record.Id,
        record.AgencyId,
        record.Title,
        record.DocumentNumber,
        record.IndexNumber,
        record.Issuer,
        record.Category,
        record.Type,
        record.WrittenOn,
        record.PublishedOn ?? throw new ArgumentException("Only published documents are searchable.", nameof(record)),
        record.RepealedOn,
        record.ExpiredOn,
        record.Body,
        AttachmentText: string.Join('\n', record.Attachments.OrderBy(a => a.Order).Select(a => a.FileName + "\n" + a.Text)),
        record.Keywords,
        record.InterpretsId);
}
