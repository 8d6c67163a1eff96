using Gongkai.Core.Reminders;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Reminders;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Agencies;

/// <summary>An agency's deadline reminders and daily digest (docs/reminders.md): set by an administrator of its subtree.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class RemindersModel(GongkaiDbContext db, ReminderStore store, StaffAuthorization authz, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public bool Enabled { get; set; }
    [BindProperty] public int? DaysBefore { get; set; }
    [BindProperty] public int? OverdueEvery { get; set; }
    [BindProperty] public bool NotifyHandler { get; set; }
    [BindProperty] public bool NotifyHeads { get; set; }
    [BindProperty] public bool DigestEnabled { get; set; }
    [BindProperty] public bool DigestToHeads { get; set; }
    [BindProperty] public string? DigestMailbox { get; set; }

    public string AgencyName { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var s = await store.SettingsAsync(Id, ct);
        (Enabled, DaysBefore, OverdueEvery, NotifyHandler, NotifyHeads) = (s.Enabled, s.DaysBefore, s.OverdueEvery, s.NotifyHandler, s.NotifyHeads);
        (DigestEnabled, DigestToHeads, DigestMailbox) = (s.DigestEnabled, s.DigestToHeads, s.DigestMailbox);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (DaysBefore is null)
        {
            errors[nameof(DaysBefore)] = "请填写提前提醒的工作日数（1 至 10 的整数）。";
        }

        if (OverdueEvery is null)
        {
            errors[nameof(OverdueEvery)] = "请填写超期后重复提醒的间隔（0 表示只提醒一次）。";
        }

        var settings = new ReminderSettings
        {
            Enabled = Enabled,
            DaysBefore = DaysBefore ?? ReminderSettings.Default.DaysBefore,
            OverdueEvery = OverdueEvery ?? 0,
            NotifyHandler = NotifyHandler,
            NotifyHeads = NotifyHeads,
            DigestEnabled = DigestEnabled,
            DigestToHeads = DigestToHeads,
            DigestMailbox = DigestMailbox,
        };
        if (errors.Count == 0)
        {
            foreach (var (field, error) in await store.StageAsync(Id, settings, User.Identity?.Name ?? "", ct))
            {
                errors[field] = error;
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            Errors = errors;
            return Page();
        }

        audit.Add(AuditActions.ReminderSettingsSaved, AgencyName, Describe(settings), Id);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已保存“{AgencyName}”的期限提醒设置。";
        return Redirect("/admin/agencies");
    }

    /// <summary>The settings in words for the audit log (the mailbox is the office's, not a person's data).</summary>
    private static string Describe(ReminderSettings s) =>
        $"期限提醒：{(s.Enabled ? "开" : "关")}，提前 {s.DaysBefore} 个工作日，超期{(s.OverdueEvery > 0 ? $"每 {s.OverdueEvery} 个工作日" : "提醒一次")}，"
        + $"承办人：{(s.NotifyHandler ? "是" : "否")}，负责人：{(s.NotifyHeads ? "是" : "否")}；每日汇总：{(s.DigestEnabled ? "开" : "关")}，"
        + $"发给负责人：{(s.DigestToHeads ? "是" : "否")}，邮箱：{s.DigestMailbox?.Trim() ?? "无"}";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Reminders.Configure, Id))
        {
            return Forbid();
        }

        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == Id).Select(a => a.FullName).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }

        AgencyName = name;
        return null;
    }
}
