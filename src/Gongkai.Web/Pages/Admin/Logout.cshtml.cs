using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin;

public sealed class LogoutModel(SignInManager<StaffUser> signIn, AuditTrail audit, GongkaiDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        audit.Add(AuditActions.Logout, User.Identity?.Name);
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return Redirect("/admin/login");
    }
}
