using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure;
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
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        gongkai load test
          intake --url http://127.0.0.1:5099 --key KEY --agency 2 [--clients 64] [--seconds 20]
          ledger --provider Sqlite|PostgreSQL --connection CONNSTRING [--rows 1000000] [--year 2024]
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
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Gongkai:Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:Gongkai"] = o["connection"],
        ["Gongkai:DataDirectory"] = Path.GetTempPath(),
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddGongkaiInfrastructure(GongkaiSettings.From(configuration, demoDataByDefault: false));
    services.AddGongkaiIdentityCore();
    await using var provider_ = services.BuildServiceProvider();
    using var scope = provider_.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync();
    if (!await db.Agencies.AnyAsync())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().SeedDemoDataAsync();
    }

    var existing = await db.Requests.CountAsync();
    if (existing < rows)
    {
        var seed = Stopwatch.StartNew();
        await SeedAsync(db, rows - existing);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {rows - existing} requests in {seed.Elapsed.TotalSeconds:F0}s"));
        // What the host does at every start.
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().OptimizeAsync();
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

static async Task SeedAsync(GongkaiDbContext db, int count)
{
    var random = new Random(1);
    var agencies = await db.Agencies.Select(a => a.Id).ToListAsync();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    const int batch = 5000;
    for (var done = 0; done < count; done += batch)
    {
        for (var i = 0; i < Math.Min(batch, count - done); i++)
        {
            var received = new DateOnly(2019, 6, 1).AddDays(random.Next(0, 7 * 365));
            DateOnly? decided = random.Next(20) == 0 ? null : received.AddDays(random.Next(1, 60));
            db.Requests.Add(new RequestRecord
            {
                AgencyId = agencies[random.Next(agencies.Count)],
                TrackingCode = "B" + (done + i).ToString("D11", CultureInfo.InvariantCulture),
                ApplicantName = "基准测试",
                IdNumber = "11010519491231002X",
                Phone = "13800138000",
                InformationTitle = "基准测试申请",
                ApplicantType = (ApplicantType)random.Next(6),
                Channel = Channel.Online,
                Status = decided is null ? RequestStatus.Processing : RequestStatus.Archived,
                SubmittedOn = received,
                ReceivedOn = received,
                DecidedOn = decided,
                Outcome = decided is null ? null : (Outcome)random.Next(21),
                Version = 1,
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
