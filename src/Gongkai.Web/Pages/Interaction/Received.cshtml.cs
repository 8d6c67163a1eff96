using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Interaction;

/// <summary>The receipt shown once after writing: the tracking code travels in TempData, never in the address bar.</summary>
public sealed class ReceivedModel(GongkaiDbContext db) : PageModel
{
    public LetterRecord? Letter { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (TempData.Peek("LetterCode") is not string code)
        {
            return Redirect("/interaction/track");
        }

        Letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.TrackingCode == code, ct);
        return Letter is null ? Redirect("/interaction/track") : Page();
    }
}
