using System.Net;
using System.Net.Http.Json;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Nodes;

/// <summary>Metrics are off by default; turned on, <c>/metrics</c> serves request latency per route and the node's own gauges.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_are_off_by_default_and_on_request_show_routes_and_the_nodes_gauges_without_personal_data()
    {
        var off = await GongkaiApp.For(Db.Sqlite).CreateClient().GetAsync("/metrics");
        using var app = new GongkaiApp(Db.Sqlite, demoData: false, settings: new Dictionary<string, string> { ["Gongkai:Telemetry:Prometheus"] = "true" });
        var client = app.CreateClient();
        await client.GetAsync("/catalog");
        var tracked = await client.PostAsync("/api/requests/status", JsonContent.Create(new { code = "SECRETCODE12", phoneTail = "1234" }));

        string text = "";
        for (var i = 0; i < 50 && !text.Contains("gongkai_requests_open", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            text = await client.GetStringAsync("/metrics");
        }

        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("gongkai_mail_queued", text);
        Assert.Contains("gongkai_changefeed_lag", text);
        Assert.Contains("gongkai_requests_open", text);
        Assert.Contains("gongkai_requests_overdue", text);
        // Routes are templates (a Razor page's has no leading slash), never the paths visitors typed.
        Assert.Contains("http_route=\"catalog\"", text);
        Assert.Contains("http_route=\"/api/requests/status\"", text);
        Assert.DoesNotContain("SECRETCODE12", text);
        Assert.NotEqual(HttpStatusCode.InternalServerError, tracked.StatusCode);
    }
}
