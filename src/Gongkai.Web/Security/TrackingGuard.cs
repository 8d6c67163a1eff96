using System.Collections.Concurrent;

namespace Gongkai.Web.Security;

/// <summary>
/// Counts wrong answers per key (a tracking code, an account and address) and, past a few free ones, makes the key
/// wait before the next answer is even checked. Counters are forgotten after a quiet <see cref="Forget"/>. With Redis
/// configured (<see cref="Scaling.SharedCounters"/>) every node counts in the same counters, keyed by a hash (no code or
/// user name is stored there); without it, or while Redis cannot be reached, in this node's memory.
/// </summary>
public abstract class FailureThrottle(TimeProvider clock, int freeFailures, TimeSpan forget, Scaling.SharedCounters? shared)
{
    private const int MaxKeys = 100_000;

    private const string FailScript = """
        local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
        redis.call('HSET', KEYS[1], 'last', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return count
        """;

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Last;
    }

    private readonly ConcurrentDictionary<string, Failures> _keys = new(StringComparer.Ordinal);

    public TimeSpan Forget { get; } = forget;

    /// <summary>How long to wait after the <paramref name="failures"/>th failure (only called past the free ones).</summary>
    protected abstract TimeSpan WaitAfter(int failures);

    /// <summary>How long <paramref name="key"/> must wait before an answer is checked again; zero when it may be checked now.</summary>
    public async ValueTask<TimeSpan> WaitForAsync(string key)
    {
        if (shared is not null)
        {
            try
            {
                var values = await shared.Redis.GetDatabase().HashGetAsync(SharedKey(key), ["count", "last"]);
                return values[0].IsNull ? TimeSpan.Zero : WaitFor((int)values[0], new DateTimeOffset((long)values[1], TimeSpan.Zero));
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Counted in memory until Redis is back.
            }
        }

        if (!_keys.TryGetValue(key, out var failures))
        {
            return TimeSpan.Zero;
        }

        lock (failures)
        {
            var wait = WaitFor(failures.Count, failures.Last);
            if (clock.GetUtcNow() - failures.Last >= Forget)
            {
                failures.Count = 0;
            }

            return wait;
        }
    }

    public async ValueTask FailedAsync(string key)
    {
        if (shared is not null)
        {
            try
            {
                await shared.Redis.GetDatabase().ScriptEvaluateAsync(FailScript, [SharedKey(key)],
                    [clock.GetUtcNow().UtcTicks, (long)Forget.TotalMilliseconds]);
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Counted in memory until Redis is back.
            }
        }

        if (_keys.Count >= MaxKeys)
        {
            Sweep();
        }

        var failures = _keys.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Count++;
            failures.Last = clock.GetUtcNow();
        }
    }

    public async ValueTask SucceededAsync(string key)
    {
        _keys.TryRemove(key, out _);
        if (shared is not null)
        {
            try
            {
                await shared.Redis.GetDatabase().KeyDeleteAsync(SharedKey(key));
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Forgotten after the quiet period in any case.
            }
        }
    }

    private TimeSpan WaitFor(int count, DateTimeOffset last)
    {
        var since = clock.GetUtcNow() - last;
        if (since >= Forget || count < freeFailures)
        {
            return TimeSpan.Zero;
        }

        var wait = WaitAfter(count) - since;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private StackExchange.Redis.RedisKey SharedKey(string key) =>
        shared!.Prefix + "fail:" + GetType().Name + ":" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, failures) in _keys)
        {
            if (now - failures.Last >= Forget)
            {
                _keys.TryRemove(key, out _);
            }
        }
    }

    protected static string Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A tracking code opens a request together with the last four digits of the applicant's phone: 10,000 tails to
/// guess. Per client address the tracking limit (<see cref="RateLimits.Tracking"/>) slows a guesser; per code, after
/// <see cref="FreeFailures"/> wrong tails the code answers nothing for <see cref="Pause"/>, from any address — the
/// applicant waits that long at most, and a guesser needs years.
/// </summary>
public sealed class TrackingGuard(TimeProvider clock, Scaling.SharedCounters? shared = null) : FailureThrottle(clock, FreeFailures, Pause, shared)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(15);

    protected override TimeSpan WaitAfter(int failures) => Pause;

    /// <summary>Codes are typed with or without the dashes and in either case.</summary>
    public static string Key(string code) => new(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).Take(64).ToArray());

    public ValueTask<TimeSpan> WaitForCodeAsync(string code) => WaitForAsync(Key(code));

    public ValueTask WrongTailAsync(string code) => FailedAsync(Key(code));

    public ValueTask OpenedAsync(string code) => SucceededAsync(Key(code));

    /// <summary>The refusal shown while a code waits.</summary>
    public static string Message(TimeSpan wait) =>
        $"该查询码的错误尝试次数过多，为保护申请人的信息已暂停查询，请 {Minutes(wait)} 分钟后再试；如有急事，请致电公开指南中的联系电话。";
}

/// <summary>
/// Wrong passwords slow down the one who types them instead of locking the account (which anyone who knows a user
/// name could do): counted per account and client address, the first <see cref="FreeFailures"/> are free, then each
/// further attempt from that address waits 30 s, 1, 2, 4, 8, at most 15 minutes (docs/adr/0010-login-throttling.md).
/// The account's owner, from their own address, is never held up by someone else's guessing.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, Scaling.SharedCounters? shared = null) : FailureThrottle(clock, FreeFailures, TimeSpan.FromHours(1), shared)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    protected override TimeSpan WaitAfter(int failures)
    {
        var doublings = Math.Min(failures - FreeFailures, 10);
        var wait = TimeSpan.FromSeconds(30 * (1 << doublings));
        return wait < MaxWait ? wait : MaxWait;
    }

    public static string Key(string userName, System.Net.IPAddress? address) => userName.ToUpperInvariant() + "|" + RateLimits.ClientKey(address);

    public static string Message(TimeSpan wait) => wait < TimeSpan.FromMinutes(1)
        ? $"密码错误次数较多，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} 秒后再试；忘记密码请联系系统管理员。"
        : $"密码错误次数较多，请 {Minutes(wait)} 分钟后再试；忘记密码请联系系统管理员。";
}
