using Gongkai.Core.Agencies;
using Gongkai.Core.Participation;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Participation;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Consultations;

/// <summary>意见征集 in the back office: the agencies' consultations, and a new one put out for comment.</summary>
public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, ConsultationStore store, AuditTrail audit, StaffAuthorization authz, RequestDay day) : PageModel
{
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public DateOnly? OpensOn { get; set; }
    [BindProperty] public DateOnly? ClosesOn { get; set; }

    public List<ConsultationRecord> Consultations { get; private set; } = [];
    public Dictionary<long, int> CommentCounts { get; private set; } = [];
    public List<Agency> Agencies { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today { get; private set; }
    public bool MayStart => StaffAuthorization.May(User, StaffOperations.Publications.Publish);

    public async Task OnGetAsync(CancellationToken ct)
    {
        (OpensOn, ClosesOn) = (day.Today, day.Today.AddDays(29));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Publications.Publish, AgencyId))
        {
            return Forbid();
        }

        audit.Add(AuditActions.ConsultationStarted, Title?.Trim() ?? "", $"{OpensOn:yyyy-MM-dd} 至 {ClosesOn:yyyy-MM-dd}", AgencyId);
        var (record, errors) = await store.StartAsync(AgencyId, new ConsultationInput(Title, Body, OpensOn, ClosesOn), day.Today, User.Identity!.Name!, ct);
        if (record is null)
        {
            Errors = errors;
            Body = Gongkai.Web.Requests.FormEcho.Cap(Body, Consultation.BodyMax);
            Title = Gongkai.Web.Requests.FormEcho.Cap(Title, Consultation.TitleMax);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = $"已发布征求意见：{record.Title}。";
        return Redirect($"/admin/consultations/{record.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = day.Today;
        var scope = (await access.ScopeAsync(User, ct))?.ToList();
        Consultations = await db.Consultations.AsNoTracking().Where(c => scope == null || scope.Contains(c.AgencyId))
            .OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        var ids = Consultations.Select(c => c.Id).ToList();
        CommentCounts = await db.ConsultationComments.AsNoTracking().Where(m => ids.Contains(m.ConsultationId))
            .GroupBy(m => m.ConsultationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Agencies = await access.ActiveAgenciesAsync(User, ct);
    }
}
