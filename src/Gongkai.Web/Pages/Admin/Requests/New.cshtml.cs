using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>A clerk records a request that came in person, by post, fax or e-mail.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class NewModel(GongkaiDbContext db, StaffAccess access, RequestStore store, AuditTrail audit, Gongkai.Infrastructure.Files.UntrustedFileLimits limits, RequestDay day, StaffAuthorization authz) : PageModel
{
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public Channel Channel { get; set; } = Channel.InPerson;
    [BindProperty] public DateOnly SubmittedOn { get; set; }
    [BindProperty] public DateOnly? SignedOn { get; set; }
    [BindProperty] public ApplicationForm Form { get; set; } = new() { ObtainMethod = ObtainMethod.PickUp, ProvisionForm = ProvisionForm.Paper };
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public List<string> OtherErrors { get; } = [];
    public List<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!StaffAuthorization.May(User, StaffOperations.Requests.Register))
        {
            return Forbid();
        }

        SubmittedOn = day.Today;
        AgencyId = StaffClaims.AgencyOf(User) ?? 0;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Requests.Register, AgencyId))
        {
            return Forbid();
        }

        var application = Form.ToApplication();
        Errors = application.Validate();
        var (files, fileErrors, fileStatus) = await ApplicationForm.ReadAttachmentsAsync(Attachments, limits, ct);
        OtherErrors.AddRange(fileErrors);
        if (fileStatus is { } status)
        {
            Response.StatusCode = status;
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == AgencyId && a.IsActive, ct))
        {
            OtherErrors.Add("请选择受理机关。");
        }

        if (Errors.Count > 0 || OtherErrors.Count > 0)
        {
            Form.CapForRedisplay();
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            var by = new Actor(User.Identity!.Name!, StaffClaims.NameOf(User));
            audit.Add(AuditActions.RequestRegistered, application.InformationTitle, $"渠道：{Channel.DisplayName()}", AgencyId);
            var created = await store.CreateAsync(AgencyId, application, Channel, by, SubmittedOn, Channel == Channel.RegisteredMail ? SignedOn : null, files, ct);
            TempData["Message"] = $"已登记，查询码 {RequestStore.FormatCode(created.Record.TrackingCode)}。";
            return Redirect($"/admin/requests/{created.Record.Id}");
        }
        catch (RequestRuleException e)
        {
            db.ChangeTracker.Clear();
            OtherErrors.Add(e.Message);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
    }
}
