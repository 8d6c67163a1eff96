using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Participation;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Consultations;

/// <summary>意见征集: the drafts put out for comment by the agency and those under it, the open ones first.</summary>
public sealed class IndexModel(PortalContext portal, GongkaiDbContext db, RequestDay day) : PageModel
{
    public Agency? Agency { get; private set; }
    public List<ConsultationRecord> Consultations { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = day.Today;
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is null)
        {
            return;
        }

        var ids = (await portal.AgenciesUnderAsync(Agency)).Select(a => a.Id).Append(Agency.Id).ToList();
        Consultations = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.AgencyId) && c.OpensOn <= Today)
            .OrderByDescending(c => c.ClosesOn >= Today).ThenByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Take(100).ToListAsync(ct);
    }
}
