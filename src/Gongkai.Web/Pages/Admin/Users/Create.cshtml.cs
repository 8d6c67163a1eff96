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

[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class CreateModel(GongkaiDbContext db, UserManager<StaffUser> users, StaffAccess access, AuditTrail audit) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public int? AgencyId { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    public List<string> Errors { get; } = [];
    public List<Agency> AgencyChoices { get; } = [];
    public string? IssuedPassword { get; private set; }

    public async Task OnGetAsync()
    {
        AgencyId = StaffClaims.AgencyOf(User);
        await LoadChoicesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive))
        {
            Errors.Add("请选择所属机关。");
        }
        else if (!await access.CanAccessAsync(User, agencyId))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(UserName))
        {
            Errors.Add("请填写用户名。");
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            Errors.Add("请填写姓名。");
        }

        var roles = Roles.Where(StaffRoles.IsKnown).Distinct().ToList();
        if (roles.Count == 0)
        {
            Errors.Add("请至少选择一个角色。");
        }

        if (Errors.Count > 0)
        {
            await LoadChoicesAsync();
            return Page();
        }

        var password = DatabaseInitializer.NewPassword();
        var user = new StaffUser { UserName = UserName!.Trim(), DisplayName = DisplayName!.Trim(), AgencyId = AgencyId, MustChangePassword = true, LockoutEnabled = true };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, roles);
        }

        if (!created.Succeeded)
        {
            await transaction.RollbackAsync();
            Errors.AddRange(created.Errors.Select(e => e.Description));
            await LoadChoicesAsync();
            return Page();
        }

        audit.Add(AuditActions.UserCreated, user.UserName, $"角色：{string.Join("、", roles.Select(StaffRoles.DisplayName))}", user.AgencyId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        IssuedPassword = password;
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        AgencyChoices.AddRange(await access.ActiveAgenciesAsync(User));
    }
}
