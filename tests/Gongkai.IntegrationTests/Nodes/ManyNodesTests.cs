using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.IntegrationTests.Publications;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Nodes;

/// <summary>
/// Two web nodes (real processes) and the command line on one throw-away PostgreSQL database and one Redis server, on
/// loopback: they behave as one site. Search follows every commit whoever made it, a queued e-mail goes out once, a
/// rate limit counts across nodes, and a node killed with SIGKILL in the middle of intake loses no accepted request
/// while the other keeps serving.
/// </summary>
[Collection(ManyNodes.Collection)]
public sealed class ManyNodesTests
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Followed = TimeSpan.FromSeconds(5);

    [ManyNodesFact]
    public async Task Two_nodes_and_the_command_line_on_one_database_behave_as_one_site()
    {
        using var bench = await CatalogImportBench.CreateAsync(Db.PostgreSQL);
        var agencyId = await bench.WithDbAsync(d => d.Agencies.Where(a => a.CreditCode == CatalogImportBench.Code).Select(a => a.Id).SingleAsync());
        var publisher = await ManyNodes.StaffAsync(bench.Database, agencyId, StaffRoles.Publisher);
        var approver = await ManyNodes.StaffAsync(bench.Database, agencyId, StaffRoles.Approver);
        var settings = ManyNodes.Settings(agencyId);
        await using var a = WebNode.Start("node-a", bench.Database, settings);
        await using var b = WebNode.Start("node-b", bench.Database, settings);
        await Task.WhenAll(a.WaitHealthyAsync(Start), b.WaitHealthyAsync(Start));

        // A document imported through the command line is found on both nodes.
        var imported = UniqueWord();
        var file = bench.Write("old-site.json", CatalogImportBench.Json(new { title = $"{imported}管理办法", writtenOn = "2024-01-02", publishedOn = "2024-01-05", type = "Other", body = "<p>旧网站的文件。</p>" }));
        var run = await bench.ImportAsync(file);
        Assert.True(run.ExitCode == 0, run.Error);
        await Task.WhenAll(FoundWithinAsync(a, imported), FoundWithinAsync(b, imported));

        // A document published through node A is found on node B (and its catalog, cached before, shows it).
        using var anonymous = b.Client();
        Assert.DoesNotContain("发布测试", await anonymous.GetStringAsync("/catalog"));
        var published = UniqueWord();
        await PublishAsync(a, publisher, approver, agencyId, $"{published}发布测试通知");
        await FoundWithinAsync(b, published);
        await WithinAsync(async () => WebUtility.HtmlDecode(await anonymous.GetStringAsync("/catalog")).Contains($"{published}发布测试通知", StringComparison.Ordinal), "node B's cached catalog shows the new document");

        // A queued e-mail is sent once, though both nodes run the outbox.
        await bench.WithDbAsync(d =>
        {
            for (var i = 0; i < 20; i++)
            {
                d.RequestEmails.Add(new Gongkai.Infrastructure.Requests.RequestEmail { To = $"reader{i}@example.cn", Subject = $"测试邮件 {i}", Body = "正文", CreatedAt = TimeProvider.System.GetUtcNow() });
            }

            return d.SaveChangesAsync();
        });
        await WithinAsync(() => bench.WithDbAsync(async d => !await d.RequestEmails.AnyAsync(m => m.SentAt == null)), "every queued e-mail sent", TimeSpan.FromSeconds(30));
        var sentFiles = new[] { a, b }.Sum(n => Directory.Exists(Path.Combine(n.DataDirectory, "mail")) ? Directory.GetFiles(Path.Combine(n.DataDirectory, "mail"), "*.eml").Length : 0);
        Assert.Equal(20, sentFiles);
        Assert.Equal(20, await bench.WithDbAsync(d => d.RequestEmails.CountAsync(m => m.Attempts == 1)));

        // A rate limit hit on node A holds on node B (tracking: 3 per window in these settings).
        for (var i = 0; i < ManyNodes.TrackingLimit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Track(a)).StatusCode);
        }

        var refused = await Track(b);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        // 64-way intake, half on each node; node A is killed with SIGKILL in the middle of it.
        var intake = await IntakeAsync(a, b, agencyId);
        Assert.True(a.HasExited);
        Assert.True(intake.AcceptedOnA >= 20, $"node A accepted {intake.AcceptedOnA} before it was killed");
        Assert.Empty(intake.FailedOnB);
        var stored = await bench.WithDbAsync(d => d.Requests.Where(r => r.AgencyId == agencyId).Select(r => r.TrackingCode).ToListAsync());
        var lost = intake.Accepted.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {intake.Accepted.Count} accepted requests not stored, e.g. {string.Join(", ", lost.Take(3))}; stored e.g. {string.Join(", ", stored.Take(3))}");
        using (var api = ManyNodes.Api(b))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/requests", ManyNodes.Application(agencyId, "节点 A 停止之后"))).StatusCode);
        }
    }

    private static string UniqueWord() => new(Enumerable.Range(0, 4).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)).ToArray());

    private static async Task<HttpResponseMessage> Track(WebNode node)
    {
        using var client = node.Client();
        return await client.PostAsJsonAsync("/api/requests/status", new { code = "GK" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), phoneTail = "0000" });
    }

    /// <summary>The search API of <paramref name="node"/> finds <paramref name="word"/> within <see cref="Followed"/>.</summary>
    private static Task FoundWithinAsync(WebNode node, string word) => WithinAsync(async () =>
    {
        using var client = node.Client();
        using var results = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(word)));
        return results.RootElement.GetProperty("total").GetInt32() == 1;
    }, $"{node.Name} finds {word}", Followed);

    private static async Task WithinAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (timeout ?? Followed))
            {
                Assert.Fail($"Not within {(timeout ?? Followed).TotalSeconds} s: {what}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task PublishAsync(WebNode node, GongkaiApp.Staff publisher, GongkaiApp.Staff approver, int agencyId, string title)
    {
        using var drafting = await ManyNodes.LoginAsync(node, publisher);
        using var reviewing = await ManyNodes.LoginAsync(node, approver);
        var form = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Issuer"] = CatalogImportBench.AgencyName,
            ["WrittenOn"] = "2026-01-05",
            ["Type"] = "Other",
            ["Attribute"] = "Proactive",
            ["Category"] = "其他",
            ["BodyHtml"] = "<p>各有关单位：现将有关事项通知如下。</p>",
            ["AgencyId"] = agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var created = await drafting.PostFormAsync("/admin/publications/edit", "/admin/publications/edit", form);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var path = created.Headers.Location!.OriginalString;
        var reviewed = await reviewing.PostFormAsync(path, path + "?handler=review", new() { ["Opinion"] = "不涉密，同意公开。" });
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var today = Gongkai.Infrastructure.Requests.ChinaDate.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var done = await drafting.PostFormAsync(path, path + "?handler=publish", new() { ["PublishOn"] = today, ["NoInterpretationReason"] = "通知类文件，无需解读。" });
        Assert.True(done.IsRedirectTo(path), $"{(int)done.StatusCode} {await done.Content.ReadAsStringAsync()}");
    }

    private sealed record Intake(IReadOnlyCollection<string> Accepted, int AcceptedOnA, IReadOnlyCollection<string> FailedOnB);

    /// <summary>32 clients on each node file requests one after another; node A is killed once it has accepted 20.</summary>
    private static async Task<Intake> IntakeAsync(WebNode a, WebNode b, int agencyId)
    {
        var accepted = new ConcurrentBag<string>();
        var failedOnB = new ConcurrentBag<string>();
        var acceptedOnA = 0;
        using var stop = new CancellationTokenSource();

        async Task Client(WebNode node, int worker)
        {
            using var api = ManyNodes.Api(node);
            for (var i = 0; i < 8 && !(node == a && a.HasExited); i++)
            {
                try
                {
                    var response = await api.PostAsJsonAsync("/api/requests", ManyNodes.Application(agencyId, $"并发受理 {node.Name} {worker}-{i}"));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        // The code is shown in groups of four; stored without the dashes.
                        accepted.Add(created.RootElement.GetProperty("trackingCode").GetString()!.Replace("-", "", StringComparison.Ordinal));
                        if (node == a && Interlocked.Increment(ref acceptedOnA) == 20)
                        {
                            a.Kill();
                        }
                    }
                    else if (node == b)
                    {
                        failedOnB.Add($"{(int)response.StatusCode}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (node == b)
                    {
                        failedOnB.Add(e.GetType().Name);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 32).SelectMany(w => new[] { Client(a, w), Client(b, w) }));
        a.Kill();
        return new Intake(accepted.ToList(), acceptedOnA, failedOnB.ToList());
    }
}

/// <summary>What the many-node tests share: settings of the nodes, staff accounts, clients.</summary>
internal static class ManyNodes
{
    public const string Collection = "many-nodes";
    public const string RedisVariable = "GONGKAI_TEST_REDIS";
    public const int TrackingLimit = 3;

    public static string? Redis => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } s ? s : null;

    public static IReadOnlyDictionary<string, string> Settings(int agencyId) => new Dictionary<string, string>
    {
        ["ConnectionStrings:Redis"] = Redis ?? throw new InvalidOperationException($"CI=true but {RedisVariable} is not set: .ci/run starts a Redis server and sets it."),
        // Counters of earlier runs on the same server do not count.
        ["Gongkai:Redis:KeyPrefix"] = $"gongkai-test-{Guid.NewGuid():N}:",
        ["Gongkai:Jobs:TickSeconds"] = "1",
        ["Gongkai:Jobs:EverySeconds:mail-outbox"] = "1",
        ["Gongkai:RateLimits:tracking:PermitLimit"] = TrackingLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gongkai:RateLimits:tracking:WindowSeconds"] = "600",
        ["Gongkai:RateLimits:search:PermitLimit"] = "100000",
        ["Gongkai:RateLimits:login:PermitLimit"] = "100000",
        ["Gongkai:ApiClients:0:Name"] = "test-platform",
        ["Gongkai:ApiClients:0:KeySha256"] = Gongkai.Web.Security.ApiClientOptions.Hash(GongkaiApp.ApiKey),
        ["Gongkai:ApiClients:0:AgencyIds:0"] = agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static object Application(int agencyId, string title) => new
    {
        agencyId,
        application = new
        {
            applicantType = "NaturalPerson",
            applicantName = "王五",
            idType = "ResidentIdCard",
            idNumber = "11010519491231002X",
            phone = "13900139000",
            informationTitle = title,
            provisionForm = "Electronic",
            obtainMethod = "Online",
        },
    };

    public static HttpClient Api(WebNode node)
    {
        var client = node.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", GongkaiApp.ApiKey);
        return client;
    }

    public static async Task<HttpClient> LoginAsync(WebNode node, GongkaiApp.Staff staff)
    {
        var client = node.Client();
        var response = await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = staff.UserName, ["Password"] = staff.Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login on {node.Name}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The services a process without the web host has on <paramref name="database"/> (as the command line builds them).</summary>
    public static ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings(demoData: false)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiInfrastructure(GongkaiSettings.From(configuration, demoDataByDefault: false));
        services.AddGongkaiIdentityCore();
        return services.BuildServiceProvider();
    }

    /// <summary>An account made as the command line makes it, with a known password.</summary>
    public static async Task<GongkaiApp.Staff> StaffAsync(TestDatabase database, int agencyId, string role)
    {
        await using var provider = Services(database);
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var name = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "test-pass-2026";
        var user = new StaffUser { UserName = name, DisplayName = "测试" + role, AgencyId = agencyId, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return new GongkaiApp.Staff(name, password, agencyId);
    }
}

/// <summary>Runs when PostgreSQL and Redis are named; with CI=true it runs anyway and fails without them.</summary>
public sealed class ManyNodesFactAttribute : FactAttribute
{
    public ManyNodesFactAttribute()
    {
        if (!TestDatabase.CiRequiresEverything && (TestDatabase.PostgresServer is null || ManyNodes.Redis is null))
        {
            Skip = $"needs PostgreSQL and Redis: set {TestDatabase.PostgresVariable} and {ManyNodes.RedisVariable} (.ci/run does)";
        }
    }
}

[CollectionDefinition(ManyNodes.Collection, DisableParallelization = true)]
public sealed class ManyNodesCollection;
