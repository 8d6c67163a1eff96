using System.Net;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Checker;

/// <summary>The public checker page and POST /api/check.</summary>
public sealed class CheckPageTests
{
    private static readonly string Seed = Path.Combine(Documents.RepositoryRoot(), "tests", "Gongkai.Core.Tests", "Checker", "Samples", "2020-litong-district-office.txt");

    [Fact]
    public async Task Pasted_text_is_checked_and_each_finding_marks_its_line()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();

        var response = await client.PostFormAsync("/reports/check", "/reports/check", new() { ["Pasted"] = await File.ReadAllTextAsync(Seed) });
        var html = await response.Content.ReadAsStringAsync();
        var empty = await (await client.PostFormAsync("/reports/check", "/reports/check", [])).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2019 年试行版格式", html);
        Assert.Contains("<strong>错误 2</strong>", html);
        Assert.Contains("<li id=\"L17\" value=\"17\" class=\"marked error\">", html);
        Assert.Contains("[N1] 正文称收到申请 1 件", html);
        Assert.Contains("请选择报告文件，或粘贴报告的文字。", empty);
    }

    [Fact]
    public async Task The_api_checks_a_file_in_the_body_or_a_form_and_refuses_what_it_cannot_read()
    {
        var client = GongkaiApp.For(Db.Sqlite).Browser();
        var bytes = await File.ReadAllBytesAsync(Seed);

        var body = await client.PostAsync("/api/check", new ByteArrayContent(bytes));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "seed.txt" } };
        var multipart = await client.PostAsync("/api/check", form);
        var empty = await client.PostAsync("/api/check", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.OK, body.StatusCode);
        var json = await body.Content.ReadAsStringAsync();
        Assert.Contains("\"schema\": \"gongkai.report-check.v1\"", json);
        Assert.Contains("\"rule\": \"N1\"", json);
        Assert.Contains("\"file\": \"seed.txt\"", await multipart.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Contains("文件是空的", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_address_may_run_a_limited_number_of_checks_a_minute()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false, settings: new Dictionary<string, string> { ["Gongkai:Checker:PerMinute"] = "2" });
        var client = app.Browser();

        var first = await client.PostAsync("/api/check", new StringContent("示例"));
        var second = await client.PostAsync("/api/check", new StringContent("示例"));
        var third = await client.PostAsync("/api/check", new StringContent("示例"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("检查过于频繁", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
