using Gongkai.Core.Calendar;
using Gongkai.Core.Reminders;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Nodes;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Infrastructure.Reminders;

/// <summary>
/// Deadline reminders and the daily digest (docs/reminders.md). The lease runs it on one node at a time, every hour;
/// each agency's work for a day is one transaction keyed by (agency, day), so it happens once a day however many nodes,
/// runs or restarts there are, and each reminder is keyed by (request, kind, due date, round), so none is sent twice.
/// </summary>
public sealed class DeadlineReminderJob : IRecurringJob
{
    public string Name => "deadline-reminders";

    public TimeSpan Every => TimeSpan.FromHours(1);

    public async Task<string?> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<ReminderSender>().RunAsync(ct);
        return result.Agencies > 0 ? $"reminders for {result.Agencies} agencies: {result.Reminders} reminders, {result.Emails} e-mails queued" : null;
    }
}

/// <summary>What one run did: agencies run, reminders recorded and e-mails queued.</summary>
public readonly record struct ReminderRunResult(int Agencies, int Reminders, int Emails);

/// <summary>
/// Queues the day's reminders and digests into the mail outbox (<see cref="Mailer"/> sends them). From
/// <see cref="FromHour"/> China time on working days only; each agency whose run for today is not yet recorded is
/// run in its own transaction with its audit entry.
/// </summary>
public sealed class ReminderSender(GongkaiDbContext db, ReminderStore store, CalendarStore calendars, TimeProvider clock, NodeIdentity node, IServiceProvider services)
{
    /// <summary>Reminders wait for the working day to begin (China time), not midnight.</summary>
    public const int FromHour = 8;

    public const string SystemUser = "系统（期限提醒）";

    public async Task<ReminderRunResult> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var today = DateOnly.FromDateTime(now.DateTime);
        var calendar = await calendars.GetCalendarAsync(ct);
        if (now.Hour < FromHour || !calendar.Reckons(today) || !calendar.IsWorkingDay(today))
        {
            return default;
        }

        var done = await db.ReminderRuns.AsNoTracking().Where(r => r.Day == today).Select(r => r.AgencyId).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && !done.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        var settings = await store.SettingsAsync(agencies.Select(a => a.Id).ToList(), ct);
        var links = services.GetService<StaffLinks>() ?? new StaffLinks(null);
        var total = default(ReminderRunResult);
        foreach (var agency in agencies)
        {
            var s = settings[agency.Id];
            if (!s.Enabled && !s.DigestEnabled)
            {
                continue;
            }

            if (await RunAgencyAsync(agency, s, today, calendar, links, ct) is { } result)
            {
                total = new ReminderRunResult(total.Agencies + 1, total.Reminders + result.Reminders, total.Emails + result.Emails);
            }
        }

