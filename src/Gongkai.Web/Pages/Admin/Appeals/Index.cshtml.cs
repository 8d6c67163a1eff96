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

    public AppealLedger Ledger { get; private set; } = null!;
    public List<AppealCase> Cases { get; private set; } = [];
    public Dictionary<long, string> Codes { get; private set; } = [];
    public bool MayEdit => StaffAuthorization.May(User, StaffOperations.Appeals.Record);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = Year is >= 2008 and <= 2100 ? Year.Value : day.Today.Year;
        var ids = (await access.ScopeAsync(User, ct))?.ToList();
        var inScope = db.Appeals.AsNoTracking().Where(a => ids == null || ids.Contains(a.AgencyId));
        Ledger = AppealLedger.From(year, await inScope.Where(a => a.FiledOn.Year == year).ToListAsync(ct));
        Cases = await inScope.OrderByDescending(a => a.FiledOn).Take(500).ToListAsync(ct);
        var requestIds = Cases.Where(c => c.RequestId is not null).Select(c => c.RequestId!.Value).ToList();
        Codes = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => RequestStore.FormatCode(r.TrackingCode), ct);
    }
}
