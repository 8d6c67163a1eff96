using Gongkai.Core.Agencies;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Pages.Interaction;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>A letter that came by phone, post or in person, typed in by the office; handled like one written on the portal.</summary>
public sealed class NewModel(GongkaiDbContext db, StaffAccess access, LetterStore store, AuditTrail audit, RequestDay day, StaffAuthorization authz) : PageModel
{
    public static readonly string[] Sources = ["电话", "信件", "当面", "其他"];

    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public InteractionChannel Channel { get; set; } = InteractionChannel.Inquiry;
    [BindProperty] public string Source { get; set; } = "电话";
    [BindProperty] public LetterForm Form { get; set; } = new();

    public List<Agency> Agencies { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!StaffAuthorization.May(User, StaffOperations.Letters.Assign))
        {
            return Forbid();
        }

        Agencies = await access.ActiveAgenciesAsync(User, ct);
        AgencyId = StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Letters.Assign, AgencyId))
        {
            return Forbid();
        }

        Agencies = await access.ActiveAgenciesAsync(User, ct);
        if (!Sources.Contains(Source))
        {
            Errors = new Dictionary<string, string> { ["Source"] = "请选择来信方式。" };
            return Page();
        }

        await using var step = await audit.BeginStepAsync(ct);
        var outcome = await store.SubmitAsync(AgencyId, Form.ToInput(Channel), [], day.Today,
            actor: $"{User.Identity!.Name}（{Source}来信登记）", ct: ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            return Page();
        }

        audit.Add(AuditActions.LetterChanged, $"来信 {outcome.Letter!.Id}", $"登记{Source}来信", AgencyId);
        await db.SaveChangesAsync(ct);
        await step.CommitAsync(ct);
        TempData[Gongkai.Web.Pages.Shared.StaffStep.DoneKey] = $"已登记，查询码 {Gongkai.Infrastructure.Requests.RequestStore.FormatCode(outcome.Letter.TrackingCode)}（请告知来信人）。";
        return Redirect($"/admin/letters/{outcome.Letter.Id}");
    }
}
