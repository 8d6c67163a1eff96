using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>
/// One proactively disclosed document: the standard metadata table, a banner when repealed or expired, the body,
/// its attachments, and its policy interpretation (or, for an interpretation, the policy it explains).
/// </summary>
public sealed class DocumentModel(GongkaiDbContext db) : PageModel
{
    public PublicationRecord Document { get; private set; } = null!;
    public PublicationRecord? Policy { get; private set; }
    public List<PublicationRecord> Interpretations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PublishedAsync(id, ct) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        Policy = document.InterpretsId is { } policyId ? await PublishedAsync(policyId, ct) : null;
        Interpretations = await db.Publications.AsNoTracking()
            .Where(p => p.InterpretsId == id && p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive)
            .OrderBy(p => p.Id).ToListAsync(ct);
        return Page();
    }

    /// <summary>An attachment of a published document: images inline, other files as downloads.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long attachment, CancellationToken ct)
    {
        if (await PublishedAsync(id, ct) is not { } document || document.Attachments.FirstOrDefault(a => a.Id == attachment) is not { } file)
        {
            return NotFound();
        }

        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == file.Sha256).Select(f => f.Content).FirstAsync(ct);
        Response.Headers.CacheControl = "public, max-age=86400";
        return PublicationFiles.IsImage(file.ContentType) ? File(content, file.ContentType) : File(content, file.ContentType, file.FileName);
    }

    private Task<PublicationRecord?> PublishedAsync(long id, CancellationToken ct) =>
        db.Publications.AsNoTracking().Include(p => p.Attachments)
            .FirstOrDefaultAsync(p => p.Id == id && p.Attribute == DisclosureAttribute.Proactive && p.Status == PublicationStatus.Published, ct);
}
