using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Users;

[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class IndexModel(GongkaiDbContext db, UserManager<StaffUser> users, StaffAccess access, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Row(StaffUser User, string? AgencyName, IReadOnlyList<string> Roles, bool LockedOut);

    public List<Row> Rows { get; } = [];

    public async Task OnGetAsync()
    {
        var ids = (await access.ScopeAsync(User))?.ToList();
        var list = await db.Users.AsNoTracking()
            .Where(u => ids == null || (u.AgencyId != null && ids.Contains(u.AgencyId.Value)))
            .OrderBy(u => u.AgencyId).ThenBy(u => u.UserName).ToListAsync();
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.FullName);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        foreach (var u in list)
        {
            Rows.Add(new Row(u, u.AgencyId is { } a ? names.GetValueOrDefault(a) : null,
                roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.LockoutEnd > now));
        }
    }

    public async Task<IActionResult> OnPostSetDisabledAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!await MayManageAsync(user) || user.UserName == User.Identity?.Name)
        {
            return Forbid();
        }

        await using var step = await audit.BeginStepAsync();
        user.IsDisabled = disabled;
        // A new security stamp ends the account's open sessions on every node.
        await users.UpdateSecurityStampAsync(user);
        audit.Add(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.UserName, null, user.AgencyId);
        await db.SaveChangesAsync();
        await step.CommitAsync();
        TempData["Message"] = disabled ? $"已停用账号 {user.UserName}。" : $"已启用账号 {user.UserName}。";
        return RedirectToPage();
    }

    private async Task<bool> MayManageAsync(StaffUser user) =>
        user.AgencyId is { } agency ? await access.CanAccessAsync(User, agency) : StaffAccess.IsPlatformAdministrator(User);
}
