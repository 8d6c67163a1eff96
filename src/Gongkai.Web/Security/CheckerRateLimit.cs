using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Security;

/// <summary>
/// The public report checker reads uploads of up to 30 MB: each client address may run a limited number of checks
/// a minute (<c>Gongkai:Checker:PerMinute</c>, default 30), then gets 429 with a Chinese message.
/// </summary>
public static class CheckerRateLimit
{
    public const string Policy = "checker";

    /// <summary>Letters to the mailbox, complaints and inquiries: a few a client per hour (<c>Gongkai:Letters:PerHour</c>, default 5).</summary>
    public const string LettersPolicy = "letters";

    public static IServiceCollection AddCheckerRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Gongkai:Checker:PerMinute", 30);
        var lettersPerHour = configuration.GetValue("Gongkai:Letters:PerHour", 5);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Only submissions count: reading the form and the published letters is free.
            o.AddPolicy(LettersPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    "letters:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = lettersPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("letters:read"));
            o.OnRejected = async (context, ct) =>
            {
                var message = context.HttpContext.Request.Path.StartsWithSegments("/interaction")
                    ? "提交过于频繁：同一网络每小时最多提交 " + lettersPerHour + " 封来信，请稍后再试；紧急事项请拨打公开指南中的联系电话。"
                    : "检查过于频繁，请一分钟后再试；批量检查请使用命令行 gongkai check。";
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁").ExecuteAsync(context.HttpContext);
                }
                else
                {
                    context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                    await context.HttpContext.Response.WriteAsync(message, ct);
                }
            };
        });
        return services;
    }
}