        return total;
    }

    /// <summary>One agency's day: null when another node or run recorded it first (nothing of this one is kept).</summary>
    private async Task<ReminderRunResult?> RunAgencyAsync(Core.Agencies.Agency agency, ReminderSettings settings, DateOnly today, WorkingDayCalendar calendar, StaffLinks links, CancellationToken ct)
    {
        var open = await store.OpenAsync([agency.Id], null, today, calendar, ct);
        var ids = open.Select(r => r.Id).ToList();
        var sent = (await db.SentReminders.AsNoTracking().Where(s => ids.Contains(s.RequestId)).Select(s => new { s.RequestId, s.Kind, s.DueOn, s.Round }).ToListAsync(ct))
            .Select(s => (s.RequestId, s.Kind, s.DueOn, s.Round)).ToHashSet();
        var due = open.Select(r => new ReminderMail.Item(r, DeadlineReminders.Due(r.Deadline, settings, calendar)!))
            .Where(i => i.Reminder is not null && !sent.Contains((i.Request.Id, i.Reminder.Kind, i.Reminder.Due, i.Reminder.Round)))
            .ToList();

        var heads = await HeadsAsync(agency.HandledById ?? agency.Id, ct);
        var handlerNames = due.Select(i => i.Request.AssignedTo).OfType<string>().Distinct().ToList();
        var handlers = await db.Users.AsNoTracking()
            .Where(u => handlerNames.Contains(u.UserName!) && !u.IsDisabled && u.Email != null && u.Email != "")
            .ToDictionaryAsync(u => u.UserName!, u => u.Email!, ct);

        // One e-mail per address with all of its reminders: a head who also handles a request gets it once.
        var byAddress = new Dictionary<string, List<ReminderMail.Item>>(StringComparer.OrdinalIgnoreCase);
        var recipients = new Dictionary<long, int>();
        foreach (var item in due)
        {
            var to = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (settings.NotifyHandler && item.Request.AssignedTo is { } handler && handlers.TryGetValue(handler, out var address))
            {
                to.Add(address);
            }

            if (settings.NotifyHeads)
            {
                to.UnionWith(heads);
            }

            foreach (var address2 in to)
            {
                (byAddress.TryGetValue(address2, out var list) ? list : byAddress[address2] = []).Add(item);
            }

            recipients[item.Request.Id] = to.Count;
        }

        var createdAt = clock.GetUtcNow();
        var emails = new List<RequestEmail>();
        foreach (var (to, items) in byAddress.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            emails.Add(new RequestEmail { To = to, Subject = ReminderMail.Subject(items), Body = ReminderMail.Body(agency.FullName, items, links), CreatedAt = createdAt });
        }

        var digest = settings.DigestEnabled && ReminderMail.HasContent(open);
        if (digest)
        {
            var digestTo = new HashSet<string>(settings.DigestToHeads ? heads : [], StringComparer.OrdinalIgnoreCase);
            if (settings.DigestMailbox is { } mailbox)
            {
                digestTo.Add(mailbox);
            }

            var subject = ReminderMail.DigestSubject(agency.FullName, today);
            var body = ReminderMail.DigestBody(agency.FullName, today, settings.DaysBefore, open, links);
            emails.AddRange(digestTo.Order(StringComparer.Ordinal).Select(to => new RequestEmail { To = to, Subject = subject, Body = body, CreatedAt = createdAt }));
            digest = digestTo.Count > 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.ReminderRuns.Add(new ReminderRun { AgencyId = agency.Id, Day = today, At = createdAt, Node = node.Name, Reminders = due.Count, Emails = emails.Count, Digest = digest });
            db.SentReminders.AddRange(due.Select(i => new SentReminder
            {
                RequestId = i.Request.Id,
                Kind = i.Reminder.Kind,
                DueOn = i.Reminder.Due,
                Round = i.Reminder.Round,
                SentOn = today,
                Recipients = recipients[i.Request.Id],
            }));
            db.RequestEmails.AddRange(emails);
            if (emails.Count > 0)
            {
                // Counts only: the audit log, like the application log, never carries personal data.
                db.AuditEntries.Add(new AuditEntry
                {
                    At = createdAt,
                    UserName = SystemUser,
                    AgencyId = agency.Id,
                    Action = AuditActions.RemindersQueued,
                    Target = agency.FullName,
                    Details = $"期限提醒 {due.Count} 件，邮件 {emails.Count} 封{(digest ? "（含每日汇总）" : "")}",
                });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new ReminderRunResult(1, due.Count, emails.Count);
        }
        catch (DbUpdateException)
        {
            // Another node (or an overlapping run) recorded this agency's day, or one of its reminders, first.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>The e-mail addresses of the heads (审核人（机构负责人）) of the agency whose staff handle the requests.</summary>
    private async Task<List<string>> HeadsAsync(int agencyId, CancellationToken ct) =>
        await (from user in db.Users.AsNoTracking()
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == StaffRoles.Approver && user.AgencyId == agencyId && !user.IsDisabled && user.Email != null && user.Email != ""
               orderby user.UserName
               select user.Email!).Distinct().ToListAsync(ct);
}
