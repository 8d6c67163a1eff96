using System.Net;
using System.Text.Json;
using Gongkai.Cli;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>The deadline calculator as the public, machines and administrators use it: the page, the API and the CLI.</summary>
public sealed class DeadlineCalculatorTests
{
    private const string SilentConsultee = """
        {"channel": "InPerson", "arrivedOn": "2024-04-01",
         "events": [{"type": "consultation-sent", "on": "2024-04-08", "party": "third-party"}],
         "asOf": "2024-06-28"}
        """;

    [Fact]
    public async Task The_api_returns_the_due_date_and_names_a_bad_field_with_400()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();

        var ok = await client.PostAsync("/api/clock", new StringContent(SilentConsultee, System.Text.Encoding.UTF8, "application/json"));
        var bad = await client.PostAsync("/api/clock", new StringContent("""{"channel": "Online", "arrivedOn": "2024-13-01"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal("2024-05-22", json.RootElement.GetProperty("dueOn").GetString());
        Assert.Equal("overdue", json.RootElement.GetProperty("state").GetString());
        Assert.False(json.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("征求意见期满", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("arrivedOn", problem.RootElement.GetProperty("field").GetString());
        Assert.Contains("yyyy-MM-dd", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_citizen_fills_in_the_page_and_reads_the_due_date_and_why()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();

        var response = await client.PostFormAsync("/tools/deadline", "/tools/deadline", new()
        {
            ["Channel"] = "OrdinaryLetter",
            ["ArrivedOn"] = "2025-01-20",
            ["ReceivedOn"] = "2025-01-27",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var missing = WebUtility.HtmlDecode(await (await client.PostFormAsync("/tools/deadline", "/tools/deadline", new() { ["Channel"] = "Online" })).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2025-02-21", page);
        Assert.Contains("平信于 2025-01-20 到达", page);
        Assert.Contains("请填写申请提交（到达）的日期", missing);
    }

    [Fact]
    public async Task The_cli_prints_text_or_json_and_exits_2_on_a_bad_timeline()
    {
        using var database = TestDatabase.Create(Db.Sqlite);
        var good = Path.Combine(database.DataDirectory, "good.json");
        var bad = Path.Combine(database.DataDirectory, "bad.json");
        await File.WriteAllTextAsync(good, SilentConsultee);
        await File.WriteAllTextAsync(bad, """{"channel": "Online", "arrivedOn": "2024-04-01", "events": [{"type": "fee-notice"}]}""");

        var (text, textCode, _) = await RunAsync(database, "clock", "--timeline", good);
        var (json, jsonCode, _) = await RunAsync(database, "clock", "--timeline", good, "--format", "json");
        var (_, badCode, error) = await RunAsync(database, "clock", "--timeline", bad);

        Assert.Equal(0, textCode);
        Assert.Contains("答复期限：2024-05-22", text);
        Assert.Equal(0, jsonCode);
        Assert.Equal("overdue", JsonDocument.Parse(json).RootElement.GetProperty("state").GetString());
        Assert.Equal(2, badCode);
        Assert.Contains("events[0].on", error);
    }

    private static async Task<(string Output, int Code, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GongkaiCli.RunAsync(args, output, error, database.Settings(demoData: false));
        return (output.ToString(), code, error.ToString());
    }
}
