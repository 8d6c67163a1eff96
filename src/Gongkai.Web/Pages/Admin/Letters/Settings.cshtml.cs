using Gongkai.Core.Agencies;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>Per agency and channel: open or not, the leader of the mailbox, the units, the reply time, approval before sending.</summary>
public sealed class SettingsModel(GongkaiDbContext db, StaffAccess access, LetterStore store, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public int AgencyId { get; set; }
    [BindProperty] public InteractionChannel Channel { get; set; }
    [BindProperty] public bool Enabled { get; set; }
    [BindProperty] public string? LeaderName { get; set; }
    [BindProperty] public string? Units { get; set; }
    [BindProperty] public int ReplyWorkingDays { get; set; }
    [BindProperty] public bool RequireApproval { get; set; }
    [BindProperty] public string? Intro { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public List<InteractionChannelSettings> Channels { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var units = (Units ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        Error = !Enum.IsDefined(Channel) ? "请选择栏目。"
            : ReplyWorkingDays is < 1 or > 60 ? "答复时限须为 1 至 60 个工作日。"
            : units.Any(u => u.Length > 100) || string.Join('\n', units).Length > 2000 ? "承办单位每个不超过 100 个字，合计不超过 2000 个字。"
            : LeaderName?.Trim().Length > 100 ? "领导姓名职务不能超过 100 个字。"
            : Intro?.Trim().Length > 1000 ? "栏目说明不能超过 1000 个字。"
            : null;
        if (Error is not null)
        {
            return Page();
        }

        var settings = await db.InteractionChannels.FirstOrDefaultAsync(s => s.AgencyId == AgencyId && s.Channel == Channel, ct);
        if (settings is null)
        {
            settings = new InteractionChannelSettings { AgencyId = AgencyId, Channel = Channel };
            db.InteractionChannels.Add(settings);
        }

        settings.Enabled = Enabled;
        settings.LeaderName = string.IsNullOrWhiteSpace(LeaderName) ? null : LeaderName.Trim();
        settings.Units = string.Join('\n', units);
        settings.ReplyWorkingDays = ReplyWorkingDays;
        settings.RequireApproval = RequireApproval;
        settings.Intro = string.IsNullOrWhiteSpace(Intro) ? null : Intro.Trim();
        audit.Add(AuditActions.InteractionSettingsSaved, InteractionNames.Of(Channel), $"{(Enabled ? "开通" : "关闭")}，{ReplyWorkingDays} 个工作日，{(RequireApproval ? "答复须审核" : "答复无需审核")}", AgencyId);
        await db.SaveChangesAsync(ct);
        TempData["done"] = $"“{InteractionNames.Of(Channel)}”的设置已保存；此后收到的来信按新的时限计算。";
        return Redirect($"/admin/letters/settings?agency={AgencyId}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!StaffAuthorization.May(User, StaffOperations.Letters.Configure))
        {
            return Forbid();
        }

        Agencies = await access.ActiveAgenciesAsync(User, ct);
        if (AgencyId == 0)
        {
            AgencyId = StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id ?? 0;
        }

        if (Agencies.All(a => a.Id != AgencyId))
        {
            return Agencies.Count == 0 ? NotFound() : Forbid();
        }

        Channels = [];
        foreach (var channel in Enum.GetValues<InteractionChannel>())
        {
            Channels.Add(await store.SettingsAsync(AgencyId, channel, ct));
        }

        Done = TempData["done"] as string;
        return null;
    }
}
