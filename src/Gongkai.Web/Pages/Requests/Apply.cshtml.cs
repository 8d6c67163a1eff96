using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Pages.Shared;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Requests;

/// <summary>The public application form: no account, works without JavaScript; on success, a receipt with the tracking code.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongkai.Web.Security.RateLimits.Apply)]
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class ApplyModel(GongkaiDbContext db, RequestStore store, PortalContext portal, UntrustedFileLimits limits, RequestDay day) : PageModel
{
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public ApplicationForm Form { get; set; } = new();
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public List<string> FileErrors { get; private set; } = [];
    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        AgencyId = (await portal.CurrentAgencyAsync(HttpContext))?.Id ?? 0;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var application = Form.ToApplication();
        Errors = application.Validate();
        (var files, FileErrors, var fileStatus) = await ApplicationForm.ReadAttachmentsAsync(Attachments, limits, ct);
        var agencyOk = await db.Agencies.AnyAsync(a => a.Id == AgencyId && a.IsActive, ct);
        if (!agencyOk)
        {
            FileErrors.Insert(0, "请选择受理申请的机关。");
        }

        if (Errors.Count > 0 || FileErrors.Count > 0)
        {
            // A refused attachment is answered with its status; other mistakes in the form stay a 200 with the form.
            if (fileStatus is { } status)
            {
                Response.StatusCode = status;
            }

            Form.CapForRedisplay();
            await LoadAsync();
            return Page();
        }

        var created = await store.CreateAsync(AgencyId, application, Channel.Online, Actor.Applicant, day.Today, null, files, ct);
        TempData["TrackingCode"] = created.Record.TrackingCode;
        return Redirect("/apply/received");
    }

    private async Task LoadAsync() =>
        Agencies = AgencyTree.InTreeOrder(await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToListAsync());
}
