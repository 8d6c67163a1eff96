using Gongkai.Core.Calendar;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Pages.Shared;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>The letters of the staff member's agencies: what is due and overdue, and every letter by channel and status.</summary>
public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, LetterStore store, AuditTrail audit, RequestDay day, StaffAuthorization authz) : PageModel
{
    public const int PageSize = 50;
    /// <summary>Letters with this many working days left or fewer are due soon.</summary>
    public static readonly WorkingDays DueSoon = new(3);

    [BindProperty(SupportsGet = true, Name = "channel")] public InteractionChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public LetterStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty] public long RequestId { get; set; }

    public List<LetterDue> Due { get; private set; } = [];
    public List<LetterRecord> Letters { get; private set; } = [];
    public IReadOnlyList<ChannelCount> Counts { get; private set; } = [];
    public int CountYear { get; private set; }
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public string? Error { get; private set; }

    /// <param name="agency">One agency of the staff member's (from the supervision dashboard).</param>
    /// <param name="from">With <paramref name="to"/>: a span of days received.</param>
    public async Task<IActionResult> OnGetAsync(int? agency, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var scope = (await access.ScopeAsync(User, ct))?.ToList();
        if (agency is { } one)
        {
            if (scope is not null && !scope.Contains(one))
            {
                return Forbid();
            }

            scope = [one];
        }

        Due = await store.DueAsync(scope, day.Today, ct);
        var query = db.Letters.AsNoTracking().Where(l => scope == null || scope.Contains(l.AgencyId));
        if (from is not null || to is not null)
        {
            var (first, last) = (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
            query = query.Where(l => l.ReceivedOn >= first && l.ReceivedOn <= last);
        }

        if (Channel is { } channel)
        {
            query = query.Where(l => l.Channel == channel);
        }

        if (Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        CountYear = Year ?? day.Today.Year;
        if (Year is { } year)
        {
            var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(l => l.ReceivedOn >= start && l.ReceivedOn <= end);
        }

        Counts = await store.CountsAsync(scope ?? await db.Agencies.Select(a => a.Id).ToListAsync(ct), CountYear, ct);
        Total = await query.CountAsync(ct);
        PageNumber = Paging.Within(Paging.Requested(Request), Total, PageSize);
        Letters = await query.OrderByDescending(l => l.ReceivedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    /// <summary>Art. 39: the request's petition or complaint becomes a complaint here, linked both ways.</summary>
    public async Task<IActionResult> OnPostFromRequestAsync(CancellationToken ct)
    {
        var agencyId = await db.Requests.Where(r => r.Id == RequestId).Select(r => (int?)r.AgencyId).FirstOrDefaultAsync(ct);
        if (agencyId is null)
        {
            return NotFound();
        }

        if (!await authz.MayAsync(User, StaffOperations.Letters.Assign, agencyId.Value))
        {
            return Forbid();
        }

        var outcome = await store.FromRequestAsync(RequestId, User.Identity!.Name!, day.Today, ct);
        if (!outcome.Succeeded)
        {
            TempData["error"] = string.Join(" ", outcome.Errors.Values);
            return Redirect($"/admin/requests/{RequestId}");
        }

        audit.Add(AuditActions.LetterChanged, $"来信 {outcome.Letter!.Id}", $"由申请 {RequestId} 转为网上投诉", agencyId);
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/letters/{outcome.Letter.Id}");
    }
}
