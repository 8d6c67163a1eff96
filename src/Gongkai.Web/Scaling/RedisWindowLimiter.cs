using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Gongkai.Web.Scaling;

/// <summary>
/// A fixed-window limit counted in Redis, so that a client's requests count the same on every node: one atomic
/// INCR (with the window's expiry on the first) per request. When Redis cannot be reached the request is counted by
/// <paramref name="fallback"/> in this node's memory instead: a limit never fails open, and never takes the site down.
/// </summary>
public sealed class RedisWindowLimiter(SharedCounters counters, string key, int permits, TimeSpan window, RateLimiter fallback) : RateLimiter
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    private readonly RedisKey _key = counters.Prefix + key;
    private readonly RedisValue _windowMs = (long)window.TotalMilliseconds;
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => fallback.GetStatistics();

    /// <summary>
    /// Never waits for Redis on a request thread (a blocked thread per request starves the pool under load): the
    /// rate-limiting middleware asks this first and, when it is not granted, waits for <see cref="AcquireAsyncCore"/>.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        try
        {
            return Lease(await counters.Redis.GetDatabase().ScriptEvaluateAsync(Script, [_key], [_windowMs]));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private static readonly RateLimitLease Undecided = new WindowLease(false, TimeSpan.Zero, decided: false);

    private RateLimitLease Lease(RedisResult result)
    {
        var values = (RedisResult[])result!;
        var count = (long)values[0];
        var ttl = TimeSpan.FromMilliseconds(Math.Max(0, (long)values[1]));
        return new WindowLease(count <= permits, ttl, decided: true);
    }

    private sealed class WindowLease(bool acquired, TimeSpan retryAfter, bool decided) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired || !decided ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!acquired && decided && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
