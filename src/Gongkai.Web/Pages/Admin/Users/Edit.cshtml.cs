using Gongkai.Core.Agencies;
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

/// <summary>Change an account's name, agency and roles, or give it a new one-time password.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class EditModel(GongkaiDbContext db, UserManager<StaffUser> users, StaffAccess access, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? DisplayName { get; set; }
    /// <summary>Where deadline reminders and the daily digest reach this staff member (docs/reminders.md).</summary>
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public int? AgencyId { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    public string? UserName { get; private set; }
    public List<string> Errors { get; } = [];
    public List<Agency> AgencyChoices { get; } = [];
    public string? IssuedPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        if (!await MayManageAsync(user))
        {
            return Forbid();
        }

        (UserName, DisplayName, AgencyId, Email) = (user.UserName, user.DisplayName, user.AgencyId, user.Email);
        Roles = [.. await users.GetRolesAsync(user)];
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        if (!await MayManageAsync(user))
        {
            return Forbid();
        }

        UserName = user.UserName;
        var roles = Roles.Where(StaffRoles.IsKnown).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            Errors.Add("请填写姓名。");
        }

        if (roles.Count == 0)
        {
            Errors.Add("请至少选择一个角色。");
        }

        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (email is not null && !Gongkai.Core.Reminders.ReminderSettings.LooksLikeMailbox(email))
        {
            Errors.Add("电子邮箱格式不正确，应如 zhangsan@example.gov.cn。");
        }

        if (AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive))
        {
            Errors.Add("请选择所属机关。");
        }
        else if (!await access.CanAccessAsync(User, agencyId))
        {
            return Forbid();
        }

        if (user.UserName == User.Identity?.Name && !roles.Contains(StaffRoles.Administrator))
        {
            Errors.Add("不能取消自己的系统管理员角色，以免无人管理。");
        }

        if (Errors.Count > 0)
        {
            await LoadChoicesAsync();
            return Page();
        }

        var before = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DisplayName = DisplayName!.Trim();
        user.AgencyId = AgencyId;
        var emailChanged = !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase);
        user.Email = email;
        await users.RemoveFromRolesAsync(user, before.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(before));
        // Roles and agency live in the cookie: a new stamp makes open sessions pick up the change.
        await users.UpdateSecurityStampAsync(user);
        audit.Add(AuditActions.UserUpdated, user.UserName,
            $"角色：{string.Join("、", before.Select(StaffRoles.DisplayName))} → {string.Join("、", roles.Select(StaffRoles.DisplayName))}{(emailChanged ? "；电子邮箱已修改" : "")}", user.AgencyId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Message"] = $"已保存账号 {user.UserName}。";
        return Redirect("/admin/users");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        // The form carries the agency too; one outside the user's reach is refused even though this step ignores it.
        if (!await MayManageAsync(user) || (AgencyId is { } agencyId && !await access.CanAccessAsync(User, agencyId)))
        {
            return Forbid();
        }

        var password = DatabaseInitializer.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return await OnGetAsync();
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(AuditActions.PasswordReset, user.UserName, null, user.AgencyId);
        await db.SaveChangesAsync();
        await OnGetAsync();
        IssuedPassword = password;
        return Page();
    }

    private async Task<bool> MayManageAsync(StaffUser user) =>
        user.AgencyId is { } agency ? await access.CanAccessAsync(User, agency) : StaffAccess.IsPlatformAdministrator(User);

    private async Task LoadChoicesAsync()
    {
        AgencyChoices.AddRange(await access.ActiveAgenciesAsync(User));
    }
}
