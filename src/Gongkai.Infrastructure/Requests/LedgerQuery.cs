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
        var ledger = new YearLedger(year);
        // In the three scans of earlier years' requests agencies are filtered after grouping: an IN list in their WHERE
        // clause would steer SQLite away from the covering date indexes, and few of those requests are carried in.
        var scope = agencyIds?.ToHashSet();
        bool InScope(int agencyId) => scope is null || scope.Contains(agencyId);

        // Four narrow range scans over covering indexes, instead of one pass over every request ever received.
        foreach (var row in await ReceivedInYearAsync(db, scope?.ToList(), start, end, ct))
        {
            ledger.Add(row.ApplicantType, LedgerPlace.NewThisYear, row.Outcome, row.Count);
        }

        // Received before the year and decided within it, after it, or not yet: one read of the partial index that holds
        // only the requests decided in a later year than received, or still open.
        foreach (var row in (await CarriedInAsync(db, start, end, ct)).Where(r => InScope(r.AgencyId)))
        {
            ledger.Add(Enum.Parse<ApplicantType>(row.ApplicantType), LedgerPlace.CarriedIn, row.Outcome is null ? null : Enum.Parse<Outcome>(row.Outcome), row.Count);
        }

        return ledger;
    }

    /// <summary>
    /// The year ledger of every agency at once (the public statistics): the same reads as <see cref="BuildAsync"/>, grouped
    /// by agency. Agencies without requests have no entry.
    /// </summary>
    public static async Task<Dictionary<int, YearLedger>> BuildPerAgencyAsync(GongkaiDbContext db, int year, CancellationToken ct = default)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var ledgers = new Dictionary<int, YearLedger>();
        YearLedger Of(int agencyId) => ledgers.TryGetValue(agencyId, out var l) ? l : ledgers[agencyId] = new YearLedger(year);
        var received = await db.Requests.AsNoTracking().Where(r => r.ReceivedOn >= start && r.ReceivedOn <= end)
            .GroupBy(r => new { r.AgencyId, r.ApplicantType, Outcome = r.DecidedOn != null && r.DecidedOn <= end ? r.Outcome : null })
            .Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in received)
        {
            Of(row.AgencyId).Add(row.ApplicantType, LedgerPlace.NewThisYear, row.Outcome, row.Count);
        }

        foreach (var row in await CarriedInAsync(db, start, end, ct))
        {
            Of(row.AgencyId).Add(Enum.Parse<ApplicantType>(row.ApplicantType), LedgerPlace.CarriedIn, row.Outcome is null ? null : Enum.Parse<Outcome>(row.Outcome), row.Count);
        }

        return ledgers;
    }

    /// <summary>The covering index of the requests by decision date (then received, type, outcome, agency, due date).</summary>
    public const string DecidedIndex = "IX_Requests_Ledger_Decided";

    /// <summary>The partial index of the requests a later year can carry in (see <see cref="SqliteCarried"/>).</summary>
    public const string CarriedIndex = "IX_Requests_Ledger_Carried";

    /// <summary>
    /// Its condition on SQLite (dates are stored as yyyy-MM-dd text): open, or decided in another calendar year than
    /// received. A query must repeat it word for word for SQLite to use the index.
    /// </summary>
    public const string SqliteCarried = "\"DecidedOn\" IS NULL OR substr(\"DecidedOn\", 1, 4) <> substr(\"ReceivedOn\", 1, 4)";

    /// <summary>The same condition on PostgreSQL (date columns).</summary>
    public const string PostgresCarried = "\"DecidedOn\" IS NULL OR date_part('year', \"DecidedOn\") <> date_part('year', \"ReceivedOn\")";

    public sealed record CarriedRow(int AgencyId, string ApplicantType, string? Outcome, int Count);

    /// <summary>
    /// Requests received before <paramref name="start"/> and not decided before it, by agency, type and outcome (null:
    /// not decided within the year). Two ranges of the partial index (decided from the start on; open), each a few per
    /// cent of all requests, instead of the year's every decision.
    /// </summary>
    private static async Task<List<CarriedRow>> CarriedInAsync(GongkaiDbContext db, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var sqlite = db is SqliteGongkaiDbContext;
        var (carried, index) = sqlite ? (SqliteCarried, $"INDEXED BY \"{CarriedIndex}\"") : (PostgresCarried, "");
        var sql = $$"""
            SELECT "AgencyId", "ApplicantType", "Outcome", CAST(COUNT(*) AS INTEGER) AS "Count" FROM (
                SELECT "AgencyId", "ApplicantType", CASE WHEN "DecidedOn" <= {1} THEN "Outcome" END AS "Outcome"
                FROM "Requests" {{index}}
                WHERE ({{carried}}) AND "DecidedOn" >= {0} AND "ReceivedOn" < {0}
                UNION ALL
                SELECT "AgencyId", "ApplicantType", NULL
                FROM "Requests" {{index}}
                WHERE ({{carried}}) AND "DecidedOn" IS NULL AND "ReceivedOn" < {0}
            ) AS "Carried"
            GROUP BY "AgencyId", "ApplicantType", "Outcome"
            """;
        object from = sqlite ? start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : start;
        object to = sqlite ? end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : end;
        return await db.Database.SqlQueryRaw<CarriedRow>(sql, from, to).ToListAsync(ct);
    }

    private sealed record Group(ApplicantType ApplicantType, Outcome? Outcome, int Count);

    public sealed record ReceivedRow(string ApplicantType, string? Outcome, int Total, int DecidedInYear);

    /// <summary>
    /// Requests received in the year by the agencies in scope (null: all), by type and outcome (null: not decided within
    /// the year). The year's own requests are most of the ledger: they are filtered by agency in the database and not
    /// grouped by it, so that a small agency's report reads only its own requests and a big subtree's gets a few hundred
    /// groups back rather than one per agency, type and outcome.
    /// </summary>
    private static async Task<List<Group>> ReceivedInYearAsync(GongkaiDbContext db, List<int>? scope, DateOnly start, DateOnly end, CancellationToken ct)
    {
        if (db is SqliteGongkaiDbContext)
        {
            // SQLite groups a year of index entries fastest in index order: a skip-scan of the grouped covering index
            // streams the groups without a temporary B-tree (about 4× faster on a year of 140,000 requests), and seeks
            // straight to each agency in scope within each type and outcome.
            var from = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var to = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            const string select = """
                SELECT "ApplicantType", "Outcome", COUNT(*) AS "Total",
                       SUM(CASE WHEN "DecidedOn" <= {1} THEN 1 ELSE 0 END) AS "DecidedInYear"
                FROM "Requests" INDEXED BY "IX_Requests_Ledger_Grouped"
                WHERE "ReceivedOn" >= {0} AND "ReceivedOn" <= {1}
                """;
            const string inScope = """

                  AND "AgencyId" IN (SELECT "value" FROM json_each({2}))
                """;
            const string grouped = """

                GROUP BY "ApplicantType", "Outcome"
                """;
            var rows = await (scope is null
                ? db.Database.SqlQueryRaw<ReceivedRow>(select + grouped, from, to)
                : db.Database.SqlQueryRaw<ReceivedRow>(select + inScope + grouped, from, to, System.Text.Json.JsonSerializer.Serialize(scope))).ToListAsync(ct);
            var groups = new List<Group>();
            foreach (var row in rows)
            {
                var type = Enum.Parse<ApplicantType>(row.ApplicantType);
                Outcome? outcome = row.Outcome is null ? null : Enum.Parse<Outcome>(row.Outcome);
                if (outcome is not null && row.DecidedInYear > 0)
                {
                    groups.Add(new Group(type, outcome, row.DecidedInYear));
                }

                if (row.Total - (outcome is null ? 0 : row.DecidedInYear) > 0)
                {
                    groups.Add(new Group(type, null, row.Total - (outcome is null ? 0 : row.DecidedInYear)));
                }
            }

            return groups;
        }

        var received = db.Requests.AsNoTracking().Where(r => r.ReceivedOn >= start && r.ReceivedOn <= end);
        if (scope is not null)
        {
            received = received.Where(r => scope.Contains(r.AgencyId));
        }

        return await received
            .GroupBy(r => new { r.ApplicantType, Outcome = r.DecidedOn != null && r.DecidedOn <= end ? r.Outcome : null })
            .Select(g => new Group(g.Key.ApplicantType, g.Key.Outcome, g.Count()))
            .ToListAsync(ct);
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
