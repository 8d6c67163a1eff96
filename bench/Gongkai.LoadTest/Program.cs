using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Load scenarios against a running server, or against a database directly. See bench/README.md.
return args.FirstOrDefault() switch
{
    "intake" => await Intake(Options(args)),
    "ledger" => await Ledger(Options(args)),
    "report" => await Report(Options(args)),
    "same-information" => SameInformationBench.Run(Options(args)),
    "supervision" => await Supervision(Options(args)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        gongkai load test
          intake --url http://127.0.0.1:5099 --key KEY --agency 2 [--clients 64] [--seconds 20]
          ledger --provider Sqlite|PostgreSQL --connection CONNSTRING [--rows 1000000] [--year 2024]
          report --provider Sqlite|PostgreSQL --connection CONNSTRING --scenario one|rollup [--year 2024]
          supervision --provider Sqlite|PostgreSQL --connection CONNSTRING [--year 2024]   (a database seeded by report --scenario rollup)
          same-information [--file bench/data/same-information.tsv] [--generate PATH] [--requests 100000]
        """);
    return 2;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 1; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }

    return options;
}

// 64 clients file requests through the API as fast as the server takes them for a fixed time (bounded in count and
// time, loopback only), then every accepted tracking code is read back: "accepted" must mean "kept".
static async Task<int> Intake(Dictionary<string, string> o)
{
    var url = new Uri(o["url"]);
    var clients = int.Parse(o.GetValueOrDefault("clients", "64"), CultureInfo.InvariantCulture);
    var seconds = int.Parse(o.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
    var agency = int.Parse(o.GetValueOrDefault("agency", "2"), CultureInfo.InvariantCulture);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", o["key"]);
    var accepted = new ConcurrentBag<string>();
    var latencies = new ConcurrentBag<double>();
    var failures = 0;
    var stop = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(seconds);
    const int maxPerClient = 100_000;

    async Task Client(int n)
    {
        for (var i = 0; i < maxPerClient && stop.Elapsed < deadline; i++)
        {
            var body = new
            {
                agencyId = agency,
                application = new
                {
                    applicantType = "NaturalPerson",
                    applicantName = $"压测{n}-{i}",
                    idType = "ResidentIdCard",
                    idNumber = "11010519491231002X",
                    phone = "13800138000",
                    informationTitle = $"压测申请 {n}-{i}",
                    provisionForm = "Electronic",
                    obtainMethod = "Online",
                },
            };
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync("/api/requests", body);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    accepted.Add(json.RootElement.GetProperty("trackingCode").GetString()!);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }

    await Task.WhenAll(Enumerable.Range(0, clients).Select(Client));
    var elapsed = stop.Elapsed.TotalSeconds;
    var sorted = latencies.Order().ToArray();
    double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    // Read every accepted code back through the public status API.
    var lost = 0;
    await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (code, ct) =>
    {
        using var response = await http.PostAsJsonAsync("/api/requests/status", new { code, phoneTail = "8000" }, ct);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref lost);
        }
    });

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"clients={clients} seconds={elapsed:F1} accepted={accepted.Count} failed={failures} rate={accepted.Count / elapsed:F0}/s p50={Percentile(0.50):F1}ms p99={Percentile(0.99):F1}ms lost={lost}"));
    return lost == 0 && failures == 0 ? 0 : 1;
}

// Seeds a ledger-sized table (if it is not already) and times the year ledger query.
static async Task<int> Ledger(Dictionary<string, string> o)
{
    var provider = Enum.Parse<DatabaseProvider>(o["provider"], ignoreCase: true);
    var rows = int.Parse(o.GetValueOrDefault("rows", "1000000"), CultureInfo.InvariantCulture);
    var year = int.Parse(o.GetValueOrDefault("year", "2024"), CultureInfo.InvariantCulture);
    await using var services = await OpenAsync(provider, o["connection"]);
    using var scope = services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
    if (!await db.Agencies.AnyAsync())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().SeedDemoDataAsync();
    }

    var existing = await db.Requests.CountAsync();
    if (existing < rows)
    {
        var seed = Stopwatch.StartNew();
        await Seeding.SeedAsync(db, rows - existing);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {rows - existing} requests in {seed.Elapsed.TotalSeconds:F0}s"));
        await AnalyzeAsync(db);
    }

    db.ChangeTracker.Clear();
    var agencies = await db.Agencies.Select(a => a.Id).ToListAsync();
    var timings = new List<double>();
    YearLedger? ledger = null;
    for (var i = 0; i < 7; i++)
    {
        var watch = Stopwatch.StartNew();
        ledger = await LedgerQuery.BuildAsync(db, agencies, year);
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }

    timings.Sort();
    var total = await db.Requests.CountAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"provider={provider} rows={total} year={year} new={ledger!.NewThisYear()} carriedIn={ledger.CarriedIn()} decided={ledger.Decided()} carriedOut={ledger.CarriedOut()} median={timings[timings.Count / 2]:F0}ms best={timings[0]:F0}ms"));
    return 0;
}

// Seeds a report-sized data set (if the database is empty) and times the annual report of one agency (`one`) or of a
// whole tree (`rollup`) side by side with one hand-written GROUP BY over the requests the report's year counts as new.
static async Task<int> Report(Dictionary<string, string> o)
{
    var provider = Enum.Parse<DatabaseProvider>(o["provider"], ignoreCase: true);
    var scenario = o.GetValueOrDefault("scenario", "one");
    var year = int.Parse(o.GetValueOrDefault("year", "2024"), CultureInfo.InvariantCulture);
    // one: a government with 10 departments; the first department receives about 100,000 requests a year, the others
    // share 50,000, over the report year and the year before (so there is a carried-in and a last-year ledger).
    // rollup: a government, 9 district governments and 110 units under each (1,000 agencies), and 1,000,000 requests
    // spread evenly over them and over 2019-06 … 2026-06, as in the ledger benchmark (about 143,000 a year).
    var (children, childLevel, grandchildren, rows) = scenario switch
    {
        "one" => (10, AgencyLevel.Department, 0, 300_000),
        "rollup" => (9, AgencyLevel.Government, 110, 1_000_000),
        _ => throw new ArgumentException($"unknown scenario '{scenario}': one or rollup"),
    };
    var agencyCount = 1 + children * (1 + grandchildren);

    await using var services = await OpenAsync(provider, o["connection"]);
    using var scope = services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
    var (haveAgencies, haveRows) = (await db.Agencies.CountAsync(), await db.Requests.CountAsync());
    if (haveAgencies == 0 && haveRows == 0)
    {
        var seed = Stopwatch.StartNew();
        var created = await Seeding.SeedAgenciesAsync(db, children, childLevel, grandchildren);
        if (scenario == "one")
        {
            var target = created[1];
            var others = created.Skip(2).ToList();
            var from = new DateOnly(year - 1, 1, 1);
            await Seeding.SeedAsync(db, rows, r => from.AddDays(r.Next(0, 730)), r => r.Next(3) == 0 ? others[r.Next(others.Count)] : target, history: true);
        }
        else
        {
            await Seeding.SeedAsync(db, rows, history: true);
        }

        await Seeding.SeedReportEntriesAsync(db, scenario == "one" ? created[1] : created[0], year, subtree: scenario == "rollup");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {agencyCount} agencies and {rows} requests with their events in {seed.Elapsed.TotalSeconds:F0}s"));
        await AnalyzeAsync(db);
    }
    else if (haveAgencies != agencyCount || haveRows != rows)
    {
        Console.Error.WriteLine($"The database holds {haveAgencies} agencies and {haveRows} requests, not the {agencyCount} and {rows} of scenario '{scenario}': give an empty database.");
        return 1;
    }
    else if (scenario == "one" && await db.Requests.MinAsync(r => r.ReceivedOn) != new DateOnly(year - 1, 1, 1))
    {
        Console.Error.WriteLine($"This database was seeded for another report year than {year}: give an empty database.");
        return 1;
    }

    db.ChangeTracker.Clear();
    var root = await db.Agencies.Where(a => a.ParentId == null).Select(a => a.Id).SingleAsync();
    var agencyId = scenario == "one" ? await db.Agencies.Where(a => a.ParentId == root).MinAsync(a => a.Id) : root;
    var subtree = scenario == "rollup";
    var inScopeIds = subtree ? await db.Agencies.Select(a => a.Id).ToListAsync() : [agencyId];
    var builder = scope.ServiceProvider.GetRequiredService<ReportBuilder>();

    await db.Database.OpenConnectionAsync();
    // The GROUP BY gets the best index it could have: led by the agency, the year's range, covering. The product has
    // no index of its own for this since the report reads the tallies (ADR 0021), and without one the GROUP BY would
    // read every row of the year: the ratio is against the fastest hand-written count, not a slow one.
    // SQLite counts fastest from a skip-scan of an index in group order (no temporary B-tree), PostgreSQL from a range.
    await db.Database.ExecuteSqlRawAsync(db is SqliteGongkaiDbContext
        ? """CREATE INDEX IF NOT EXISTS "Bench_Requests_GroupBy" ON "Requests" ("ApplicantType", "Outcome", "AgencyId", "ReceivedOn")"""
        : """CREATE INDEX IF NOT EXISTS "Bench_Requests_GroupBy" ON "Requests" ("AgencyId", "ReceivedOn", "ApplicantType", "Outcome")""");
    await db.Database.ExecuteSqlRawAsync("""ANALYZE "Requests";""");
    var sql = $"""
        SELECT "ApplicantType", "Outcome", COUNT(*) FROM "Requests"
        WHERE "AgencyId" IN ({string.Join(",", inScopeIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))})
          AND "ReceivedOn" >= @start AND "ReceivedOn" <= @end
        GROUP BY "ApplicantType", "Outcome"
        """;
    async Task<(int Groups, long Rows)> GroupByAsync()
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in new[] { ("@start", new DateOnly(year, 1, 1)), ("@end", new DateOnly(year, 12, 31)) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = BulkInsert.Value(db, value);
            command.Parameters.Add(parameter);
        }

        var groups = new List<(string Type, string? Outcome, long Count)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            groups.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)));
        }

        return (groups.Count, groups.Sum(g => g.Count));
    }

    // A warm-up, then 7 of each, alternating, so that a burst of other load on the machine hits all alike. The year
    // ledger alone is timed too: the report builds two (this year's, and last year's for rule T5).
    var model = await builder.BuildAsync(agencyId, year, subtree);
    var (groupCount, inScope) = await GroupByAsync();
    await LedgerQuery.BuildAsync(db, inScopeIds, year);
    var (reportTimings, sqlTimings, ledgerTimings) = (new List<double>(), new List<double>(), new List<double>());
    for (var i = 0; i < 7; i++)
    {
        var watch = Stopwatch.StartNew();
        model = await builder.BuildAsync(agencyId, year, subtree);
        reportTimings.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await GroupByAsync();
        sqlTimings.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await LedgerQuery.BuildAsync(db, inScopeIds, year);
        ledgerTimings.Add(watch.Elapsed.TotalMilliseconds);
    }

    // Where a report's time goes: the builder reports each phase as it starts.
    var phases = new PhaseClock();
    await builder.BuildAsync(agencyId, year, subtree, progress: phases);
    phases.Report("end");
    Console.WriteLine("phases: " + string.Join("; ", phases.Durations().Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Milliseconds:F1}ms"))));

    // The public statistics of every agency in scope for the year (the open-data download), counted together.
    var statistics = scope.ServiceProvider.GetRequiredService<Gongkai.Infrastructure.Statistics.PublicStatistics>();
    var inScopeAgencies = await db.Agencies.AsNoTracking().Where(a => inScopeIds.Contains(a.Id)).ToListAsync();
    await statistics.ForAsync(inScopeAgencies, year);
    var statisticsWatch = Stopwatch.StartNew();
    var figures = await statistics.ForAsync(inScopeAgencies, year);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"statistics of {figures.Count} agencies: {statisticsWatch.Elapsed.TotalMilliseconds:F0}ms, received {figures.Sum(f => f.Received)}"));

    reportTimings.Sort();
    sqlTimings.Sort();
    ledgerTimings.Sort();
    var (reportMedian, sqlMedian) = (reportTimings[3], sqlTimings[3]);
    var appeals = Enum.GetValues<AppealKind>().Sum(k => model.Appeals[k, AppealColumn.Total]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"provider={provider} scenario={scenario} year={year} agencies={model.CoveredAgencies.Count} requests={rows} rows={inScope} groups={groupCount} report median={reportMedian:F0}ms best={reportTimings[0]:F0}ms sql median={sqlMedian:F1}ms best={sqlTimings[0]:F1}ms ratio={reportMedian / sqlMedian:F1} ledger median={ledgerTimings[3]:F0}ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"report: {model.Title} new={model.Requests[RequestsRow.NewlyReceived, ApplicantColumn.Total]} carriedIn={model.Requests[RequestsRow.CarriedIn, ApplicantColumn.Total]} decided={model.Requests[RequestsRow.Total, ApplicantColumn.Total]} carriedOut={model.Requests[RequestsRow.CarriedOut, ApplicantColumn.Total]} appeals={appeals} findings={model.Findings.Count} fees=\"{model.FeesDraft}\""));
    return 0;
}

// The infrastructure as the web host and the CLI compose it, over the given database: migrated, with the roles and the
// built-in holiday schedule.
static async Task<int> Supervision(Dictionary<string, string> o)
{
    var provider = Enum.Parse<DatabaseProvider>(o["provider"], ignoreCase: true);
    await using var services = await OpenAsync(provider, o["connection"]);
    return await SupervisionBench.RunAsync(services, int.Parse(o.GetValueOrDefault("year", "2024"), CultureInfo.InvariantCulture));
}

static async Task<ServiceProvider> OpenAsync(DatabaseProvider provider, string connection)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Gongkai:Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:Gongkai"] = connection,
        // A folder of its own: the data directory is made private (0700), which must never happen to /tmp itself.
        ["Gongkai:DataDirectory"] = Path.Combine(Path.GetTempPath(), "gongkai-loadtest"),
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddGongkaiInfrastructure(GongkaiSettings.From(configuration, demoDataByDefault: false));
    services.AddGongkaiIdentityCore();
    var built = services.BuildServiceProvider();
    using var scope = built.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync();
    return built;
}

// Fresh table statistics after a bulk load: what the host does at every start on SQLite (ANALYZE), and what
// autovacuum does on PostgreSQL (whose index-only scans also need the visibility map a VACUUM writes).
static async Task AnalyzeAsync(GongkaiDbContext db) =>
    await db.Database.ExecuteSqlRawAsync(db is SqliteGongkaiDbContext ? "ANALYZE;" : "VACUUM ANALYZE;");

/// <summary>Times between the phases a report build announces (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class PhaseClock : IProgress<string>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Phase, double At)> _marks = [("start", 0)];

    public void Report(string value) => _marks.Add((value, _watch.Elapsed.TotalMilliseconds));

    public IEnumerable<(string Phase, double Milliseconds)> Durations() =>
        _marks.Zip(_marks.Skip(1), (a, b) => (a.Phase, b.At - a.At));
}
