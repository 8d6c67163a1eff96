using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Infrastructure.Files;
using Gongkai.IntegrationTests.TestSupport;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongkai.IntegrationTests.Deployment;

/// <summary>
/// deploy/nginx/gongkai.conf against what the host actually does, so that the two never drift: nginx lets through
/// every body the app accepts (the app, not nginx, refuses one too large, in Chinese) and forwards the headers the
/// host believes from a trusted proxy.
/// </summary>
public sealed partial class NginxConfigTests
{
    private static string Config() => File.ReadAllText(Path.Combine(Documents.RepositoryRoot(), "deploy", "nginx", "gongkai.conf"));

    [Fact]
    public void Nginx_lets_through_every_body_the_app_accepts_so_that_the_app_answers_one_too_large()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var limits = BodySizes(Config());
        var server = Assert.Single(limits, l => l.Location is null).Bytes;

        // The report checker and the imports by default, and what Kestrel allows an endpoint that declares nothing.
        Assert.True(server >= UntrustedFileLimits.Default.MaxUploadBytes + UploadLimits.FormOverhead, $"client_max_body_size {server} is below the default upload limit.");
        Assert.True(server >= Gongkai.Web.Security.BodyLimits.DefaultLimit, $"client_max_body_size {server} is below Kestrel's default.");

        var declared = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant(),
                Bytes: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize))
            .Where(e => e.Bytes is not null)
            .ToList();
        Assert.Contains(declared, e => e.Route == "/reports/check");
        foreach (var (route, bytes) in declared)
        {
            // nginx takes the longest matching prefix location; without one, the server's value.
            var location = limits.Where(l => l.Location is { } prefix && (route + "/").StartsWith(prefix, StringComparison.Ordinal))
                .OrderByDescending(l => l.Location!.Length).FirstOrDefault();
            var allowed = location.Location is null ? server : location.Bytes;
            Assert.True(allowed >= bytes, $"{route} accepts {bytes} bytes but nginx lets through only {allowed} ({location.Location ?? "server"}).");
        }
    }

    [Fact]
    public void Nginx_forwards_the_client_address_and_scheme_the_host_believes_and_sends_hsts_once()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var config = Config();
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders;

        Assert.True(forwarded.HasFlag(ForwardedHeaders.XForwardedFor) && forwarded.HasFlag(ForwardedHeaders.XForwardedProto));
        // The client's address replaces whatever the client sent in the header.
        Assert.Matches(@"proxy_set_header X-Forwarded-For \$remote_addr;", config);
        Assert.Matches(@"proxy_set_header X-Forwarded-Proto \$scheme;", config);
        Assert.Matches(@"proxy_set_header Host \$host;", config);
        if (forwarded.HasFlag(ForwardedHeaders.XForwardedHost))
        {
            Assert.Matches(@"proxy_set_header X-Forwarded-Host \$host;", config);
        }

        // The host sends HSTS itself when its public address is https: nginx drops that copy and sends its own.
        Assert.Contains("proxy_hide_header Strict-Transport-Security;", config, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(config, "add_header Strict-Transport-Security"));
    }

    /// <summary>Each client_max_body_size of the HTTPS server with its prefix location (null: the server's own).</summary>
    private static List<(string? Location, long Bytes)> BodySizes(string config)
    {
        var limits = new List<(string?, long)>();
        var blocks = new Stack<string>();
        foreach (var raw in config.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.EndsWith('{'))
            {
                blocks.Push(line.TrimEnd('{').Trim());
            }
            else if (line == "}")
            {
                blocks.Pop();
            }
            else if (BodySize().Match(line) is { Success: true } size)
            {
                var location = blocks.Select(b => LocationPrefix().Match(b)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
                var unit = size.Groups[2].Value.ToLowerInvariant() switch { "k" => 1024L, "m" => 1024L * 1024, "g" => 1024L * 1024 * 1024, _ => 1L };
                limits.Add((location, long.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture) * unit));
            }
        }

        Assert.Empty(blocks);
        return limits;
    }

    [GeneratedRegex(@"^client_max_body_size\s+(\d+)([kKmMgG]?);$")]
    private static partial Regex BodySize();

    [GeneratedRegex(@"^location\s+(?:\^~\s+)?(/\S*)$")]
    private static partial Regex LocationPrefix();
}
