using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, CalendarStore calendar, RequestDay day, Gongkai.Infrastructure.Publications.PublicationStore publications, Gongkai.Infrastructure.Interaction.LetterStore letters, Gongkai.Infrastructure.Reminders.ReminderStore reminders) : PageModel
{
    /// <summary>"3 个工作日内到期": due today or within this many working days.</summary>
    public static readonly WorkingDays DueSoonWithin = new(3);

    public sealed record Workload(string Name, int Open, int DueSoon, int Overdue);

    public int AwaitingConfirmation { get; private set; }
    public int DueToday { get; private set; }
    public int DueSoon { get; private set; }
    public int Overdue { get; private set; }
    public List<Workload> ByHandler { get; private set; } = [];
    public List<Workload> ByAgency { get; private set; } = [];

    public string? AgencyName { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public int AgencyCount { get; private set; }
    public string? CalendarWarning { get; private set; }
    /// <summary>Open requests whose due date lies beyond the published holiday schedule (预计).</summary>
    public int ProvisionalDue { get; private set; }
    /// <summary>Art. 26: proactive documents not yet published, and how many of them are past their 20 working days.</summary>
    public int PublicationsWaiting { get; private set; }
    public int PublicationsLate { get; private set; }
    public int PublicationsAwaitingReview { get; private set; }
    /// <summary>Letters not yet answered, and how many are past their reply time.</summary>
    public int LettersOpen { get; private set; }
    public int LettersOverdue { get; private set; }

    /// <summary>期限提醒: the signed-in staff member's requests (a head's: the agency's) overdue, due today or due soon.</summary>
    public List<(Gongkai.Infrastructure.Reminders.OpenRequest Request, Gongkai.Core.Reminders.ReminderKind Kind)> Reminders { get; private set; } = [];
    /// <summary>Whether the panel lists the agency's requests (a head) rather than the staff member's own.</summary>
    public bool RemindersForAgency { get; private set; }
    public bool ShowReminders { get; private set; }
    public const int RemindersShown = 50;

    public async Task OnGetAsync()
    {
        var agencyId = StaffClaims.AgencyOf(User);
        AgencyName = agencyId is null ? null : await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.FullName).FirstOrDefaultAsync();
        Roles = User.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
        AgencyCount = await access.ScopeAsync(User) is { } scope ? scope.Count : await db.Agencies.CountAsync();

        // Deadlines reach 40 working days ahead: from November on, next year's schedule is needed.
        var today = day.Today;
        var workingDays = await calendar.GetCalendarAsync();
        var schedule = workingDays.Schedule;
        var visible = (await access.ScopeAsync(User))?.ToList();
        await LoadRequestDashboardAsync(ids: visible, today, workingDays);
        await LoadRemindersAsync(visible, today, workingDays);
        var due = await publications.Article26Async(visible ?? await db.Agencies.Select(a => a.Id).ToListAsync(), today);
        PublicationsWaiting = due.Count(d => d.PublishedOn is null);
        PublicationsLate = due.Count(d => d.PublishedOn is null && d.Late);
        PublicationsAwaitingReview = due.Count(d => d.Status == Gongkai.Core.Publications.PublicationStatus.Draft);
        var openLetters = await letters.DueAsync(visible, today);
        LettersOpen = openLetters.Count;
        LettersOverdue = openLetters.Count(l => l.Deadline.IsOverdue);
        if (workingDays.MissingYear(today) is { } year)
        {
            CalendarWarning = $"{year}年国务院节假日安排尚未导入：跨入{year}年的期限为预计日期"
                + (ProvisionalDue > 0 ? $"（目前有 {ProvisionalDue} 件申请）" : "")
                + $"，按法定节日和周末推算。国务院公布后，请系统管理员在“节假日安排”中导入，预计的期限将随之重新计算。";
        }
    }

    /// <summary>The reminder panel: the same bands as the e-mails, each agency's own "days before".</summary>
    private async Task LoadRemindersAsync(List<int>? visible, DateOnly today, WorkingDayCalendar workingDays)
    {
        RemindersForAgency = StaffAuthorization.May(User, StaffOperations.Reminders.Oversee);
        // Requests are assigned to those who decide them; others (clerks, publishers, administrators) have none.
        ShowReminders = RemindersForAgency || StaffAuthorization.May(User, StaffOperations.Requests.Step(RequestAction.Decide));
        var userName = User.Identity?.Name;
        if (!ShowReminders || (!RemindersForAgency && userName is null))
        {
            return;
        }

        var open = await reminders.OpenAsync(visible, RemindersForAgency ? null : userName, today, workingDays);
        var settings = await reminders.SettingsAsync(open.Select(r => r.AgencyId).Distinct().ToList());
        Reminders = open.Select(r => (Request: r, Kind: Gongkai.Core.Reminders.DeadlineReminders.Band(r.Deadline, settings[r.AgencyId].DaysBefore)))
            .Where(r => r.Kind is not null)
            .Select(r => (r.Request, r.Kind!.Value))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Request.Deadline.Due).ThenBy(r => r.Request.Id)
            .ToList();
    }

    /// <summary>The office's to-do: what waits for confirmation, what falls due, what is overdue (督办), by handler and by agency.</summary>
    private async Task LoadRequestDashboardAsync(List<int>? ids, DateOnly today, WorkingDayCalendar workingDays)
    {
        var open = new[] { RequestStatus.AwaitingConfirmation, RequestStatus.Processing, RequestStatus.AwaitingCorrection, RequestStatus.AwaitingFee };
        var stored = await db.Requests.AsNoTracking()
            .Where(r => (ids == null || ids.Contains(r.AgencyId)) && open.Contains(r.Status))
            .Select(r => new { r.Status, r.DueOn, r.DueProvisional, r.ClockState, r.PausedUntil, r.HandlerUserName, r.AgencyId })
            .ToListAsync();
        var rows = stored.Select(r => new
        {
            r.Status,
            r.DueProvisional,
            r.HandlerUserName,
            r.AgencyId,
            // Not yet received: no clock, whatever was stored.
            Deadline = r.Status == RequestStatus.AwaitingConfirmation
                ? new Deadline(DeadlineState.NotStarted, null, today, [])
                : StatutoryDeadlines.Projected(workingDays, r.ClockState, r.DueOn, r.DueProvisional, r.PausedUntil, today),
        }).ToList();
        AwaitingConfirmation = rows.Count(r => r.Status == RequestStatus.AwaitingConfirmation);
        ProvisionalDue = rows.Count(r => r.DueProvisional);
        DueToday = rows.Count(r => r.Deadline.DueToday);
        DueSoon = rows.Count(r => r.Deadline.DueWithin(DueSoonWithin));
        Overdue = rows.Count(r => r.Deadline.IsOverdue);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);
        ByHandler = rows.Where(r => r.Status != RequestStatus.AwaitingConfirmation).GroupBy(r => r.HandlerUserName ?? "（未分配）")
            .Select(g => new Workload(g.Key, g.Count(), g.Count(r => r.Deadline.DueWithin(DueSoonWithin)), g.Count(r => r.Deadline.IsOverdue)))
            .OrderByDescending(w => w.Overdue).ThenByDescending(w => w.Open).ToList();
        ByAgency = rows.GroupBy(r => r.AgencyId)
            .Select(g => new Workload(names.GetValueOrDefault(g.Key, "?"), g.Count(), g.Count(r => r.Deadline.DueWithin(DueSoonWithin)), g.Count(r => r.Deadline.IsOverdue)))
            .OrderByDescending(w => w.Overdue).ThenByDescending(w => w.Open).ToList();
    }
}
