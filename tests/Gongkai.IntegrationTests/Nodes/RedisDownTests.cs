using System.Net;
using System.Net.Http.Json;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Nodes;

/// <summary>Redis is a help, never a dependency: unreachable, a node serves, counts and saves on its own.</summary>
public sealed class RedisDownTests
{
    [Fact]
    public async Task With_redis_unreachable_pages_are_served_limits_still_count_and_saves_succeed()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["Gongkai:RateLimits:tracking:PermitLimit"] = "2",
        });
        var client = app.CreateClient();
        var agency = await app.NewAgencyAsync(null);

        var catalog = await client.GetAsync($"/catalog?agency={agency.Id}");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsync("/api/requests/status", JsonContent.Create(new { code = "GK" + Guid.NewGuid().ToString("N")[..10], phoneTail = "0000" }))).StatusCode);
        }

        await app.WithDbAsync(d =>
        {
            d.Publications.Add(CatalogDocuments.Document(agency.Id, "缓存不可用时发布的文件", "2024-05-08"));
            return d.SaveChangesAsync();
        });
        var after = await client.GetStringAsync($"/catalog?agency={agency.Id}");

        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("缓存不可用时发布的文件", WebUtility.HtmlDecode(after));
    }
}
