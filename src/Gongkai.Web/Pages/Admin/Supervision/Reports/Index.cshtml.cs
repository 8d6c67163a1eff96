using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Requests;
using Gongkai.Infrastructure.Supervision;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Supervision.Reports;

/// <summary>
/// Published annual reports of the tree's agencies — usually agencies not on the platform — uploaded a few at a time,
/// checked and kept with their findings; the list and the summary per agency and rule, as a page and as .xlsx.
/// Supervisors and administrators, within their subtree (docs/supervision.md).
/// </summary>
[Authorize(Policy = StaffPolicies.Supervision)]
public sealed class IndexModel(SupervisedReportStore store, StaffAccess access, StaffAuthorization authorization, UntrustedFileLimits limits) : PageModel
{
    /// <summary>Files in one upload; a whole folder goes through the CLI (gongkai supervision check-folder).</summary>
    public const int MaxFiles = 20;

    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];
    /// <summary>The report year listed and summed (null: all years).</summary>
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    public List<SupervisedReportRecord> Reports { get; private set; } = [];
    public SupervisedSummary Summary { get; private set; } = SupervisedReportStore.Summary([]);
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Error { get; private set; }
    public bool MayCheck => StaffAuthorization.May(User, StaffOperations.Supervision.CheckReports);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(SupervisedReportExports.Xlsx(Summary, Year), SupervisionExports.XlsxType, SupervisedReportExports.FileName(Year));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authorization.MayAsync(User, StaffOperations.Supervision.CheckReports))
        {
            return Forbid();
        }

        var chosen = Uploads.Where(u => u.Length > 0 || u.FileName.Length > 0).ToList();
        if (chosen.Count == 0 || chosen.Count > MaxFiles)
        {
            Error = chosen.Count == 0 ? "请选择要检查的报告文件（可多选）。" : $"一次最多上传 {MaxFiles} 个文件；整个文件夹请用命令行 gongkai supervision check-folder。";
            Response.StatusCode = chosen.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status413PayloadTooLarge;
            await LoadAsync(ct);
            return Page();
        }

        var files = new List<ReportFile>();
        foreach (var upload in chosen)
        {
            var name = AttachmentRules.SafeName(upload.FileName) is { Length: > 0 } safe ? safe : "未命名文件";
            try
            {
                if (upload.Length > limits.MaxUploadBytes)
                {
                    throw UntrustedFiles.TooLarge(limits.MaxUploadBytes);
                }

                await using var stream = upload.OpenReadStream();
                files.Add(new ReportFile(name, await UntrustedFiles.ReadAllAsync(stream, limits.MaxUploadBytes, ct)));
            }
            catch (UntrustedFileException e)
            {
                // Kept as a row with its reason: the office sees which of its files was not checked and why.
                files.Add(new ReportFile(name, [], e.Message, upload.Length));
            }
        }

        var outcome = await store.CheckAndSaveAsync(files, StaffClaims.AgencyOf(User), User.Identity!.Name!, ct: ct);
        var saved = outcome.Reports;
        TempData["Message"] = $"已检查 {saved.Count} 份报告：{saved.Count(r => r.Errors > 0)} 份有错误，{saved.Count(r => r.ReadError is not null)} 份无法读取"
            + (outcome.Replaced > 0 ? $"；{outcome.Replaced} 份此前检查过，已替换为本次结果。" : "。");
        var years = saved.Select(r => r.Year).Distinct().ToList();
        return Redirect(years is [{ } only] ? $"/admin/supervision/reports?year={only}" : "/admin/supervision/reports");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        var row = await store.FindAsync(id, scope, ct);
        if (row is null)
        {
            return NotFound();
        }

        var allowed = row.SupervisorAgencyId is { } office
            ? await authorization.MayAsync(User, StaffOperations.Supervision.CheckReports, office)
            : await authorization.MayAsync(User, StaffOperations.Supervision.CheckReports);
        if (!allowed || !await store.DeleteAsync(id, scope, User.Identity!.Name!, ct))
        {
            return Forbid();
        }

        TempData["Message"] = "已删除该报告的检查记录。";
        return Redirect(Year is { } y ? $"/admin/supervision/reports?year={y}" : "/admin/supervision/reports");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        var all = await store.ListAsync(scope, null, ct);
        Years = all.Where(r => r.Year is not null).Select(r => r.Year!.Value).Distinct().OrderDescending().ToList();
        Reports = Year is { } year ? all.Where(r => r.Year == year).ToList() : all;
        Summary = SupervisedReportStore.Summary(Reports);
    }
}
