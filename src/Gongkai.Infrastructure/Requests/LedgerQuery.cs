using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// The year ledger of an agency subtree, from the tallies the database keeps as requests change (<see cref="RequestTally"/>,
/// ADR 0021): a few rows per agency and year instead of every request. The same rules as <see cref="YearLedger.From"/>,
/// which tests hold it to on every store.
/// </summary>
public static class LedgerQuery
{
    public static async Task<YearLedger> BuildAsync(GongkaiDbContext db, IReadOnlyCollection<int>? agencyIds, int year, CancellationToken ct = default)
    {
        var ledger = new YearLedger(year);
        foreach (var tally in await TalliesAsync(db, agencyIds, year, byAgency: false, ct))
        {
            Add(ledger, tally);
        }

        return ledger;
    }

    /// <summary>
    /// The year ledger of every agency at once (the public statistics), from the same tallies as <see cref="BuildAsync"/>.
    /// Agencies without requests in the year have no entry.
    /// </summary>
    public static async Task<Dictionary<int, YearLedger>> BuildPerAgencyAsync(GongkaiDbContext db, int year, CancellationToken ct = default)
    {
        var ledgers = new Dictionary<int, YearLedger>();
        foreach (var tally in await TalliesAsync(db, null, year, byAgency: true, ct))
        {
            if (tally.Count != 0)
            {
                Add(ledgers.TryGetValue(tally.AgencyId, out var l) ? l : ledgers[tally.AgencyId] = new YearLedger(year), tally);
            }
        }

        return ledgers;
    }

    /// <summary>Up to this many agencies are sought by key (the tallies' key leads with the agency); more are filtered in a scan.</summary>
    private const int SmallScope = 50;

    /// <summary>
    /// The tallies that can be in <paramref name="year"/>'s ledger — received by its end, and open or decided from its start
    /// on — summed in the database over what the ledger cannot tell apart: every year before <paramref name="year"/> is
    /// one (received earlier), every year after it is one (decided later, its outcome not yet counted), and, unless
    /// <paramref name="byAgency"/>, every agency in scope is one. A province's tree of 1,000 agencies keeps hundreds of
    /// thousands of tallies; its ledger is a few hundred sums.
    /// </summary>
    private static async Task<List<RequestTally>> TalliesAsync(GongkaiDbContext db, IReadOnlyCollection<int>? agencyIds, int year, bool byAgency, CancellationToken ct)
    {
        var tallies = db.RequestTallies.AsNoTracking()
            .Where(t => (t.DecidedYear == RequestTally.Open || t.DecidedYear >= year) && t.ReceivedYear <= year);
        if (agencyIds is not null)
        {
            var ids = agencyIds.ToList();
            tallies = tallies.Where(t => ids.Contains(t.AgencyId));
        }

        if (agencyIds is not null && agencyIds.Count <= SmallScope)
        {
            return await tallies.ToListAsync(ct);
        }

        var (before, after) = (year - 1, year + 1);
        return await tallies.GroupBy(t => new
        {
            AgencyId = byAgency ? t.AgencyId : 0,
            ReceivedYear = t.ReceivedYear < year ? before : t.ReceivedYear,
            DecidedYear = t.DecidedYear > year ? after : t.DecidedYear,
            t.ApplicantType,
            Outcome = t.DecidedYear == year ? t.Outcome : RequestTally.NoOutcome,
        }).Select(g => new RequestTally
        {
            AgencyId = g.Key.AgencyId,
            ReceivedYear = g.Key.ReceivedYear,
            DecidedYear = g.Key.DecidedYear,
            ApplicantType = g.Key.ApplicantType,
            Outcome = g.Key.Outcome,
            Count = g.Sum(t => t.Count),
        }).ToListAsync(ct);
    }

    /// <summary>
    /// Adds one tally by the ledger's own rule (<see cref="YearLedger.ContributionTo"/>): a tally knows only years, and
    /// the rule compares a request's dates with the year's first and last day, so each year stands for its 1 January.
    /// </summary>
    private static void Add(YearLedger ledger, RequestTally tally)
    {
        var fact = new LedgerFact(0, tally.ApplicantType, new DateOnly(tally.ReceivedYear, 1, 1),
            tally.DecidedYear == RequestTally.Open ? null : new DateOnly(tally.DecidedYear, 1, 1),
            tally.Outcome == RequestTally.NoOutcome ? null : Enum.Parse<Outcome>(tally.Outcome));
        if (tally.Count != 0 && YearLedger.ContributionTo(ledger.Year, fact) is { } contribution)
        {
            ledger.Add(contribution.Type, contribution.Place, contribution.Outcome, tally.Count);
        }
    }

    /// <summary>The covering index of the requests by decision date (then received, type, outcome, agency, due date).</summary>
    public const string DecidedIndex = "IX_Requests_Ledger_Decided";

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
