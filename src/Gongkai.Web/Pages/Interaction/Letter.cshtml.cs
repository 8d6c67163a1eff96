using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Interaction;

/// <summary>A published letter and its reply: only the copy edited for publication, never the writer's details.</summary>
public sealed class LetterModel(GongkaiDbContext db) : PageModel
{
    public LetterRecord Letter { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.IsPublished, ct);
        if (letter is null)
        {
            return NotFound();
        }

        Letter = letter;
        AgencyName = await db.Agencies.Where(a => a.Id == letter.AgencyId).Select(a => a.FullName).SingleAsync(ct);
        return Page();
    }
}
