using System.Globalization;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Audit;

[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class IndexModel(GongkaiDbContext db, StaffAccess access) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = AuditQuery.Filter(db.AuditEntries.AsNoTracking(), await access.ScopeAsync(User), Action, UserFilter, From, To);
        Total = await query.CountAsync();
        Entries = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["action"] = Action,
        ["user"] = UserFilter,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }).ToUriComponent();
}
