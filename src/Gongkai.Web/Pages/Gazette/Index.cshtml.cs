using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Gazette;

/// <summary>政府公报 on the portal: the published issues of the agency and those under it, by year.</summary>
public sealed class IndexModel(GongkaiDbContext db, PortalContext portal) : PageModel
{
    /// <summary>One issue as the list shows it.</summary>
    public sealed record Entry(int Id, string Masthead, string Label, DateOnly IssuedOn, int Documents);

    public Agency? Agency { get; private set; }
    public List<IGrouping<int, Entry>> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is null)
        {
            return;
        }

        var agencies = (await portal.AgenciesUnderAsync(Agency)).Append(Agency).ToDictionary(a => a.Id);
        var ids = agencies.Keys.ToList();
        var issues = await db.GazetteIssues.AsNoTracking().Include(g => g.Items)
            .Where(g => g.IsPublished && ids.Contains(g.AgencyId))
            .OrderByDescending(g => g.Year).ThenByDescending(g => g.Number).ThenBy(g => g.AgencyId)
            .ToListAsync(ct);
        Years = issues.Select(g => (g.Year, Entry: new Entry(g.Id, GazetteStore.Masthead(agencies[g.AgencyId]), GazetteStore.IssueLabel(g), g.IssuedOn, g.Items.Count)))
            .GroupBy(x => x.Year, x => x.Entry).ToList();
    }
}
