using Gongkai.Core.Participation;
using Gongkai.Infrastructure.Participation;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Consultations;

/// <summary>One draft out for comment: the text, the period, the comment form while it runs, the feedback after.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongkai.Web.Security.RateLimits.Letters)]
public sealed class DetailModel(GongkaiDbContext db, ConsultationStore store, RequestDay day) : PageModel
{
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Contact { get; set; }

    public ConsultationRecord Consultation { get; private set; } = null!;
    public ConsultationPhase Phase { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Error = await store.CommentAsync(id, Comment, Name, Contact, day.Today, ct);
        if (Error is null)
        {
            (Comment, Name, Contact) = (null, null, null);
            Done = "您的意见已提交，感谢参与。征求意见结束后，我们将公布意见采纳情况。";
        }
        else
        {
            Comment = Gongkai.Web.Requests.FormEcho.Cap(Comment, Core.Participation.Consultation.CommentMax);
            Name = Gongkai.Web.Requests.FormEcho.Cap(Name, 50);
            Contact = Gongkai.Web.Requests.FormEcho.Cap(Contact, 100);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var found = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OpensOn <= day.Today, ct);
        if (found is null)
        {
            return false;
        }

        Consultation = found;
        Phase = found.ToConsultation().PhaseOn(day.Today);
        AgencyName = await db.Agencies.Where(a => a.Id == found.AgencyId).Select(a => a.FullName).SingleAsync(ct);
        return true;
    }
}
