using System.Net;
using System.Text.Json;
using Gongkai.IntegrationTests.TestSupport;
using Gongkai.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Security;

/// <summary>Every anonymous door has a limit; the tracking code cannot be opened by trying every phone tail.</summary>
public sealed class PublicDoorTests
{
    private static async Task<(string Code, string Tail)> NewTrackedRequestAsync(GongkaiApp app)
    {
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var id = await app.NewRequestAsync(office.Id);
        var code = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.TrackingCode).SingleAsync());
        return (code, "8000");
    }

    [Fact]
    public async Task After_five_wrong_phone_tails_a_tracking_code_waits_even_for_the_right_one()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var (code, tail) = await NewTrackedRequestAsync(app);
        var client = app.Browser();

        for (var i = 0; i < TrackingGuard.FreeFailures; i++)
        {
            var wrong = await client.PostFormAsync("/track", "/track", new() { ["Code"] = code, ["PhoneTail"] = $"{i:0000}" });
            Assert.Contains("不正确", await wrong.Content.ReadAsStringAsync());
        }

        var right = await client.PostFormAsync("/track", "/track", new() { ["Code"] = code, ["PhoneTail"] = tail });
        var api = await client.PostAsync("/api/requests/status", JsonContent(new { code, phoneTail = tail }));

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("分钟后再试", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Contains("分钟后再试", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_tails_through_the_api_count_against_the_code_on_the_page_too()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var (code, tail) = await NewTrackedRequestAsync(app);
        var client = app.Browser();
        var first = await client.PostAsync("/api/requests/status", JsonContent(new { code, phoneTail = tail }));

        for (var i = 0; i < TrackingGuard.FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/requests/status", JsonContent(new { code, phoneTail = $"{i:0000}" }))).StatusCode);
        }

        var page = await client.PostFormAsync("/track", "/track", new() { ["Code"] = code.ToLowerInvariant(), ["PhoneTail"] = tail });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static HttpRequestMessage From(string address, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", address);
        return request;
    }

    [Fact]
    public async Task Each_anonymous_door_answers_429_in_chinese_past_its_limit_per_client_address()
    {
        var limits = RateLimits.Defaults.ToDictionary(l => $"Gongkai:RateLimits:{l.Policy}:PermitLimit", _ => "2");
        using var app = new GongkaiApp(Db.Sqlite, demoData: false, settings: limits);
        var client = app.Browser();

        async Task<List<HttpResponseMessage>> ThriceAsync(Func<HttpRequestMessage> make)
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 3; i++)
            {
                answers.Add(await client.SendAsync(make()));
            }

            return answers;
        }

        HttpContent Form() => new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });
        var doors = new Dictionary<string, Func<HttpRequestMessage>>
        {
            ["apply"] = () => From("192.0.2.1", HttpMethod.Post, "/apply", Form()),
            ["login"] = () => From("192.0.2.2", HttpMethod.Post, "/admin/login", Form()),
            ["track"] = () => From("192.0.2.3", HttpMethod.Post, "/track", Form()),
            ["status api"] = () => From("192.0.2.4", HttpMethod.Post, "/api/requests/status", JsonContent(new { code = "x", phoneTail = "1" })),
            ["letter"] = () => From("192.0.2.5", HttpMethod.Post, "/interaction/write", Form()),
            ["letter track"] = () => From("192.0.2.6", HttpMethod.Post, "/interaction/track", Form()),
            ["search"] = () => From("192.0.2.7", HttpMethod.Get, "/search?q=公开"),
            ["search api"] = () => From("192.0.2.8", HttpMethod.Get, "/api/search?q=公开"),
            ["checker api"] = () => From("192.0.2.9", HttpMethod.Post, "/api/check", new StringContent("x")),
            ["checker page"] = () => From("192.0.2.10", HttpMethod.Post, "/reports/check", Form()),
        };

        foreach (var (door, make) in doors)
        {
            var answers = await ThriceAsync(make);
            Assert.True(answers.Take(2).All(a => a.StatusCode != HttpStatusCode.TooManyRequests), door);
            Assert.True(answers[2].StatusCode == HttpStatusCode.TooManyRequests, $"{door}: {(int)answers[2].StatusCode}");
            Assert.True(answers[2].Headers.RetryAfter is not null, door);
            Assert.Contains("频繁", await answers[2].Content.ReadAsStringAsync());
        }

        // Another client behind the same proxy still gets in; reading a form is never counted.
        var other = await client.SendAsync(From("192.0.2.99", HttpMethod.Post, "/apply", Form()));
        var form = await client.SendAsync(From("192.0.2.1", HttpMethod.Get, "/apply"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
