using Gongkai.Core.Participation;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Participation;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Consultations;

/// <summary>One consultation: the comments (with the commenters' contact for those who may publish), the feedback.</summary>
public sealed class DetailModel(GongkaiDbContext db, StaffAccess access, ConsultationStore store, AuditTrail audit, StaffAuthorization authz, RequestDay day) : PageModel
{
    [BindProperty] public string? Feedback { get; set; }

    public ConsultationRecord Consultation { get; private set; } = null!;
    public List<ConsultationComment> Comments { get; private set; } = [];
    public ConsultationPhase Phase { get; private set; }
    public bool MayPublish { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!MayPublish)
        {
            return Forbid();
        }

        audit.Add(AuditActions.ConsultationFeedbackPublished, Consultation.Title, null, Consultation.AgencyId);
        Error = await store.PublishFeedbackAsync(id, Feedback, day.Today, ct);
        if (Error is not null)
        {
            Feedback = Gongkai.Web.Requests.FormEcho.Cap(Feedback, Core.Participation.Consultation.FeedbackMax);
            return await LoadAsync(id, ct) ?? Page();
        }

        TempData["Message"] = "已公布意见采纳情况。";
        return Redirect($"/admin/consultations/{id}");
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var found = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (!await access.CanAccessAsync(User, found.AgencyId, ct))
        {
            return Forbid();
        }

        Consultation = found;
        Phase = found.ToConsultation().PhaseOn(day.Today);
        MayPublish = await authz.MayAsync(User, StaffOperations.Publications.Publish, found.AgencyId);
        Comments = await db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == id).OrderBy(c => c.Id).ToListAsync(ct);
        return null;
    }
}
