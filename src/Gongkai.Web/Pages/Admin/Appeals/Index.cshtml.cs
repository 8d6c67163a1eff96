using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Appeals;

public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, RequestDay day) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    /// <summary>One agency of the staff member's (from the supervision dashboard), and a span of days filed.</summary>
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }

    public AppealLedger Ledger { get; private set; } = null!;
    public List<AppealCase> Cases { get; private set; } = [];
    public Dictionary<long, string> Codes { get; private set; } = [];
    public bool MayEdit => StaffAuthorization.May(User, StaffOperations.Appeals.Record);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year is >= 2008 and <= 2100 ? Year.Value : From?.Year ?? day.Today.Year;
        var ids = (await access.ScopeAsync(User, ct))?.ToList();
        if (AgencyId is { } agency)
        {
            if (ids is not null && !ids.Contains(agency))
            {
                return Forbid();
            }

            ids = [agency];
        }

        var inScope = db.Appeals.AsNoTracking().Where(a => ids == null || ids.Contains(a.AgencyId));
        Ledger = AppealLedger.From(year, await inScope.Where(a => a.FiledOn.Year == year).ToListAsync(ct));
        if (From is not null || To is not null)
        {
            var (first, last) = (From ?? DateOnly.MinValue, To ?? DateOnly.MaxValue);
            inScope = inScope.Where(a => a.FiledOn >= first && a.FiledOn <= last);
        }

        Cases = await inScope.OrderByDescending(a => a.FiledOn).Take(500).ToListAsync(ct);
        var requestIds = Cases.Where(c => c.RequestId is not null).Select(c => c.RequestId!.Value).ToList();
        Codes = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => RequestStore.FormatCode(r.TrackingCode), ct);
        return Page();
    }
}
