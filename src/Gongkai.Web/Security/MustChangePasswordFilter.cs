using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Security;

/// <summary>Someone who logged in with a one-time password sees nothing but the change-password page.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Admin/Account/Password", "/Admin/Logout", "/Admin/Login", "/Admin/AccessDenied"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(StaffClaims.MustChangePassword, "true") && !Allowed.Contains(page, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Admin/Account/Password");
            return;
        }

        await next();
    }
}
