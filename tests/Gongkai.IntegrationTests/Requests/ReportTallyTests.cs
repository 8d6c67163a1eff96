using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>
/// The tallies the annual report reads (ADR 0021) are kept by the database as requests change, whoever changes them:
/// after inserts, decisions, reopenings, corrections, moves between agencies, raw SQL and deletes they equal a count of
/// the requests themselves, and the ledger from them equals the ledger from the cases.
/// </summary>
public sealed class ReportTallyTests
{
    private static readonly int[] Years = [2021, 2022, 2023, 2024, 2025];

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Tallies_follow_every_change_to_the_requests(Db db)
    {
        var app = GongkaiApp.For(db);
        var parent = (await app.AgencyAsync("示例区人民政府")).Id;
        int[] agencies = [(await app.NewAgencyAsync(parent)).Id, (await app.NewAgencyAsync(parent)).Id];
        var random = new Random(17);
        await app.WithDbAsync(async d =>
        {
            for (var i = 0; i < 300; i++)
            {
                d.Requests.Add(Request(agencies[i % 2], random));
            }

            return await d.SaveChangesAsync();
        });
        await AssertTalliesAsync(app, agencies);

        // Steps as the stores write them: decided (also across the new year), reopened, corrected, moved.
        await app.WithDbAsync(async d =>
        {
            var rows = await d.Requests.Where(r => agencies.Contains(r.AgencyId)).OrderBy(r => r.Id).ToListAsync();
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
            {
                switch (i % 6)
                {
                    case 0 when row.ReceivedOn is { } received:
                        row.DecidedOn = received.AddDays(random.Next(0, 400));
                        row.Outcome = (Outcome)random.Next(21);
                        break;
                    case 1:
                        row.DecidedOn = null;
                        row.Outcome = null;
                        break;
                    case 2:
                        row.ApplicantType = (ApplicantType)random.Next(6);
                        break;
                    case 3:
                        row.AgencyId = agencies[(Array.IndexOf(agencies, row.AgencyId) + 1) % 2];
                        break;
                    case 4:
                        row.ReceivedOn = row.ReceivedOn is null ? new DateOnly(2023, 12, 30) : null;
                        break;
                    default:
                        row.InformationTitle += "（补正）";
                        break;
                }
            }

            return await d.SaveChangesAsync();
        });
        await AssertTalliesAsync(app, agencies);

        // Raw SQL, as a repair script or another tool would write, and deletes.
        await app.WithDbAsync(async d =>
        {
            var ids = await d.Requests.Where(r => agencies.Contains(r.AgencyId) && r.DecidedOn != null).OrderBy(r => r.Id).Select(r => r.Id).Take(40).ToListAsync();
            foreach (var id in ids.Take(20))
            {
                await d.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Requests\" SET \"DecidedOn\" = {new DateOnly(2025, 1, 2)}, \"Outcome\" = {nameof(Outcome.Disclosed)} WHERE \"Id\" = {id}");
            }

            foreach (var id in ids.Skip(20))
            {
                await d.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"Requests\" WHERE \"Id\" = {id}");
            }

            return 0;
        });
        await AssertTalliesAsync(app, agencies);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Fee_tallies_equal_the_fee_events_and_follow_a_request_to_another_agency(Db db)
    {
        using var app = new GongkaiApp(db, demoHistory: true);
        await AddFeesAsync(app);
        var expected = await app.WithDbAsync(FeesFromEventsAsync);
        Assert.True(expected.Values.Sum(f => f.Notices) > 0, "the demo history has fee notices");
        Assert.Equal(expected, await app.WithDbAsync(FeesFromTalliesAsync));

        // A request with a paid fee moved to another agency by SQL takes its notice and its amount along.
        var other = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id);
        var paid = await app.WithDbAsync(d => d.RequestEvents.Where(e => e.Type == nameof(FeePaid)).Select(e => e.RequestId).FirstAsync());
        await app.WithDbAsync(d => d.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Requests\" SET \"AgencyId\" = {other.Id} WHERE \"Id\" = {paid}"));
        var moved = await app.WithDbAsync(FeesFromEventsAsync);
        Assert.Contains(moved.Keys, k => k.AgencyId == other.Id);
        Assert.Equal(moved, await app.WithDbAsync(FeesFromTalliesAsync));

        // Counting afresh changes nothing, and the report's fee sentence reads the tallies.
        var before = await app.WithDbAsync(d => d.RequestTallies.AsNoTracking().Where(t => t.Count != 0).OrderBy(t => t.AgencyId).ThenBy(t => t.ReceivedYear)
            .ThenBy(t => t.DecidedYear).ThenBy(t => t.ApplicantType).ThenBy(t => t.Outcome).Select(t => $"{t.AgencyId}/{t.ReceivedYear}/{t.DecidedYear}/{t.ApplicantType}/{t.Outcome}={t.Count}").ToListAsync());
        await app.WithDbAsync(async d =>
        {
            await ReportTallyStore.RecountAsync(d);
            return 0;
        });
        var after = await app.WithDbAsync(d => d.RequestTallies.AsNoTracking().Where(t => t.Count != 0).OrderBy(t => t.AgencyId).ThenBy(t => t.ReceivedYear)
            .ThenBy(t => t.DecidedYear).ThenBy(t => t.ApplicantType).ThenBy(t => t.Outcome).Select(t => $"{t.AgencyId}/{t.ReceivedYear}/{t.DecidedYear}/{t.ApplicantType}/{t.Outcome}={t.Count}").ToListAsync());
        Assert.Equal(before, after);
        Assert.Equal(moved, await app.WithDbAsync(FeesFromTalliesAsync));

        var ((agencyId, year), (notices, collected)) = moved.First(f => f.Key.AgencyId != other.Id && f.Value.Collected > 0);
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(agencyId, year, subtree: false, live: true);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"发出收费通知{notices}件，收取信息处理费{collected:0.##}元"), report.FeesDraft);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Ledgers_of_large_scopes_and_of_every_agency_summed_in_the_database_equal_the_cases(Db db)
    {
        using var app = new GongkaiApp(db, demoHistory: true);
        var rows = await app.WithDbAsync(d => d.Requests.AsNoTracking()
            .Select(r => new { r.Id, r.AgencyId, r.ApplicantType, r.ReceivedOn, r.DecidedOn, r.Outcome }).ToListAsync());
        var agencies = await app.WithDbAsync(d => d.Agencies.Select(a => a.Id).ToListAsync());
        // More agencies than are sought one by one: the scan that sums in the database.
        var wide = agencies.Concat(Enumerable.Range(100_000, 60)).ToList();
        Assert.True(rows.Count > 100, "the demo history has years of requests");

        foreach (var year in Years.Prepend(2020))
        {
            var all = YearLedger.From(year, rows.Select(r => new LedgerFact(r.Id, r.ApplicantType, r.ReceivedOn, r.DecidedOn, r.Outcome)));
            AssertEqual(all, await app.WithDbAsync(d => LedgerQuery.BuildAsync(d, null, year)));
            AssertEqual(all, await app.WithDbAsync(d => LedgerQuery.BuildAsync(d, wide, year)));
            var perAgency = await app.WithDbAsync(d => LedgerQuery.BuildPerAgencyAsync(d, year));
            foreach (var agency in agencies)
            {
                var own = YearLedger.From(year, rows.Where(r => r.AgencyId == agency).Select(r => new LedgerFact(r.Id, r.ApplicantType, r.ReceivedOn, r.DecidedOn, r.Outcome)));
                AssertEqual(own, perAgency.GetValueOrDefault(agency) ?? new YearLedger(year));
            }
        }
    }

    private static void AssertEqual(YearLedger wanted, YearLedger actual)
    {
        foreach (var type in Enum.GetValues<ApplicantType>())
        {
            Assert.Equal(wanted.NewThisYear(type), actual.NewThisYear(type));
            Assert.Equal(wanted.CarriedIn(type), actual.CarriedIn(type));
            Assert.Equal(wanted.CarriedOut(type), actual.CarriedOut(type));
            Assert.All(Enum.GetValues<Outcome>(), o => Assert.Equal(wanted.Decided(type, o), actual.Decided(type, o)));
        }
    }

    /// <summary>Fee notices for some of the demo's requests, paid for most (one across the new year), as the request store appends them.</summary>
    private static Task<int> AddFeesAsync(GongkaiApp app) => app.WithDbAsync(async d =>
    {
        var requests = await d.Requests.Where(r => r.ReceivedOn >= new DateOnly(2021, 1, 1) && r.ReceivedOn < new DateOnly(2025, 12, 1))
            .OrderBy(r => r.Id).Take(12).Select(r => new { r.Id, r.ReceivedOn, Last = d.RequestEvents.Where(e => e.RequestId == r.Id).Max(e => e.Sequence) }).ToListAsync();
        decimal[] amounts = [100.5m, 230m, 45.25m, 12m];
        foreach (var (request, i) in requests.Select((r, i) => (r, i)))
        {
            var sent = i % 3 == 0 ? new DateOnly(request.ReceivedOn!.Value.Year, 12, 28) : request.ReceivedOn!.Value.AddDays(3);
            d.RequestEvents.Add(Event(request.Id, request.Last + 1, nameof(FeeNoticeSent), sent, $$"""{"Basis":"ByItem","Amount":{{amounts[i % 4]}},"Explanation":"按件计收"}"""));
            if (i % 4 != 3)
            {
                d.RequestEvents.Add(Event(request.Id, request.Last + 2, nameof(FeePaid), sent.AddDays(7), "{}"));
            }
        }

        return await d.SaveChangesAsync();
    });

    private static RequestEventRecord Event(long requestId, int sequence, string type, DateOnly on, string json) => new()
    {
        RequestId = requestId,
        Sequence = sequence,
        Type = type,
        On = on,
        RecordedAt = DateTimeOffset.UnixEpoch,
        UserName = "fees",
        Json = json,
    };

    private static RequestRecord Request(int agencyId, Random random)
    {
        DateOnly? received = random.Next(15) == 0 ? null : new DateOnly(2021, 11, 1).AddDays(random.Next(0, 1200));
        DateOnly? decided = received is { } r && random.Next(6) != 0 ? r.AddDays(random.Next(0, 90)) : null;
        return new RequestRecord
        {
            AgencyId = agencyId,
            TrackingCode = "TALLY" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            ApplicantName = "台账测试",
            IdNumber = "11010519491231002X",
            Phone = "13800138000",
            InformationTitle = "统计测试",
            ApplicantType = (ApplicantType)random.Next(6),
            Channel = Channel.InPerson,
            Status = decided is null ? RequestStatus.Processing : RequestStatus.Decided,
            SubmittedOn = received ?? new DateOnly(2024, 1, 1),
            ReceivedOn = received,
            DecidedOn = decided,
            Outcome = decided is null ? null : (Outcome)random.Next(21),
        };
    }

    /// <summary>The tallies of the agencies equal the requests counted one by one, and so does every year's ledger.</summary>
    private static async Task AssertTalliesAsync(GongkaiApp app, int[] agencies)
    {
        var rows = await app.WithDbAsync(d => d.Requests.AsNoTracking().Where(r => agencies.Contains(r.AgencyId))
            .Select(r => new { r.Id, r.AgencyId, r.ApplicantType, r.ReceivedOn, r.DecidedOn, r.Outcome }).ToListAsync());
        var expected = rows.Where(r => r.ReceivedOn is not null)
            .GroupBy(r => $"{r.AgencyId}/{r.ReceivedOn!.Value.Year}/{r.DecidedOn?.Year ?? 0}/{r.ApplicantType}/{r.Outcome}")
            .ToDictionary(g => g.Key, g => g.Count());
        var tallies = await app.WithDbAsync(d => d.RequestTallies.AsNoTracking().Where(t => agencies.Contains(t.AgencyId) && t.Count != 0).ToListAsync());
        Assert.Equal(expected.OrderBy(e => e.Key), tallies.ToDictionary(t => $"{t.AgencyId}/{t.ReceivedYear}/{t.DecidedYear}/{t.ApplicantType}/{t.Outcome}", t => t.Count).OrderBy(e => e.Key));

        foreach (var agency in agencies)
        {
            var facts = rows.Where(r => r.AgencyId == agency).Select(r => new LedgerFact(r.Id, r.ApplicantType, r.ReceivedOn, r.DecidedOn, r.Outcome)).ToList();
            foreach (var year in Years)
            {
                AssertEqual(YearLedger.From(year, facts), await app.WithDbAsync(d => LedgerQuery.BuildAsync(d, [agency], year)));
            }
        }
    }

    /// <summary>The fee figures as the report counted them before the tallies: from the events and their requests.</summary>
    private static async Task<Dictionary<(int AgencyId, int Year), (int Notices, decimal Collected)>> FeesFromEventsAsync(GongkaiDbContext db)
    {
        var events = await db.RequestEvents.AsNoTracking().Where(e => e.Type == nameof(FeeNoticeSent) || e.Type == nameof(FeePaid))
            .Join(db.Requests, e => e.RequestId, r => r.Id, (e, r) => new { e.Type, e.On, e.RequestId, e.Json, r.AgencyId }).ToListAsync();
        var amounts = events.Where(e => e.Type == nameof(FeeNoticeSent))
            .ToDictionary(e => e.RequestId, e => System.Text.Json.JsonDocument.Parse(e.Json).RootElement.GetProperty("Amount").GetDecimal());
        return events.GroupBy(e => (e.AgencyId, e.On.Year)).ToDictionary(g => g.Key, g => (
            g.Count(e => e.Type == nameof(FeeNoticeSent)),
            g.Where(e => e.Type == nameof(FeePaid)).Select(e => e.RequestId).Distinct().Sum(id => amounts.GetValueOrDefault(id))));
    }

    private static async Task<Dictionary<(int AgencyId, int Year), (int Notices, decimal Collected)>> FeesFromTalliesAsync(GongkaiDbContext db) =>
        (await db.FeeTallies.AsNoTracking().Where(f => f.Notices != 0 || f.CollectedFen != 0).ToListAsync())
            .ToDictionary(f => (f.AgencyId, f.Year), f => (f.Notices, f.CollectedFen / 100m));
}
