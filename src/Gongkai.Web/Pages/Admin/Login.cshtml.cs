using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin;

/// <summary>
/// The staff login. Every attempt costs the same whether the name exists or not (a password hash is always checked),
/// wrong passwords slow the guesser down instead of locking the account (<see cref="LoginThrottle"/>), and the audit
/// log records a bounded, cleaned copy of the name typed.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher,
    LoginThrottle throttle, AuditTrail audit, GongkaiDbContext db) : PageModel
{
    /// <summary>No account name is longer; a longer one is refused like an unknown one, without a database lookup.</summary>
    public const int MaxUserNameLength = StaffUserValidator.MaxUserName;

    private static string? _dummyHash;

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
        var key = LoginThrottle.Key(name.Length > MaxUserNameLength ? name[..MaxUserNameLength] : name, HttpContext.Connection.RemoteIpAddress);
        if (await throttle.WaitForAsync(key) is var wait && wait > TimeSpan.Zero)
        {
            audit.Add(AuditActions.LoginThrottled, name, "等待期内再次尝试", userName: name);
            await db.SaveChangesAsync();
            Error = LoginThrottle.Message(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        var user = name.Length > MaxUserNameLength ? null : await users.FindByNameAsync(name);
        if (user is null || user.IsDisabled)
        {
            // The same work as a real check, so that the time taken does not tell which names exist.
            hasher.VerifyHashedPassword(new StaffUser { DisplayName = "" }, _dummyHash ??= hasher.HashPassword(new StaffUser { DisplayName = "" }, Guid.NewGuid().ToString()), Password);
            await throttle.FailedAsync(key);
            audit.Add(AuditActions.LoginFailed, name, user is null ? "用户名不存在" : "账号已停用", user?.AgencyId, userName: name);
            await db.SaveChangesAsync();
            Error = "用户名或密码不正确。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(key);
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
            // Only an administrator locks an account now; the owner is told to ask them.
            audit.Add(AuditActions.LoginLockedOut, name, "账号已被锁定", user.AgencyId, userName: name);
            await db.SaveChangesAsync();
            Error = "账号已被锁定，请联系系统管理员。";
            return Page();
        }

        await throttle.FailedAsync(key);
        audit.Add(AuditActions.LoginFailed, name, "密码错误", user.AgencyId, userName: name);
        await db.SaveChangesAsync();
        Error = "用户名或密码不正确。";
        return Page();
    }
}
