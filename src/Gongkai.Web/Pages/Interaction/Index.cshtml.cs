using Gongkai.Core.Agencies;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Interaction;

/// <summary>互动交流: the channels the agency has open, and the letters published with their replies.</summary>
public sealed class IndexModel(PortalContext portal, GongkaiDbContext db, LetterStore store) : PageModel
{
    public const int PageSize = 20;

    public Agency? Agency { get; private set; }
    public List<InteractionChannelSettings> Channels { get; private set; } = [];
    public List<LetterRecord> Published { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is null)
        {
            return;
        }

        foreach (var channel in Enum.GetValues<InteractionChannel>())
        {
            var settings = await store.SettingsAsync(Agency.Id, channel, ct);
            if (settings.Enabled)
            {
                Channels.Add(settings);
            }
        }

        var ids = (await portal.AgenciesUnderAsync(Agency)).Select(a => a.Id).Append(Agency.Id).ToList();
        var query = db.Letters.AsNoTracking().Where(l => ids.Contains(l.AgencyId) && l.IsPublished);
        Total = await query.CountAsync(ct);
        PageNumber = Paging.Within(Paging.Requested(Request), Total, PageSize);
        Published = await query.OrderByDescending(l => l.PublishedOn).ThenByDescending(l => l.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
