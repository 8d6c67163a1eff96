using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>One proactively disclosed document: the standard metadata table, a banner when repealed or expired, the body.</summary>
public sealed class DocumentModel(GongkaiDbContext db) : PageModel
{
    public PublicationRecord Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var document = await db.Publications.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && p.Attribute == DisclosureAttribute.Proactive && p.PublishedOn != null, ct);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
