using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Reminders;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Reminders;

/// <summary>An open request as reminders and the dashboard see it: number, title, handler and its deadline today.</summary>
public sealed record OpenRequest(long Id, int AgencyId, string Title, RequestStatus Status, ClockState ClockState, string? AssignedTo, string? AssignedToName, Deadline Deadline)
{
    /// <summary>Processing with its clock paused: a consultation is open (Arts. 32, 34).</summary>
    public bool InConsultation => Status == RequestStatus.Processing && ClockState == ClockState.Paused;
}

/// <summary>Loads and stages agencies' reminder settings, and the open requests reminders are about.</summary>
public sealed class ReminderStore(GongkaiDbContext db, TimeProvider clock)
{
    private static readonly RequestStatus[] Open = [RequestStatus.Processing, RequestStatus.AwaitingCorrection, RequestStatus.AwaitingFee];

    public async Task<ReminderSettings> SettingsAsync(int agencyId, CancellationToken ct = default) =>
        (await db.ReminderSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agencyId, ct))?.ToSettings() ?? ReminderSettings.Default;

    /// <summary>The settings of each of <paramref name="agencyIds"/> (the defaults where none were saved).</summary>
    public async Task<Dictionary<int, ReminderSettings>> SettingsAsync(IReadOnlyCollection<int> agencyIds, CancellationToken ct = default)
    {
        var saved = await db.ReminderSettings.AsNoTracking().Where(s => agencyIds.Contains(s.AgencyId)).ToListAsync(ct);
        var result = agencyIds.Distinct().ToDictionary(id => id, _ => ReminderSettings.Default);
        foreach (var record in saved)
        {
            result[record.AgencyId] = record.ToSettings();
        }

        return result;
    }

    /// <summary>
    /// Validates <paramref name="settings"/> and, when they are valid, stages them for <paramref name="agencyId"/>; the
    /// caller adds its audit entry and saves both at once. Returns the errors by field (Chinese), empty on success.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> StageAsync(int agencyId, ReminderSettings settings, string userName, CancellationToken ct = default)
    {
        var clean = settings with { DigestMailbox = string.IsNullOrWhiteSpace(settings.DigestMailbox) ? null : settings.DigestMailbox.Trim() };
        var errors = clean.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        var record = await db.ReminderSettings.FirstOrDefaultAsync(s => s.AgencyId == agencyId, ct);
        if (record is null)
        {
            record = new ReminderSettingsRecord { AgencyId = agencyId, UpdatedBy = userName };
            db.Add(record);
        }

        record.Apply(clean);
        record.UpdatedBy = userName;
        record.UpdatedAt = clock.GetUtcNow();
        return errors;
    }

    /// <summary>
    /// The open requests (received, not yet decided) of <paramref name="agencyIds"/> (null: all), or only those assigned
    /// to <paramref name="assignedTo"/>, with their deadline brought up to <paramref name="today"/> from the stored
    /// projection, as the dashboard and the request list count it (ADR 0014).
    /// </summary>
    public async Task<List<OpenRequest>> OpenAsync(IReadOnlyCollection<int>? agencyIds, string? assignedTo, DateOnly today, WorkingDayCalendar calendar, CancellationToken ct = default)
    {
        var rows = await db.Requests.AsNoTracking()
            .Where(r => Open.Contains(r.Status) && (agencyIds == null || agencyIds.Contains(r.AgencyId)) && (assignedTo == null || r.AssignedTo == assignedTo))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.AgencyId, r.InformationTitle, r.Status, r.ClockState, r.DueOn, r.DueProvisional, r.PausedUntil, r.AssignedTo, r.AssignedToName })
            .ToListAsync(ct);
        return rows.Select(r => new OpenRequest(r.Id, r.AgencyId, r.InformationTitle, r.Status, r.ClockState, r.AssignedTo, r.AssignedToName,
            StatutoryDeadlines.Projected(calendar, r.ClockState, r.DueOn, r.DueProvisional, r.PausedUntil, today))).ToList();
    }
}
