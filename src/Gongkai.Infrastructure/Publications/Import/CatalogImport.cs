using System.Security.Cryptography;
using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications.Import;

/// <summary>What an import did: the documents written and skipped, or every bad row and why (then nothing was written).</summary>
public sealed record CatalogImportResult(string AgencyName, int Imported, int Skipped, int Cleaned, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports the catalog of an agency's former website (<c>gongkai publications import</c>, docs/proactive-disclosure.md):
/// documents already published there become published 主动公开 documents of its catalog here, on their original days.
/// The whole file is checked first and one bad row refuses it all, naming every bad row; then everything is written in
/// one transaction, in batches, with one audit entry. The search index is not touched: it follows the database.
/// </summary>
public sealed partial class CatalogImport(GongkaiDbContext db, TimeProvider clock, UntrustedFileLimits limits)
{
    /// <summary>Documents saved at a time; the change tracker is emptied between batches so that thousands stay fast.</summary>
    public const int BatchSize = 500;

    /// <summary>New attachment bytes held before they are saved ahead of their documents.</summary>
    private const long MaxPendingBytes = 64 * 1024 * 1024;

    /// <param name="path">The .json or .xlsx file; attachments are found relative to its folder.</param>
    /// <param name="skipExisting">Skip the documents the catalog already has (same 文号, or same title and 成文日期) instead of refusing them.</param>
    /// <param name="progress">Told how many of how many documents have been written: before the first batch and after each.</param>
    public async Task<CatalogImportResult> ImportAsync(string path, int agencyId, bool skipExisting, string actor, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new CatalogImportException("机关不存在。");
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new CatalogImportException($"找不到文件 {file.FullName}。");
        }

        var (content, rows) = await ReadAsync(file, ct);
        var context = new RowContext(ChinaDate.Today(clock), clock.GetUtcNow(), actor, agency.FullName, await CategoriesAsync(agencyId, ct),
            new CatalogAttachments(file.DirectoryName!, limits));
        var (documents, skipped, errors) = await CheckAllAsync(rows, context, await ExistingAsync(agencyId, ct), skipExisting, ct);
        if (errors.Count > 0)
        {
            return new CatalogImportResult(agency.FullName, 0, 0, 0, errors);
        }

        var details = $"从文件 {UntrustedFiles.Excerpt(file.Name, 200)}（SHA-256 {Convert.ToHexStringLower(SHA256.HashData(content))}）导入已在原网站发布的主动公开文件 {documents.Count} 件到{agency.FullName}"
            + (skipped > 0 ? $"；跳过目录中已有的 {skipped} 件" : "");
        await WriteAsync(agency, documents, new AuditEntry
        {
            At = context.Now,
            UserName = actor,
            AgencyId = agencyId,
            Action = AuditActions.PublicationPublished,
            Target = UntrustedFiles.Excerpt(file.Name, 190),
            Details = details,
        }, progress, ct);
        return new CatalogImportResult(agency.FullName, documents.Count, skipped, documents.Count(d => d.Cleaned), []);
    }

    /// <summary>The file within the upload limits, its rows within the budget of one untrusted file.</summary>
    private async Task<(byte[] Content, IReadOnlyList<CatalogRow> Rows)> ReadAsync(FileInfo file, CancellationToken ct)
    {
        try
        {
            if (file.Length > limits.MaxUploadBytes)
            {
                throw UntrustedFiles.TooLarge(limits.MaxUploadBytes);
            }

            byte[] content;
            await using (var stream = file.OpenRead())
            {
                content = await UntrustedFiles.ReadAllAsync(stream, limits.MaxUploadBytes, ct);
            }

            return (content, UntrustedFiles.Run(limits, ct, budget => CatalogFile.Read(file.Name, content, budget)));
        }
        catch (UntrustedFileException e)
        {
            throw new CatalogImportException($"{file.Name}：{e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogImportException($"无法读取文件 {file.Name}。");
        }
    }

    /// <summary>The agency's catalog categories; an agency that has not opened its catalog yet gets the default tree.</summary>
    private async Task<IReadOnlySet<string>> CategoriesAsync(int agencyId, CancellationToken ct)
    {
        var names = await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Order).Select(c => c.Name).ToListAsync(ct);
        return (names.Count > 0 ? names : PublicationStore.DefaultCatalog.SelectMany(c => c.Children.Prepend(c.Name))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Everything or nothing: one transaction, a batch at a time, the audit entry with the first batch.</summary>
    private async Task WriteAsync(Agency agency, List<CheckedDocument> documents, AuditEntry audit, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var settings = await db.DisclosureSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agency.Id, ct);
        var scheme = IndexNumberScheme.Parse(settings?.IndexNumberPattern ?? IndexNumberScheme.Default);
        var used = await db.Publications.AsNoTracking().Where(p => p.AgencyId == agency.Id).Select(p => p.IndexNumber).ToListAsync(ct);
        var serials = new Dictionary<int, int>();
        string NextIndexNumber(int year)
        {
            var last = serials.TryGetValue(year, out var known) ? known : used.Select(u => scheme.SerialOf(u, agency.CreditCode, year) ?? 0).DefaultIfEmpty(0).Max();
            serials[year] = last + 1;
            return scheme.Format(agency.CreditCode, year, last + 1);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.AuditEntries.Add(audit);
            var stored = new HashSet<string>(StringComparer.Ordinal);
            var done = 0;
            progress?.Report((0, documents.Count));
            foreach (var batch in documents.Chunk(BatchSize))
            {
                await StoreFilesAsync(batch, stored, ct);
                var records = batch.Select(d => Record(agency.Id, d, NextIndexNumber(d.Publication.State.WrittenOn.Year), audit.At)).ToList();
                var numbers = records.Select(r => r.IndexNumber).ToList();
                if (await db.Publications.AsNoTracking().Where(p => numbers.Contains(p.IndexNumber)).Select(p => p.IndexNumber).FirstOrDefaultAsync(ct) is { } taken)
                {
                    throw new CatalogImportException($"索引号“{taken}”已被其他机关的文件使用：请检查本机关的索引号规则（宜含 {{credit}}）。没有导入任何文件。");
                }

                db.Publications.AddRange(records);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += batch.Length;
                progress?.Report((done, documents.Count));
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new CatalogImportException("写入数据库时出错，已全部撤销，没有导入任何文件。");
        }
    }

    /// <summary>The batch's attachments not yet kept, saved ahead of their documents so that their bytes need not all be held at once.</summary>
    private async Task StoreFilesAsync(CheckedDocument[] batch, HashSet<string> stored, CancellationToken ct)
    {
        var files = batch.SelectMany(d => d.Attachments).Where(a => !stored.Contains(a.Sha256)).DistinctBy(a => a.Sha256).ToList();
        foreach (var chunk in files.Chunk(BatchSize))
        {
            var hashes = chunk.Select(f => f.Sha256).ToList();
            stored.UnionWith(await db.StoredFiles.AsNoTracking().Where(f => hashes.Contains(f.Sha256)).Select(f => f.Sha256).ToListAsync(ct));
        }

        var pending = 0L;
        foreach (var file in files.Where(f => stored.Add(f.Sha256)))
        {
            var content = await CatalogAttachments.ReadAsync(file, ct);
            db.StoredFiles.Add(new StoredFile { Sha256 = file.Sha256, Size = content.Length, Content = content, CreatedAt = clock.GetUtcNow() });
            pending += content.Length;
            if (pending > MaxPendingBytes)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
    }

    /// <summary>The record a published document has, its workflow fields taken from the imported <see cref="Publication"/>.</summary>
    private static PublicationRecord Record(int agencyId, CheckedDocument document, string indexNumber, DateTimeOffset at)
    {
        var state = document.Publication.State;
        var record = new PublicationRecord
        {
            AgencyId = agencyId,
            IndexNumber = indexNumber,
            Title = document.Title,
            DocumentNumber = document.Number,
            Issuer = document.Issuer,
            WrittenOn = state.WrittenOn,
            Category = document.Category,
            Type = state.Type,
            Attribute = state.Attribute,
            BodyHtml = document.Html,
            Body = document.Text,
            CreatedAt = at,
        };
        record.Take(document.Publication);
        var order = 0;
        record.Attachments.AddRange(document.Attachments.Select(a => new PublicationAttachment
        {
            FileName = a.FileName,
            ContentType = a.ContentType,
            Size = a.Size,
            Sha256 = a.Sha256,
            Text = a.Text,
            Order = ++order,
        }));
        return record;
    }
}
