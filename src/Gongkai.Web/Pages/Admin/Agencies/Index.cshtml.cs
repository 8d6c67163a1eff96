using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Agencies;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Agencies;

public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, AgencyCommands commands, StaffAuthorization authz) : PageModel
{
    public sealed record Row(Agency Agency, int Depth);

    public List<Row> Rows { get; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSetActiveAsync(int id, bool active)
    {
        if (!await authz.MayAsync(User, StaffOperations.Administration.Administer, id))
        {
            return Forbid();
        }

        var result = await commands.SetActiveAsync(id, active);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Values);
            await LoadAsync();
            return Page();
        }

        TempData["Message"] = active ? $"已启用“{result.Agency!.FullName}”。" : $"已停用“{result.Agency!.FullName}”。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var all = await db.Agencies.AsNoTracking().ToListAsync();
        var tree = new AgencyTree(all.Select(a => (a.Id, a.ParentId)));
        var scope = await access.ScopeAsync(User);
        var byId = all.ToDictionary(a => a.Id);
        // Depth-first from each top agency the user may see, so the table reads as the tree it is.
        var tops = all.Where(a => scope is null ? a.ParentId is null : scope.Contains(a.Id) && (a.ParentId is null || !scope.Contains(a.ParentId.Value)));
        foreach (var top in tops.OrderBy(a => a.Id))
        {
            Walk(top.Id, 0);
        }

        void Walk(int id, int depth)
        {
            Rows.Add(new Row(byId[id], depth));
            foreach (var child in tree.ChildrenOf(id).Select(c => byId[c]).OrderBy(c => c.Level).ThenBy(c => c.Id))
            {
                Walk(child.Id, depth + 1);
            }
        }
    }
}
