using Gongkai.Infrastructure.Nodes;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StackExchange.Redis;

namespace Gongkai.Web.Scaling;

/// <summary>
/// What nodes share besides the database. With <c>ConnectionStrings:Redis</c> set, the rate-limit counters
/// (<see cref="RedisWindowLimiter"/>) and the portal's output cache live in Redis, so that every node counts and
/// serves the same; without it (one node, the default) both stay in this process's memory.
/// </summary>
public static class SharedState
{
    /// <summary>
    /// Keys in Redis start with <c>Gongkai:Redis:KeyPrefix</c> (default <c>gongkai:</c>), so that one server can serve
    /// several deployments or other applications too.
    /// </summary>
    public static string KeyPrefix(IConfiguration configuration) => configuration["Gongkai:Redis:KeyPrefix"] is { Length: > 0 } prefix ? prefix : "gongkai:";

    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var options = ConfigurationOptions.Parse(redis);
            // Start even when Redis is down; counters fall back to this node's memory until it is back.
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 1000;
            options.AsyncTimeout = 1000;
            // While Redis is unreachable, fail at once (and count or cache in this node) rather than queue each call.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            var connection = ConnectionMultiplexer.Connect(options);
            services.AddSingleton<IConnectionMultiplexer>(connection);
            services.AddSingleton(new SharedCounters(connection, KeyPrefix(configuration) + "limit:"));
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection);
                o.InstanceName = KeyPrefix(configuration) + "cache:";
            });
        }

        services.AddOutputCache(o =>
        {
            o.AddPolicy(PortalCache.Policy, PortalCache.Instance);
            o.SizeLimit = 256L * 1024 * 1024;
            o.MaximumBodySize = 4L * 1024 * 1024;
        });
        services.AddScoped<IChangeFeedHandler, PortalCacheEvictor>();
        services.AddSingleton<IInterceptor, PortalCacheInterceptor>();
        return services;
    }
}

/// <summary>The Redis connection and key prefix rate limits count under (registered only when Redis is configured).</summary>
public sealed record SharedCounters(IConnectionMultiplexer Redis, string Prefix);
