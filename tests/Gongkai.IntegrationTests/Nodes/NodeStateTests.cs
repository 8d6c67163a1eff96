using System.Diagnostics;
using System.Net;
using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Nodes;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Infrastructure.Search;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Nodes;

/// <summary>
/// What each node keeps, checked in one process: the search index follows commits made outside it and keeps its
/// place in the change feed; e-mails are claimed before they are sent; a job's lease is held by one node; start-up runs
/// once; the portal's cache serves anonymous pages with ETags and is evicted by a save.
/// </summary>
public sealed class NodeStateTests
{
    private static string UniqueWord() => new(Enumerable.Range(0, 4).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)).ToArray());

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_document_written_by_another_process_reaches_the_index_and_leaves_it_when_withdrawn(Db db)
    {
        using var app = new GongkaiApp(db, demoData: false);
        var search = app.Services.GetRequiredService<PublicationSearch>();
        var agency = await app.NewAgencyAsync(null);
        var word = UniqueWord();
        var record = CatalogDocuments.Document(agency.Id, $"关于{word}的通知", "2024-05-08");

        // Written as the CLI or another node would: straight to the database, not through this node's store.
        await app.WithDbAsync(d =>
        {
            d.Publications.Add(record);
            return d.SaveChangesAsync();
        });
        await WithinAsync(() => search.Search(new SearchQuery(word)).Total == 1, "the document is found");
        var newest = await app.WithDbAsync(d => d.ChangeFeed.MaxAsync(e => e.Id));
        await WithinAsync(() => search.FeedPosition >= newest, "the index records its place in the feed");

        await app.WithDbAsync(d => d.Publications.Where(p => p.Id == record.Id).ExecuteDeleteAsync());

        await WithinAsync(() => search.Search(new SearchQuery(word)).Total == 0, "the deleted document leaves the index");
        Assert.Contains(await app.WithDbAsync(d => d.ChangeFeed.Where(e => e.EntityId == record.Id).Select(e => e.Topic).ToListAsync()), t => t == ChangeFeedTopics.Publication);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Two_nodes_racing_for_the_same_queued_emails_send_each_once(Db db)
    {
        var app = GongkaiApp.For(db);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(d =>
        {
            for (var i = 0; i < 30; i++)
            {
                d.RequestEmails.Add(new RequestEmail { To = $"race{i}@example.cn", Subject = $"竞争 {marker} {i}", Body = "正文", CreatedAt = TimeProvider.System.GetUtcNow() });
            }

            return d.SaveChangesAsync();
        });
        var folders = new[] { "a", "b" }.Select(n => Path.Combine(app.Database.DataDirectory, "race-" + marker + "-" + n)).ToArray();

        async Task<int> NodeAsync(string folder, string name)
        {
            using var scope = app.Services.CreateScope();
            var settings = scope.ServiceProvider.GetRequiredService<GongkaiSettings>();
            var mailer = new Mailer(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), settings with { Mail = new MailSettings { PickupDirectory = folder } }, TimeProvider.System, new NodeIdentity(name));
            var sent = 0;
            for (var round = 0; round < 5; round++)
            {
                sent += await mailer.SendPendingAsync();
            }

            return sent;
        }

        var sent = await Task.WhenAll(NodeAsync(folders[0], "node-a-" + marker), NodeAsync(folders[1], "node-b-" + marker));

        var mails = await app.WithDbAsync(d => d.RequestEmails.AsNoTracking().Where(m => m.Subject.StartsWith("竞争 " + marker)).ToListAsync());
        var files = folders.Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.eml")).ToList();
        Assert.All(mails, m => Assert.NotNull(m.SentAt));
        Assert.All(mails, m => Assert.Equal(1, m.Attempts));
        Assert.Equal(30, files.Count + mails.Count(m => m.ClaimedBy?.EndsWith(marker, StringComparison.Ordinal) != true));
        Assert.Equal(files.Count, sent.Sum());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_job_lease_is_held_by_one_node_until_its_period_ends(Db db)
    {
        var clock = FixedClock.At("2026-03-02T10:00:00+08:00");
        using var app = new GongkaiApp(db, demoData: false, clock: clock);
        var job = "test-job-" + Guid.NewGuid().ToString("N")[..8];

        async Task<bool> TakeAsync(string node)
        {
            using var scope = app.Services.CreateScope();
            return await new JobLeases(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), new NodeIdentity(node), clock).TryTakeAsync(job, TimeSpan.FromMinutes(1));
        }

        var first = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => TakeAsync("node-" + i)));
        var again = await TakeAsync("node-late");
        clock.Now += TimeSpan.FromSeconds(61);
        var after = await TakeAsync("node-late");

        Assert.Equal(1, first.Count(t => t));
        Assert.False(again);
        Assert.True(after);
        Assert.Equal("node-late", await app.WithDbAsync(d => d.JobLeases.Where(l => l.Name == job).Select(l => l.Holder).SingleAsync()));
    }

    [Theory]
    [PostgresCase]
    public async Task Nodes_starting_together_on_an_empty_database_migrate_and_seed_it_once(Db db)
    {
        using var database = TestDatabase.Create(db);

        async Task<int> StartAsync()
        {
            await using var provider = ManyNodes.Services(database);
            await using var scope = provider.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync()).Count;
        }

        var issued = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(StartAsync)));

        Assert.Equal(1, issued.Sum());
    }

    [Fact]
    public async Task The_portal_is_served_from_cache_with_an_etag_until_a_save_evicts_it_and_staff_never_see_a_cached_page()
    {
        // A host of its own: any save in a shared host (other tests) evicts the lists, which made this test flaky.
        using var app = new GongkaiApp(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        // The change feed's evictions of everything saved so far are done before the first visit.
        await app.Services.GetRequiredService<ChangeFeedFollower>().CatchUpAsync();
        var path = $"/catalog?agency={agency.Id}";
        using var visitor = app.Browser();

        var first = await visitor.GetAsync(path);
        var second = await visitor.GetAsync(path);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await visitor.SendAsync(revalidate);
        var word = UniqueWord();
        await app.WithDbAsync(d =>
        {
            d.Publications.Add(CatalogDocuments.Document(agency.Id, $"{word}实施细则", "2024-05-08"));
            return d.SaveChangesAsync();
        });
        var afterSave = await visitor.GetAsync(path);
        var staff = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        await staff.GetAsync(path);
        var staffSecond = await staff.GetAsync(path);

        Assert.NotNull(first.Headers.ETag);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Contains(word, WebUtility.HtmlDecode(await afterSave.Content.ReadAsStringAsync()));
        Assert.Null(afterSave.Headers.Age);
        Assert.Null(staffSecond.Headers.Age);
        Assert.Null(staffSecond.Headers.ETag);
    }

    [ManyNodesFact]
    public async Task Wrong_answers_counted_on_one_node_hold_on_another_through_redis()
    {
        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ManyNodes.Redis!);
        var shared = new Gongkai.Web.Scaling.SharedCounters(redis, $"gongkai-test-{Guid.NewGuid():N}:");
        var (a, b) = (new Gongkai.Web.Security.TrackingGuard(TimeProvider.System, shared), new Gongkai.Web.Security.TrackingGuard(TimeProvider.System, shared));
        var (loginA, loginB) = (new Gongkai.Web.Security.LoginThrottle(TimeProvider.System, shared), new Gongkai.Web.Security.LoginThrottle(TimeProvider.System, shared));
        var code = "GK" + Guid.NewGuid().ToString("N")[..10];
        var login = Gongkai.Web.Security.LoginThrottle.Key("clerk", IPAddress.Loopback);

        for (var i = 0; i < Gongkai.Web.Security.TrackingGuard.FreeFailures; i++)
        {
            await a.WrongTailAsync(code);
            await loginA.FailedAsync(login);
        }

        var waitOnB = await b.WaitForCodeAsync(code);
        var loginWaitOnB = await loginB.WaitForAsync(login);
        var stored = await redis.GetServers()[0].KeysAsync(pattern: shared.Prefix + "*").ToListAsync();
        await b.OpenedAsync(code);

        Assert.True(waitOnB > TimeSpan.FromMinutes(14), $"node B waits {waitOnB}");
        Assert.True(loginWaitOnB > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, await a.WaitForCodeAsync(code));
        Assert.DoesNotContain(stored, k => k.ToString().Contains(code, StringComparison.Ordinal) || k.ToString().Contains("clerk", StringComparison.Ordinal));
        await redis.DisposeAsync();
    }

    private static async Task WithinAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "not within 10 s: " + what);
            await Task.Delay(100);
        }
    }
}
