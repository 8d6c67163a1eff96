using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Interaction;

/// <summary>Letters read: what is due, deadlines, counts for the report, a letter by its code, recounts after a calendar import.</summary>
public sealed partial class LetterStore
{
    /// <summary>
    /// Open letters of the agencies with their reply deadline on <paramref name="today"/>: the due and overdue lists.
    /// Working days left are counted through provisional years too; a due date where nothing is reckoned has none.
    /// </summary>
    public async Task<List<LetterDue>> DueAsync(IReadOnlyCollection<int>? agencyIds, DateOnly today, CancellationToken ct = default)
    {
        var calendar = await calendars.GetCalendarAsync(ct);
        var ids = agencyIds?.ToList();
        var open = await db.Letters.AsNoTracking()
            .Where(l => (ids == null || ids.Contains(l.AgencyId)) && (l.Status == LetterStatus.Received || l.Status == LetterStatus.Assigned || l.Status == LetterStatus.AwaitingApproval))
            .OrderBy(l => l.DueOn).Select(l => new { l.Id, l.Channel, l.Subject, l.Status, l.Unit, l.Handler, l.ReceivedOn, l.DueOn })
            .ToListAsync(ct);
        return open.Select(l => new LetterDue(l.Id, l.Channel, l.Subject, l.Status, l.Unit, l.Handler, l.ReceivedOn, DeadlineOf(calendar, l.ReceivedOn, l.DueOn, null, today))).ToList();
    }

    /// <summary>A letter's reply deadline as stored (set on receipt or reopening, recounted on a schedule import), on <paramref name="today"/>.</summary>
    public static Deadline DeadlineOf(WorkingDayCalendar calendar, DateOnly receivedOn, DateOnly dueOn, DateOnly? answeredOn, DateOnly today) =>
        Deadline.At(calendar, dueOn, today, answeredOn, Letter.ReplyTime, [$"{receivedOn:yyyy-MM-dd} 收到来信。"]);

    /// <summary>The letter's reply deadline on <paramref name="today"/>.</summary>
    public async Task<Deadline> DeadlineAsync(LetterRecord letter, DateOnly today, CancellationToken ct = default) =>
        DeadlineOf(await calendars.GetCalendarAsync(ct), letter.ReceivedOn, letter.DueOn, letter.AnsweredOn, today);

    /// <summary>
    /// After the holiday schedule changed: open letters whose reply time ran past the old schedule are counted again
    /// with the new one — the same number of working days from the day received — and the change is recorded.
    /// Returns how many moved.
    /// </summary>
    public async Task<int> RecomputeProvisionalDueAsync(WorkingDayCalendar before, WorkingDayCalendar after, CancellationToken ct = default)
    {
        var lastOfficial = before.Schedule.CoversTo;
        var letters = await db.Letters
            .Where(l => (l.Status == LetterStatus.Received || l.Status == LetterStatus.Assigned || l.Status == LetterStatus.AwaitingApproval) && l.DueOn > lastOfficial)
            .ToListAsync(ct);
        var moved = 0;
        foreach (var letter in letters)
        {
            if (!before.Reckons(letter.ReceivedOn) || !before.Reckons(letter.DueOn))
            {
                continue;
            }

            var period = before.Left(letter.ReceivedOn, letter.DueOn);
            if (Deadline.Count(after, letter.ReceivedOn, period, letter.ReceivedOn, null, Letter.ReplyTime).Due is not { } due || due == letter.DueOn)
            {
                continue;
            }

            var recounted = letter.ToLetter();
            if (recounted.Recount(due, after.IsProvisional(due)))
            {
                db.LetterEvents.AddRange(letter.Take(recounted, clock.GetUtcNow()));
                letter.Version++;
                moved++;
            }
        }

        await db.SaveChangesAsync(ct);
        return moved;
    }

    /// <summary>Whether a stored due date lies past the published holiday schedule (shown as 预计).</summary>
    public async Task<bool> IsProvisionalAsync(DateOnly due, CancellationToken ct = default) =>
        (await calendars.GetCalendarAsync(ct)).IsProvisional(due);

    /// <summary>The year's letters per channel for the annual report.</summary>
    public async Task<IReadOnlyList<ChannelCount>> CountsAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default) =>
        LetterCounting.Count(await FactsAsync(db, agencyIds, year, ct), year);

    /// <summary>The letters the agencies received in the year, as the counts need them.</summary>
    public static Task<List<LetterFacts>> FactsAsync(GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var ids = agencyIds.ToList();
        return db.Letters.AsNoTracking()
            .Where(l => ids.Contains(l.AgencyId) && l.ReceivedOn >= start && l.ReceivedOn <= end)
            .Select(l => new LetterFacts(l.Channel, l.ReceivedOn, l.DueOn, l.AnsweredOn, l.Status))
            .ToListAsync(ct);
    }

    public async Task<LetterRecord?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = RequestStore.NormalizeCode(code);
        return normalized.Length == 12
            ? await db.Letters.AsNoTracking().Include(l => l.Events.OrderBy(e => e.Id)).FirstOrDefaultAsync(l => l.TrackingCode == normalized, ct)
            : null;
    }

    public static string ContentHash(string subject, string body)
    {
        static string Normal(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).Select(char.ToLowerInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normal(subject) + "\u0001" + Normal(body))));
    }
}
