using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin;

public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit, GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        var name = UserName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null || user.IsDisabled)
        {
            audit.Add(AuditActions.LoginFailed, name, user is null ? "用户名不存在" : "账号已停用", user?.AgencyId, userName: name);
            await db.SaveChangesAsync();
            Error = "用户名或密码不正确。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.Add(AuditActions.LoginSucceeded, name, null, user.AgencyId, userName: name);
            await db.SaveChangesAsync();
            if (user.MustChangePassword)
            {
                return RedirectToPage("/Admin/Account/Password");
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
        }

        if (result.IsLockedOut)
        {
            audit.Add(AuditActions.LoginLockedOut, name, "连续多次密码错误", user.AgencyId, userName: name);
            await db.SaveChangesAsync();
            Error = "密码错误次数过多，账号已暂时锁定，请 15 分钟后再试或联系管理员。";
            return Page();
        }

        audit.Add(AuditActions.LoginFailed, name, "密码错误", user.AgencyId, userName: name);
        await db.SaveChangesAsync();
        Error = "用户名或密码不正确。";
        return Page();
    }
}
