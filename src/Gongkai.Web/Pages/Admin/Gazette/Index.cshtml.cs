using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Gazette;

/// <summary>The gazette issues of the staff member's agencies, newest first.</summary>
public sealed class IndexModel(GongkaiDbContext db, StaffAccess access) : PageModel
{
    /// <summary>One issue as the list shows it.</summary>
    public sealed record Row(int Id, string Agency, int Year, int Number, int? TotalNumber, DateOnly IssuedOn, int PrintRun, int Documents, bool IsPublished);

    public List<Row> Issues { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public bool SeveralAgencies { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        MayEdit = StaffAuthorization.May(User, StaffOperations.Publications.Edit);
        var visible = (await access.ScopeAsync(User, ct))?.ToList();
        Issues = await db.GazetteIssues.AsNoTracking()
            .Where(g => visible == null || visible.Contains(g.AgencyId))
            .Join(db.Agencies, g => g.AgencyId, a => a.Id, (g, a) => new { g, a.FullName })
            .OrderByDescending(x => x.g.Year).ThenByDescending(x => x.g.Number).ThenBy(x => x.FullName)
            .Select(x => new Row(x.g.Id, x.FullName, x.g.Year, x.g.Number, x.g.TotalNumber, x.g.IssuedOn, x.g.PrintRun, x.g.Items.Count, x.g.IsPublished))
            .ToListAsync(ct);
        SeveralAgencies = Issues.Select(i => i.Agency).Distinct().Count() > 1;
    }
}
