using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>The staff list of requests in the user's agencies, with filters. Applicants are masked here for everyone (<see cref="PersonalDataView.Listed(RequestRecord)"/>).</summary>
public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, RequestStore store, RequestDay day) : PageModel
{
    public const int Limit = 500;

    [BindProperty(SupportsGet = true, Name = "status")] public RequestStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "due")] public string? Due { get; set; }
    [BindProperty(SupportsGet = true, Name = "channel")] public Channel? Channel { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public ApplicantType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    /// <summary>"me": the requests assigned to the signed-in handler; "none": those not yet assigned (分办).</summary>
    [BindProperty(SupportsGet = true, Name = "assigned")] public string? Assigned { get; set; }
    /// <summary>Newest first (the default), or "due": the nearest deadline first.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "outcome")] public Outcome? Outcome { get; set; }
    /// <summary>A ledger cell (new, carried-in, decided, carried-out or an outcome) of <see cref="Year"/>, from the ledger page.</summary>
    [BindProperty(SupportsGet = true, Name = "cell")] public string? Cell { get; set; }
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    /// <summary>With <see cref="AgencyId"/>: that agency alone, not the agencies under it (a report cell of one agency).</summary>
    [BindProperty(SupportsGet = true, Name = "only")] public bool OnlyAgency { get; set; }

    /// <summary>A span of days (from the supervision dashboard), of the date <see cref="On"/> names.</summary>
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    /// <summary>"received" (the default) or "decided": which date <see cref="From"/> and <see cref="To"/> bound.</summary>
    [BindProperty(SupportsGet = true, Name = "on")] public string? On { get; set; }
    /// <summary>"ontime" or "late": answered by, or after, the due date.</summary>
    [BindProperty(SupportsGet = true, Name = "timely")] public string? Timely { get; set; }
    /// <summary>One of the report's six outcome categories.</summary>
    [BindProperty(SupportsGet = true, Name = "category")] public OutcomeCategory? Category { get; set; }

    public List<RequestRecord> Rows { get; private set; } = [];
    public Dictionary<int, string> AgencyNames { get; private set; } = [];
    private WorkingDayCalendar? _calendar;

    /// <summary>The request's deadline today, from its stored projection.</summary>
    public Deadline DeadlineOf(RequestRecord r) => r.Status.IsOpen()
        ? StatutoryDeadlines.Projected(_calendar!, r.ClockState, r.DueOn, r.DueProvisional, r.PausedUntil, day.Today)
        : new Deadline(r.ClockState.ToDeadlineState(), r.DueOn, day.Today, []) { Provisional = r.DueProvisional };

    public bool IsOverdue(RequestRecord r) => DeadlineOf(r).IsOverdue;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = day.Today;
        _calendar = await store.CalendarAsync(ct);
        var scope = await access.ScopeAsync(User, ct);
        if (AgencyId is { } agency)
        {
            if (scope is not null && !scope.Contains(agency))
            {
                return Forbid();
            }

            scope = OnlyAgency ? new HashSet<int> { agency } : (await access.TreeAsync(ct)).Subtree(agency);
        }

        var ids = scope?.ToList();
        var query = db.Requests.AsNoTracking().Where(r => ids == null || ids.Contains(r.AgencyId));
        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (Channel is { } channel)
        {
            query = query.Where(r => r.Channel == channel);
        }

        if (Cell is not null && Year is { } ledgerYear)
        {
            query = LedgerQuery.Cell(query, ledgerYear, Cell, Type);
        }
        else if (Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to);
        }

        if (From is not null || To is not null)
        {
            var (first, last) = (From ?? DateOnly.MinValue, To ?? DateOnly.MaxValue);
            query = On == "decided"
                ? query.Where(r => r.DecidedOn >= first && r.DecidedOn <= last)
                : query.Where(r => r.ReceivedOn >= first && r.ReceivedOn <= last);
        }

        if (Timely == "late")
        {
            query = query.Where(r => r.DecidedOn != null && r.DueOn != null && r.DecidedOn > r.DueOn);
        }
        else if (Timely == "ontime")
        {
            query = query.Where(r => r.DecidedOn != null && r.DueOn != null && r.DecidedOn <= r.DueOn);
        }

        if (Category is { } category)
        {
            var outcomes = Enum.GetValues<Outcome>().Where(o => o.Category() == category).Select(o => (Outcome?)o).ToList();
            query = query.Where(r => outcomes.Contains(r.Outcome));
        }

        if (Assigned == "me")
        {
            var me = User.Identity!.Name;
            query = query.Where(r => r.AssignedTo == me);
        }
        else if (Assigned == "none")
        {
            query = query.Where(r => r.AssignedTo == null);
        }

        if (Type is { } type)
        {
            query = query.Where(r => r.ApplicantType == type);
        }

        if (Outcome is { } outcome)
        {
            query = query.Where(r => r.Outcome == outcome);
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            var code = RequestStore.NormalizeCode(text);
            // Finding requests by a person's name would tell who asked: only those who may read the applicant may.
            var byName = PersonalDataView.RoleMayRead(User, PersonalDataOf.Applicant);
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            var byPhone = byName && digits.Length >= 4;
            query = query.Where(r => (code.Length >= 4 && r.TrackingCode.Contains(code)) || r.InformationTitle.Contains(text) || (byName && r.ApplicantName.Contains(text))
                || (byPhone && r.Phone.Contains(digits))
                || (r.Description != null && r.Description.Contains(text)) || (r.DocumentNumber != null && r.DocumentNumber.Contains(text)));
        }

        var open = new[] { RequestStatus.Processing, RequestStatus.AwaitingCorrection, RequestStatus.AwaitingFee };
        if (Due == "provisional")
        {
            query = query.Where(r => open.Contains(r.Status) && r.DueProvisional);
        }
        else if (Due is "today" or "soon" or "overdue")
        {
            // The same deadlines as the dashboard's counts (StatutoryDeadlines.Projected), as a query: a pause counts
            // only within its legal period, and "soon" is the working days left, never calendar days.
            query = query.Where(r => open.Contains(r.Status) && !(r.ClockState == ClockState.Paused && (r.PausedUntil == null || r.PausedUntil >= today)) && r.DueOn != null);
            var soon = _calendar.LastDueWithin(today, Admin.IndexModel.DueSoonWithin);
            query = Due switch
            {
                "today" => query.Where(r => r.DueOn == today),
                "soon" => soon is { } last ? query.Where(r => r.DueOn >= today && r.DueOn <= last) : query.Where(r => false),
                _ => query.Where(r => r.DueOn < today),
            };
        }

        query = Sort == "due"
            ? query.OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenByDescending(r => r.Id)
            : query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id);
        Rows = await query.Take(Limit).ToListAsync(ct);
        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        return Page();
    }
}
