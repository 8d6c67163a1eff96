using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>The portal's home page: the sections, the latest documents, open consultations and answered letters, the agencies under this one.</summary>
public sealed class IndexModel(PortalContext portal, GongkaiDbContext db, RequestDay day) : PageModel
{
    public const int Latest = 8;

    public Agency? Agency { get; private set; }
    public IReadOnlyList<Agency> Children { get; private set; } = [];
    public List<(long Id, string Title, DateOnly? PublishedOn)> Documents { get; private set; } = [];
    public List<(long Id, string Subject, DateOnly? AnsweredOn)> Letters { get; private set; } = [];
    public List<(long Id, string Title, DateOnly ClosesOn)> Consultations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is null)
        {
            return;
        }

        Children = await portal.AgenciesUnderAsync(Agency);
        var ids = Children.Select(a => a.Id).Append(Agency.Id).ToList();
        Documents = (await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.AgencyId) && p.Attribute == DisclosureAttribute.Proactive && p.Status == PublicationStatus.Published)
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Take(Latest)
            .Select(p => new { p.Id, p.Title, p.PublishedOn }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title, p.PublishedOn)).ToList();
        Letters = (await db.Letters.AsNoTracking()
            .Where(l => ids.Contains(l.AgencyId) && l.IsPublished)
            .OrderByDescending(l => l.AnsweredOn).ThenByDescending(l => l.Id).Take(Latest)
            .Select(l => new { l.Id, Subject = l.PublicSubject ?? "", l.AnsweredOn }).ToListAsync(ct))
            .Select(l => (l.Id, l.Subject, l.AnsweredOn)).ToList();
        var today = day.Today;
        Consultations = (await db.Consultations.AsNoTracking()
            .Where(c => ids.Contains(c.AgencyId) && c.OpensOn <= today && c.ClosesOn >= today)
            .OrderBy(c => c.ClosesOn).ThenByDescending(c => c.Id).Take(Latest)
            .Select(c => new { c.Id, c.Title, c.ClosesOn }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title, c.ClosesOn)).ToList();
    }
}
