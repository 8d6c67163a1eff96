using Gongkai.Core.Agencies;
using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Appeals;

public sealed class EditModel(GongkaiDbContext db, StaffAccess access, AuditTrail audit, Gongkai.Infrastructure.Appeals.AppealStore store, RequestDay day, StaffAuthorization authz) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public AppealKind Kind { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public string? RequestCode { get; set; }
    [BindProperty] public DateOnly? FiledOn { get; set; }
    [BindProperty] public AppealResult Result { get; set; } = AppealResult.Pending;
    [BindProperty] public DateOnly? ConcludedOn { get; set; }
    [BindProperty] public string? Notes { get; set; }
    public string? Error { get; private set; }
    public List<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!StaffAuthorization.May(User, StaffOperations.Appeals.Record))
        {
            return Forbid();
        }

        if (Id is { } id)
        {
            var existing = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (existing is null)
            {
                return NotFound();
            }

            if (!await access.CanAccessAsync(User, existing.AgencyId, ct))
            {
                return Forbid();
            }

            (AgencyId, Kind, Body, CaseNumber, FiledOn, Result, ConcludedOn, Notes) =
                (existing.AgencyId, existing.Kind, existing.Body, existing.CaseNumber, existing.FiledOn, existing.Result, existing.ConcludedOn, existing.Notes);
            RequestCode = existing.RequestId is { } rid ? await db.Requests.Where(r => r.Id == rid).Select(r => r.TrackingCode).FirstOrDefaultAsync(ct) : null;
        }
        else
        {
            AgencyId = StaffClaims.AgencyOf(User) ?? 0;
            FiledOn = day.Today;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Appeals.Record, AgencyId))
        {
            return Forbid();
        }

        AppealCase? existing = null;
        if (Id is { } id)
        {
            existing = await db.Appeals.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (existing is null)
            {
                return NotFound();
            }

            if (!await access.CanAccessAsync(User, existing.AgencyId, ct))
            {
                return Forbid();
            }
        }

        long? requestId = null;
        if (!string.IsNullOrWhiteSpace(RequestCode))
        {
            var code = RequestStore.NormalizeCode(RequestCode);
            var request = await db.Requests.AsNoTracking().Where(r => r.TrackingCode == code).Select(r => new { r.Id, r.AgencyId }).FirstOrDefaultAsync(ct);
            if (request is null || !await access.CanAccessAsync(User, request.AgencyId, ct))
            {
                return await FailAsync("没有这个查询码的申请，或该申请不在您的管理范围内。", ct);
            }

            requestId = request.Id;
        }

        var appeal = new AppealCase
        {
            Id = existing?.Id ?? 0,
            AgencyId = AgencyId,
            Kind = Kind,
            RequestId = requestId,
            Body = Body?.Trim() ?? "",
            CaseNumber = string.IsNullOrWhiteSpace(CaseNumber) ? null : CaseNumber.Trim(),
            FiledOn = FiledOn ?? day.Today,
            ConcludedOn = Result == AppealResult.Pending ? null : ConcludedOn,
            Result = Result,
            Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        };
        if (FiledOn is null)
        {
            return await FailAsync("请填写立案（收到）日期。", ct);
        }

        // The entry joins the unit of work: the store saves it with the case in one SaveChanges.
        audit.Add(AuditActions.AppealRecorded, appeal.CaseNumber ?? appeal.Body, $"{appeal.Kind.DisplayName()}，{appeal.Result.DisplayName()}", AgencyId);
        if (await store.SaveAsync(existing, appeal, day.Today, ct) is { } refused)
        {
            db.ChangeTracker.Clear();
            return await FailAsync(refused, ct);
        }

        TempData["Message"] = "已保存案件。";
        return Redirect($"/admin/appeals?year={appeal.FiledOn.Year}");
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        Error = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
    }
}
