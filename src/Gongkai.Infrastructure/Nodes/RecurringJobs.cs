using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>Background work that must run once per period across all nodes (ADR 0019).</summary>
public interface IRecurringJob
{
    /// <summary>The lease's name; stable across versions.</summary>
    string Name { get; }

    /// <summary>The period: a run anywhere holds the lease this long.</summary>
    TimeSpan Every { get; }

    /// <summary>One run, in its own scope; returns what to log (counts only, never personal data), or null.</summary>
    Task<string?> RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// On every node, every <see cref="Tick"/>: for each job, try to take its lease; the node that takes it runs the job.
/// A failed run is logged and waits for the next period (its work stays queued in the database).
/// </summary>
public sealed class RecurringJobRunner(IServiceScopeFactory scopes, IEnumerable<IRecurringJob> jobs, IOptions<JobOptions> options, ILogger<RecurringJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds)));
        do
        {
            foreach (var job in jobs)
            {
                await RunOnceAsync(job, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Takes the job's lease and runs it; false when another node holds the lease.</summary>
    public async Task<bool> RunOnceAsync(IRecurringJob job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            var every = options.Value.EverySeconds.TryGetValue(job.Name, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : job.Every;
            if (!await leases.TryTakeAsync(job.Name, every, ct))
            {
                return false;
            }

            var result = await job.RunAsync(scope.ServiceProvider, ct);
            await leases.FinishedAsync(job.Name, ct);
            if (result is not null)
            {
                logger.LogInformation("Job {Job}: {Result}", job.Name, result);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The type only: messages can quote personal data.
            logger.LogWarning("Job {Job} failed: {Error}", job.Name, e.GetType().Name);
            return false;
        }
    }
}

/// <summary>Deletes change-feed entries older than a week (every node has long caught up); the newest always stays.</summary>
public sealed class ChangeFeedRetentionJob(TimeProvider clock) : IRecurringJob
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(7);

    public string Name => "change-feed-retention";

    public TimeSpan Every => TimeSpan.FromHours(6);

    public async Task<string?> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - Keep;
        var newest = await db.ChangeFeed.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var deleted = await db.ChangeFeed.Where(e => e.At < cutoff && e.Id < newest).ExecuteDeleteAsync(ct);
        return deleted > 0 ? $"{deleted} old change-feed entries deleted" : null;
    }
}

/// <summary><c>Gongkai:Jobs</c>: how often each node looks for due jobs, and any job's own period (by its name).</summary>
public sealed class JobOptions
{
    public int TickSeconds { get; set; } = 15;

    /// <summary><c>Gongkai:Jobs:Enabled</c>: false keeps this node from taking any job (the others run them).</summary>
    public bool Enabled { get; set; } = true;

    public Dictionary<string, int> EverySeconds { get; set; } = new(StringComparer.Ordinal);
}

public static class JobServices
{
    /// <summary>The recurring jobs and the runner that takes their leases (web nodes only).</summary>
    public static IServiceCollection AddGongkaiJobs(this IServiceCollection services)
    {
        services.AddSingleton<IRecurringJob, Requests.MailOutboxJob>();
        services.AddSingleton<IRecurringJob, ChangeFeedRetentionJob>();
        services.AddSingleton<IRecurringJob, Reminders.DeadlineReminderJob>();
        services.AddSingleton<RecurringJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<RecurringJobRunner>());
        return services;
    }
}
