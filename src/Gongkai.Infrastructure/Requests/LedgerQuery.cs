using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// The year ledger counted in the database (one grouped query), for an agency subtree. The same rules as
/// <see cref="YearLedger.From"/>, which tests hold it to.
/// </summary>
public static class LedgerQuery
{
    public static async Task<YearLedger> BuildAsync(GongkaiDbContext db, IReadOnlyCollection<int>? agencyIds, int year, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var requests = db.Requests.AsNoTracking();
        var ledger = new YearLedger(year);
        // Agencies are filtered after grouping: an IN list in the WHERE clause would steer SQLite away from the
        // covering date indexes, and there are only a few agencies × types × outcomes groups to sift.
        var scope = agencyIds?.ToHashSet();
        bool InScope(int agencyId) => scope is null || scope.Contains(agencyId);

        // Four narrow range scans over covering indexes, instead of one pass over every request ever received.
        var receivedThisYear = await requests
            .Where(r => r.ReceivedOn >= start && r.ReceivedOn <= end)
            .GroupBy(r => new { r.AgencyId, r.ApplicantType, Outcome = r.DecidedOn != null && r.DecidedOn <= end ? r.Outcome : null })
            .Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in receivedThisYear.Where(r => InScope(r.AgencyId)))
        {
            ledger.Add(row.ApplicantType, LedgerPlace.NewThisYear, row.Outcome, row.Count);
        }

        var carriedInDecidedThisYear = await requests
            .Where(r => r.DecidedOn >= start && r.DecidedOn <= end && r.ReceivedOn < start)
            .GroupBy(r => new { r.AgencyId, r.ApplicantType, r.Outcome })
            .Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in carriedInDecidedThisYear.Where(r => InScope(r.AgencyId)))
        {
            ledger.Add(row.ApplicantType, LedgerPlace.CarriedIn, row.Outcome, row.Count);
        }

        // Received before the year and not decided within it: still open, or decided only after it (two scans:
        // an OR of the two would be a full table scan).
        var stillOpen = await requests
            .Where(r => r.DecidedOn == null && r.ReceivedOn < start)
            .GroupBy(r => new { r.AgencyId, r.ApplicantType })
            .Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, Count = g.Count() })
            .ToListAsync(ct);
        var decidedAfter = await requests
            .Where(r => r.DecidedOn > end && r.ReceivedOn < start)
            .GroupBy(r => new { r.AgencyId, r.ApplicantType })
            .Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in stillOpen.Concat(decidedAfter).Where(r => InScope(r.AgencyId)))
        {
            ledger.Add(row.ApplicantType, LedgerPlace.CarriedIn, null, row.Count);
        }

        return ledger;
    }

    /// <summary>The requests behind one cell of the ledger, so every figure can be traced to its cases.</summary>
    public static IQueryable<RequestRecord> Cell(IQueryable<RequestRecord> requests, int year, string cell, ApplicantType? type)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var inLedger = requests.Where(r => r.ReceivedOn != null && r.ReceivedOn <= end && (r.DecidedOn == null || r.DecidedOn >= start));
        if (type is { } t)
        {
            inLedger = inLedger.Where(r => r.ApplicantType == t);
        }

        return cell switch
        {
            "new" => inLedger.Where(r => r.ReceivedOn >= start),
            "carried-in" => inLedger.Where(r => r.ReceivedOn < start),
            "carried-out" => inLedger.Where(r => r.DecidedOn == null || r.DecidedOn > end),
            "decided" => inLedger.Where(r => r.DecidedOn != null && r.DecidedOn <= end),
            "all" => inLedger,
            _ when Enum.TryParse<Outcome>(cell, out var outcome) => inLedger.Where(r => r.DecidedOn != null && r.DecidedOn <= end && r.Outcome == outcome),
            _ => inLedger.Where(_ => false),
        };
    }
}
