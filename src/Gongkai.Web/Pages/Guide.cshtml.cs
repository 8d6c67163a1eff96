using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>政府信息公开指南 (Art. 12): the office's own text, its contact from the agency record, and the request procedure.</summary>
public sealed class GuideModel(PortalContext portal, GongkaiDbContext db) : PageModel
{
    public Agency? Agency { get; private set; }
    public DisclosureSettings? Settings { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is { } agency)
        {
            Settings = await db.DisclosureSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agency.Id, ct);
        }
    }
}
