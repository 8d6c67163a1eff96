using Gongkai.Infrastructure.Supervision;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Supervision.Reports;

/// <summary>One checked report: what was read of it and its findings; the agency it is of may be corrected. Another tree's report is not found (404).</summary>
[Authorize(Policy = StaffPolicies.Supervision)]
public sealed class DetailModel(SupervisedReportStore store, StaffAccess access, StaffAuthorization authorization) : PageModel
{
    public const int MaxAgencyName = 200;

    [BindProperty] public string? AgencyName { get; set; }

    public SupervisedReportRecord Report { get; private set; } = null!;
    public IReadOnlyList<StoredFinding> Findings { get; private set; } = [];
    public string? Error { get; private set; }
    public bool MayCheck => StaffAuthorization.May(User, StaffOperations.Supervision.CheckReports);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var allowed = Report.SupervisorAgencyId is { } office
            ? await authorization.MayAsync(User, StaffOperations.Supervision.CheckReports, office)
            : await authorization.MayAsync(User, StaffOperations.Supervision.CheckReports);
        if (!allowed)
        {
            return Forbid();
        }

        var name = AgencyName?.Trim() ?? "";
        if (name.Length is 0 or > MaxAgencyName)
        {
            Error = name.Length == 0 ? "请填写机关名称。" : $"机关名称不能超过 {MaxAgencyName} 个字。";
            return Page();
        }

        await store.RenameAsync(id, name, await access.ScopeAsync(User, ct), User.Identity!.Name!, ct);
        TempData["Message"] = "已修改机关名称。";
        return Redirect($"/admin/supervision/reports/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var row = await store.FindAsync(id, await access.ScopeAsync(User, ct), ct);
        if (row is null)
        {
            return false;
        }

        (Report, Findings) = (row, SupervisedReportStore.Findings(row).OrderByDescending(f => f.Severity).ToList());
        AgencyName ??= row.AgencyName;
        return true;
    }
}
