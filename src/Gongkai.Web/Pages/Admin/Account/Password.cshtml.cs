using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Account;

public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditTrail audit, GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public List<string> Errors { get; } = [];
    public bool MustChange => User.HasClaim(StaffClaims.MustChangePassword, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Current) || string.IsNullOrEmpty(New))
        {
            Errors.Add("请填写当前密码和新密码。");
            return Page();
        }

        if (New != Confirm)
        {
            Errors.Add("两次输入的新密码不一致。");
            return Page();
        }

        if (New == Current)
        {
            Errors.Add("新密码不能与当前密码相同。");
            return Page();
        }

        await using var step = await audit.BeginStepAsync();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        audit.Add(AuditActions.PasswordChanged, user.UserName);
        await db.SaveChangesAsync();
        await step.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改。";
        return Redirect("/admin");
    }
}
