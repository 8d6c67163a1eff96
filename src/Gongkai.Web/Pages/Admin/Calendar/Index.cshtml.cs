using System.Text;
using Gongkai.Core.Calendar;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Calendar;

public sealed class IndexModel(GongkaiDbContext db, CalendarStore store, AuditTrail audit, Gongkai.Infrastructure.Requests.RequestStore requests,
    Gongkai.Infrastructure.Interaction.LetterStore letters, StaffAuthorization authz) : PageModel
{
    public const int MaxFileBytes = 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Json { get; set; }
    [BindProperty] public string? Note { get; set; }

    public HolidaySchedule Schedule { get; private set; } = null!;
    public List<CalendarVersion> Versions { get; private set; } = [];
    public bool CanImport { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await authz.MayAsync(User, StaffOperations.Administration.ConfigureDeployment))
        {
            return Forbid();
        }

        string? content = Json;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxFileBytes)
            {
                return await FailAsync("文件超过 1 MB，不像是节假日安排文件。");
            }

            using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
            content = await reader.ReadToEndAsync();
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            return await FailAsync("请选择文件或粘贴 JSON 内容。");
        }

        try
        {
            var before = await store.GetCalendarAsync();
            audit.Add(AuditActions.CalendarImported, "节假日安排", $"上传内容 SHA-256 {CalendarStore.Sha256(content)}；说明：{Note}");
            var result = await store.ImportAsync(content, User.Identity!.Name!, Note);
            // Also a new year that changes no known day: the provisional dates reckoned for it become official.
            var after = await store.GetCalendarAsync();
            var moved = await requests.RecomputeOpenDeadlinesAsync(before, after, $"节假日安排变更（版本 {result.Version.Id}）");
            var lettersMoved = await letters.RecomputeProvisionalDueAsync(before, after);
            TempData["Message"] = $"已导入 {string.Join("、", result.YearsImported)} 年，生成版本 {result.Version.Id}。"
                + (result.ChangedDays.Count > 0 ? $"与之前相比变化的日期 {result.ChangedDays.Count} 天。" : "")
                + $"{moved} 件申请的答复期限随之调整，已记入办理记录并告知留有电子邮箱的申请人。"
                + (lettersMoved > 0 ? $"{lettersMoved} 件来信的答复期限随之调整。" : "");
            return RedirectToPage();
        }
        catch (CalendarDataException e)
        {
            db.ChangeTracker.Clear();
            return await FailAsync(e.Message);
        }
    }

    private async Task<IActionResult> FailAsync(string message)
    {
        Error = message;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Schedule = (await store.GetCalendarAsync()).Schedule;
        Versions = await db.CalendarVersions.AsNoTracking().OrderByDescending(v => v.Id).ToListAsync();
        CanImport = await authz.MayAsync(User, StaffOperations.Administration.ConfigureDeployment);
    }
}
