using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Security;

/// <summary>
/// Every door the public can knock on without an account has a limit per client address (the address a trusted
/// proxy forwarded, see <see cref="HostingSecurity"/>; IPv6 clients by their /64, which one household holds).
/// Only what costs or guesses counts: posting a form, asking for a status, running a check or a search — not reading
/// a page. Limits are set under <c>Gongkai:RateLimits:{policy}:PermitLimit</c> and <c>…:WindowSeconds</c>.
/// Over the limit: 429 with <c>Retry-After</c> and a Chinese message (a page, or ProblemDetails on the API).
/// </summary>
public static class RateLimits
{
    /// <summary>The public report checker (page and API).</summary>
    public const string Checker = "checker";
    /// <summary>Letters to the mailbox, complaints and inquiries.</summary>
    public const string Letters = "letters";
    /// <summary>Applications for disclosure on the portal.</summary>
    public const string Apply = "apply";
    /// <summary>Tracking a request or a letter (page and status API): what a guesser of phone tails would use.</summary>
    public const string Tracking = "tracking";
    /// <summary>The staff login form.</summary>
    public const string Login = "login";
    /// <summary>Full-text search (page and API).</summary>
    public const string Search = "search";
    /// <summary>The deadline calculator (page and API).</summary>
    public const string Calculator = "calculator";

    public sealed record Limit(string Policy, int PermitLimit, TimeSpan Window, bool PostsOnly, string Message);

    /// <summary>The defaults: generous for a person, tight for a script.</summary>
    public static IReadOnlyList<Limit> Defaults { get; } =
    [
        new(Checker, 30, TimeSpan.FromMinutes(1), PostsOnly: false, "检查过于频繁，请稍后再试；批量检查请使用命令行 gongkai check。"),
        new(Letters, 5, TimeSpan.FromHours(1), PostsOnly: true, "提交过于频繁：同一网络每小时最多提交 {0} 封来信，请稍后再试；紧急事项请拨打公开指南中的联系电话。"),
        new(Apply, 10, TimeSpan.FromHours(1), PostsOnly: true, "提交过于频繁：同一网络每小时最多提交 {0} 份申请，请稍后再试；也可以到公开指南中的受理地点当面提交。"),
        new(Tracking, 20, TimeSpan.FromMinutes(10), PostsOnly: true, "查询过于频繁，请稍后再试。"),
        new(Login, 10, TimeSpan.FromMinutes(1), PostsOnly: true, "登录尝试过于频繁，请稍后再试。"),
        new(Search, 120, TimeSpan.FromMinutes(1), PostsOnly: false, "检索过于频繁，请稍后再试。"),
        new(Calculator, 60, TimeSpan.FromMinutes(1), PostsOnly: true, "计算过于频繁，请稍后再试。"),
    ];

    /// <summary>The limits in force: the defaults, with any configured values (the letters' old key <c>Gongkai:Letters:PerHour</c> and the checker's <c>Gongkai:Checker:PerMinute</c> still count).</summary>
    public static IReadOnlyList<Limit> Configured(IConfiguration configuration) => Defaults.Select(d =>
    {
        var section = configuration.GetSection("Gongkai:RateLimits:" + d.Policy);
        var permits = d.Policy switch
        {
            Letters => configuration.GetValue("Gongkai:Letters:PerHour", d.PermitLimit),
            Checker => configuration.GetValue("Gongkai:Checker:PerMinute", d.PermitLimit),
            _ => d.PermitLimit,
        };
        permits = section.GetValue("PermitLimit", permits);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", (int)d.Window.TotalSeconds));
        return d with { PermitLimit = Math.Max(1, permits), Window = window };
    }).ToList();

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = Configured(configuration);
        services.AddRateLimiter(o =>
        {
            foreach (var limit in limits)
            {
                var options = new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 };
                o.AddPolicy(limit.Policy, context =>
                {
                    if (limit.PostsOnly && !HttpMethods.IsPost(context.Request.Method))
                    {
                        return RateLimitPartition.GetNoLimiter(limit.Policy + ":read");
                    }

                    var key = limit.Policy + ":" + ClientKey(context.Connection.RemoteIpAddress);
                    // Several nodes count together in Redis when it is configured (Scaling/SharedState).
                    return context.RequestServices.GetService<Scaling.SharedCounters>() is { } shared
                        ? RateLimitPartition.Get(key, k => new Scaling.RedisWindowLimiter(shared, k, limit.PermitLimit, limit.Window, new FixedWindowRateLimiter(options)))
                        : RateLimitPartition.GetFixedWindowLimiter(key, _ => options);
                });
            }

            o.OnRejected = (context, ct) =>
            {
                var http = context.HttpContext;
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var limit = limits.FirstOrDefault(l => l.Policy == policy);
                var message = limit is null ? "操作过于频繁，请稍后再试。" : string.Format(CultureInfo.InvariantCulture, limit.Message, limit.PermitLimit);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limit?.Window ?? TimeSpan.FromMinutes(1);
                return Refuse(http, StatusCodes.Status429TooManyRequests, "请求过于频繁", message, retryAfter);
            };
        });
        return services;
    }

    /// <summary>The partition of a client: its address, or for IPv6 its /64 network.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    public const string MessageItem = "gongkai:refusal";

    /// <summary>
    /// Answers with <paramref name="status"/>, <c>Retry-After</c> and the Chinese message: ProblemDetails for the API;
    /// for pages the error page shows the message (the status-code page reads it from the request's items).
    /// </summary>
    public static async ValueTask Refuse(HttpContext http, int status, string title, string message, TimeSpan retryAfter)
    {
        http.Response.StatusCode = status;
        if (retryAfter > TimeSpan.Zero)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        http.Items[MessageItem] = message;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(message, statusCode: status, title: title).ExecuteAsync(http);
        }
    }
}
