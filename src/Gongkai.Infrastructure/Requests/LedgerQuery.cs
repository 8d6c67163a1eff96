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
        var ids = agencyIds?.ToList();
        var rows = await db.Requests.AsNoTracking()
            .Where(r => ids == null || ids.Contains(r.AgencyId))
            .Where(r => r.ReceivedOn != null && r.ReceivedOn <= end && (r.DecidedOn == null || r.DecidedOn >= start))
            .GroupBy(r => new
            {
                r.ApplicantType,
                IsNew = r.ReceivedOn >= start,
                Outcome = r.DecidedOn != null && r.DecidedOn <= end ? r.Outcome : null,
            })
            .Select(g => new { g.Key.ApplicantType, g.Key.IsNew, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);

        var ledger = new YearLedger(year);
        foreach (var row in rows)
        {
            ledger.Add(row.ApplicantType, row.IsNew ? LedgerPlace.NewThisYear : LedgerPlace.CarriedIn, row.Outcome, row.Count);
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
            _ when Enum.TryParse<Outcome>(cell, out var outcome) => inLedger.Where(r => r.DecidedOn != null && r.DecidedOn <= end && r.Outcome == outcome),
            _ => inLedger.Where(_ => false),
        };
    }
}
