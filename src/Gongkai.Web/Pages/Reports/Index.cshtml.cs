using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>The portal's 年度报告 page: every published report of every agency, newest year first.</summary>
public sealed class IndexModel(ReportLifecycle lifecycle, PortalContext portal) : PageModel
{
    public List<(AnnualReportRecord Record, Agency Agency)> Reports { get; private set; } = [];
    public Agency? Current { get; private set; }
    public bool All { get; private set; }

    public async Task OnGetAsync(bool all, CancellationToken ct)
    {
        Current = await portal.CurrentAgencyAsync(HttpContext);
        All = all || Current is null;
        var published = await lifecycle.PublishedAsync(ct);
        if (!All)
        {
            // The current agency's own reports and those of the agencies under it.
            var under = (await portal.AgenciesUnderAsync(Current!)).Select(a => a.Id).Append(Current!.Id).ToHashSet();
            published = published.Where(p => under.Contains(p.Record.AgencyId)).ToList();
        }

        Reports = published;
    }
}
