using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Security;

/// <summary>The abuse suite runs alone: it measures the process's memory, which other tests would add to.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UploadAbuseCollection : ICollectionFixture<UploadAbuseHost>
{
    public const string Name = "upload abuse";
}

/// <summary>The real host on Kestrel, bound to a loopback port, with the rate limits out of the way.</summary>
public sealed class UploadAbuseHost : IAsyncLifetime
{
    public GongkaiApp App { get; } = new(Db.Sqlite, settings: new Dictionary<string, string>
    {
        ["Gongkai:Checker:PerMinute"] = "100000",
        ["Gongkai:Uploads:QueueWait"] = "00:00:00.200",
    });

    public int AgencyId { get; private set; }
    public HttpClient Visitor { get; private set; } = null!;
    public HttpClient Clerk { get; private set; } = null!;
    public HttpClient Publisher { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.StartOnLoopback();
        AgencyId = (await App.AgencyAsync("示例区人民政府办公室")).Id;
        Visitor = App.Browser();
        Clerk = await App.LoginAsync(await App.NewStaffAsync(StaffRoles.Clerk, AgencyId));
        Publisher = await App.LoginAsync(await App.NewStaffAsync(StaffRoles.Publisher, AgencyId));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Hostile files posted to every endpoint that takes uploads, over a loopback socket: each answered within 5 seconds
/// with a 4xx and a Chinese reason, never a 500, while the process stays under 1 GB.
/// </summary>
[Collection(UploadAbuseCollection.Name)]
public sealed partial class UploadAbuseTests(UploadAbuseHost host)
{
    private const long Gigabyte = 1024L * 1024 * 1024;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>The endpoints, and whether they read a PDF's content (application and letter attachments only open it).</summary>
    public static TheoryData<string> Endpoints => ["检查页面", "检查接口", "检查接口表单", "依申请公开", "来信", "台账导入", "第二十条导入", "政务公开附件"];

    private Task<HttpResponseMessage> PostAsync(string endpoint, string name, byte[] content)
    {
        var agency = host.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var marker = Guid.NewGuid().ToString("N")[..8];
        return endpoint switch
        {
            "检查页面" => host.Visitor.PostFileAsync("/reports/check", "/reports/check", [], "Upload", name, content),
            "检查接口" => host.Visitor.PostAsync("/api/check", new ByteArrayContent(content)),
            "检查接口表单" => host.Visitor.PostAsync("/api/check", new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } }),
            "依申请公开" => host.Visitor.PostFileAsync("/apply", "/apply", new()
            {
                ["AgencyId"] = agency,
                ["Form.ApplicantType"] = "NaturalPerson",
                ["Form.ApplicantName"] = "张三",
                ["Form.IdType"] = "ResidentIdCard",
                ["Form.IdNumber"] = "11010519491231002X",
                ["Form.Phone"] = "13800138000",
                ["Form.InformationTitle"] = "附件攻击 " + marker,
                ["Form.ProvisionForm"] = "Electronic",
                ["Form.ObtainMethod"] = "Online",
            }, "Attachments", name, content),
            "来信" => host.Visitor.PostFileAsync($"/interaction/write?agency={agency}&channel=Inquiry", $"/interaction/write?agency={agency}&channel=Inquiry",
                new() { ["Channel"] = "Inquiry", ["Subject"] = "附件攻击 " + marker, ["Body"] = "请问这份文件。" + marker, ["WriterName"] = "李小梅", ["Phone"] = "13912345678" },
                "Files", name, content),
            "台账导入" => host.Clerk.PostFileAsync("/admin/requests/import", "/admin/requests/import", [], "Upload", name, content),
            "第二十条导入" => host.Publisher.PostFileAsync($"/admin/reports/article20?agency={agency}&year=2024", "/admin/reports/article20?handler=import",
                new() { ["agency"] = agency, ["year"] = "2024" }, "upload", name, content),
            "政务公开附件" => host.Publisher.PostFileAsync("/admin/publications/edit", "/admin/publications/edit", new()
            {
                ["Title"] = "附件攻击 " + marker,
                ["Issuer"] = "示例区人民政府办公室",
                ["WrittenOn"] = "2026-11-02",
                ["Type"] = "Other",
                ["Attribute"] = "Proactive",
                ["Category"] = "法规文件",
                ["BodyHtml"] = "<p>正文</p>",
                ["AgencyId"] = agency,
            }, "Files", name, content),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_hostile_file_is_refused_within_seconds_with_a_4xx_in_chinese_and_under_a_gigabyte(string endpoint)
    {
        var opensPdfOnly = endpoint is "依申请公开" or "来信";
        using var memory = new WorkingSetSampler();

        foreach (var (name, content) in MaliciousFiles.Corpus().Where(f => !(opensPdfOnly && f.Name == "炸弹.pdf")))
        {
            var clock = Stopwatch.StartNew();
            using var response = await PostAsync(endpoint, name, content);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            clock.Stop();

            var what = $"{endpoint} · {name}: {(int)response.StatusCode} in {clock.Elapsed.TotalSeconds:F1} s";
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}\n{Excerpt(body)}");
            Assert.True(clock.Elapsed <= Bound, what);
            Assert.True(Refusal().IsMatch(body), $"{what}: no Chinese reason\n{Excerpt(body)}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            if (endpoint.StartsWith("检查接口", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        // The test process also holds the other tests' hosts: what the hostile files may add is measured from here.
        Assert.True(memory.Growth < Gigabyte, $"working set grew by {memory.Growth / 1024 / 1024} MB (from {memory.Baseline / 1024 / 1024} MB)");
    }

    [Fact]
    public async Task The_same_pdf_attached_to_two_applications_is_stored_once()
    {
        var marker = Guid.NewGuid().ToString("N");
        var pdf = MaliciousFiles.Pdf($"BT ({marker}) Tj ET");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));

        using var first = await PostAsync("依申请公开", "身份证明.pdf", pdf);
        using var second = await PostAsync("依申请公开", "身份证明（复印）.pdf", pdf);

        Assert.True(first.IsRedirectTo("/apply/received"), $"{(int)first.StatusCode}");
        Assert.True(second.IsRedirectTo("/apply/received"), $"{(int)second.StatusCode}");
        Assert.Equal(2, await host.App.WithDbAsync(d => d.RequestAttachments.CountAsync(a => a.Sha256 == sha)));
        Assert.Equal(1, await host.App.WithDbAsync(d => d.StoredFiles.CountAsync(f => f.Sha256 == sha)));
        Assert.Equal(pdf, await host.App.WithDbAsync(d => d.StoredFiles.Where(f => f.Sha256 == sha).Select(f => f.Content).SingleAsync()));
    }

    [Fact]
    public async Task A_chunked_50_MB_body_to_the_check_api_is_answered_413_not_500()
    {
        using var response = await host.Visitor.PostAsync("/api/check", new EndlessContent(50L * 1024 * 1024));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("上传的内容超过 30 MB，已拒绝。", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_announced_too_large_is_refused_on_the_page_itself_with_413()
    {
        using var response = await host.Visitor.PostFileAsync("/reports/check", "/reports/check", [], "Upload", "大.txt", new byte[31 * 1024 * 1024]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<p class=\"error\" role=\"alert\">上传的内容超过 30 MB，已拒绝。</p>", html);
        Assert.Contains("<h1>年度报告检查</h1>", html);
    }

    [Fact]
    public async Task More_simultaneous_checks_than_the_gate_admits_are_turned_away_with_503_and_retry_after()
    {
        var gate = host.App.Services.GetRequiredService<UntrustedFileGate>();
        using var release = new ManualResetEventSlim();
        // Checks that are still running: every slot taken.
        var running = Enumerable.Range(0, gate.Limits.MaxConcurrentChecks).Select(_ => gate.RunAsync(b =>
        {
            release.Wait(b.Cancellation);
            return 0;
        }, CancellationToken.None)).ToList();
        var seed = "示例区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n"u8.ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Visitor.PostAsync("/api/check", new ByteArrayContent(seed))));
        var page = await host.Visitor.PostFileAsync("/reports/check", "/reports/check", [], "Upload", "报告.txt", seed);
        release.Set();
        await Task.WhenAll(running);
        var afterwards = await host.Visitor.PostAsync("/api/check", new ByteArrayContent(seed));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode));
        Assert.All(answers, a => Assert.Equal(TimeSpan.FromSeconds(UntrustedFileGate.RetryAfterSeconds), a.Headers.RetryAfter?.Delta));
        Assert.Contains("检查服务正忙", await answers[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("检查服务正忙", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    private static string Excerpt(string body) => body.Length > 2000 ? body[..2000] : body;

    /// <summary>A refusal in Chinese, as the pages and ProblemDetails word them.</summary>
    [GeneratedRegex("已拒绝|无法|的内容不是|不能上传|应为表头|损坏")]
    private static partial Regex Refusal();

    /// <summary>The largest working set seen while it lives, sampled every 20 ms.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak = Baselined();

        public long Baseline { get; } = Environment.WorkingSet;

        public long Growth => Math.Max(0, Peak - Baseline);

        private static long Baselined()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return Environment.WorkingSet;
        }

        public WorkingSetSampler() => _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet));
                await Task.Delay(20);
            }
        });

        public long Peak => Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet);

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }
    }

    /// <summary>Zeros, sent chunked (no Content-Length), written as they are read: nothing of it is held in memory.</summary>
    private sealed class EndlessContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
