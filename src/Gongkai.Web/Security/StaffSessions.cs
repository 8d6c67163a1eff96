using System.Security.Claims;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Security;

/// <summary>
/// A staff cookie is only as good as the account behind it. On every request the cookie's security stamp is compared
/// with the account's (one primary-key read): disabling an account, changing its roles or agency, or resetting its
/// password changes the stamp and so ends every session of that account on every node at once.
/// </summary>
public static class StaffSessions
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(SecurityStampClaim);
        if (id is null || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<GongkaiDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.IsDisabled }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || account.IsDisabled || !string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static readonly string[] AllowedWhileChanging = ["/admin/account/password", "/admin/logout", "/admin/login", "/admin/access-denied"];

    /// <summary>
    /// Someone signed in with a one-time password may do nothing but choose a new one: pages send them to the
    /// change-password page, the API answers 403. Runs after authentication, for every route.
    /// </summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(StaffClaims.MustChangePassword, "true"))
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/api"))
            {
                await Results.Problem("请先在后台修改一次性密码，再使用接口。", statusCode: StatusCodes.Status403Forbidden, title: "须先修改密码")
                    .ExecuteAsync(context);
                return;
            }

            if (path.StartsWithSegments("/admin") && !AllowedWhileChanging.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect("/admin/account/password");
                return;
            }
        }

        await next();
    });
}
