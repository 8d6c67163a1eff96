using Gongkai.Core.Calendar;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Pages.Shared;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Publications;

/// <summary>The documents of the staff member's agencies, and the Art. 26 list: what must be published soon, and what is late.</summary>
public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, PublicationStore store, RequestDay day) : PageModel
{
    public const int PageSize = 50;
    /// <summary>Documents with this many working days left or fewer are marked as due soon.</summary>
    public static readonly WorkingDays DueSoon = new(5);

    [BindProperty(SupportsGet = true, Name = "status")] public PublicationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public PublicationType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    /// <summary>From <c>?page=</c> (<see cref="Paging.Requested"/>).</summary>
    public int PageNumber { get; private set; } = 1;
    /// <summary>One agency of the staff member's (from the supervision dashboard).</summary>
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }

    public List<PublicationRecord> Documents { get; private set; } = [];
    public List<Article26Item> Due { get; private set; } = [];
    public int Total { get; private set; }
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        MayEdit = StaffAuthorization.May(User, StaffOperations.Publications.Edit);
        var visible = await access.ScopeAsync(User, ct);
        if (AgencyId is { } agency)
        {
            if (visible is not null && !visible.Contains(agency))
            {
                return Forbid();
            }

            visible = new HashSet<int> { agency };
        }

        var query = db.Publications.AsNoTracking();
        if (visible is not null)
        {
            query = query.Where(p => visible.Contains(p.AgencyId));
        }

        Due = await store.Article26Async(visible?.ToList() ?? await db.Agencies.Select(a => a.Id).ToListAsync(ct), day.Today, ct);
        if (Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (Type is { } type)
        {
            query = query.Where(p => p.Type == type);
        }

        if (Year is { } year)
        {
            var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(p => p.WrittenOn >= start && p.WrittenOn <= end);
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim();
            query = query.Where(p => p.Title.Contains(q) || p.IndexNumber.Contains(q) || (p.DocumentNumber != null && p.DocumentNumber.Contains(q)));
        }

        Total = await query.CountAsync(ct);
        PageNumber = Paging.Within(Paging.Requested(Request), Total, PageSize);
        Documents = await query.OrderBy(p => p.Status == PublicationStatus.Published).ThenByDescending(p => p.WrittenOn).ThenByDescending(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
