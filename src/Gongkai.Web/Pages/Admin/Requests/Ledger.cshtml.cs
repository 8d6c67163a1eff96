using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>The year ledger for an agency and those under it: the base of the annual report's request table.</summary>
public sealed class LedgerModel(GongkaiDbContext db, StaffAccess access, RequestStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }

    public YearLedger Ledger { get; private set; } = null!;
    public List<Agency> Agencies { get; private set; } = [];
    public bool MayChooseAll { get; private set; }
    public string Scope { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year is >= 2008 and <= 2100 ? Year.Value : store.Today().Year;
        var scope = await access.ScopeAsync(User, ct);
        MayChooseAll = scope is null;
        var ids = scope?.ToList();
        Agencies = await db.Agencies.AsNoTracking().Where(a => ids == null || ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        AgencyId ??= MayChooseAll ? null : StaffClaims.AgencyOf(User);
        if (AgencyId is { } chosen && !await access.CanAccessAsync(User, chosen, ct))
        {
            return Forbid();
        }

        IReadOnlySet<int>? subtree = AgencyId is { } a ? (await access.TreeAsync(ct)).Subtree(a) : null;
        Ledger = await LedgerQuery.BuildAsync(db, subtree?.ToList(), year, ct);
        Scope = AgencyId is { } id ? Agencies.First(x => x.Id == id).FullName + "（含下级机关）" : "全部机关";
        return Page();
    }
}
