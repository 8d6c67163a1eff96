using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>
/// Takes and keeps job leases (<see cref="JobLease"/>): a portable conditional UPDATE, the same on SQLite and
/// PostgreSQL, so that a recurring job runs once per period however many nodes share the database (ADR 0019).
/// </summary>
public sealed class JobLeases(GongkaiDbContext db, NodeIdentity node, TimeProvider clock)
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="period"/> when no other node holds it; true when this node
    /// now holds it. A lease is not given back: the period is the job's own, so the next run (here or on another node)
    /// waits for it.
    /// </summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan period, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var until = now + period;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && l.Until <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, node.Name).SetProperty(l => l.Until, until), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AsNoTracking().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        // The first run anywhere: the primary key decides between nodes inserting at once.
        db.JobLeases.Add(new JobLease { Name = name, Holder = node.Name, Until = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Records that this node finished a run of <paramref name="name"/>.</summary>
    public Task FinishedAsync(string name, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.JobLeases.Where(l => l.Name == name && l.Holder == node.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastRunAt, now), ct);
    }

    /// <summary>Every lease: which node last took each job, until when, and when it last finished.</summary>
    public Task<List<JobLease>> AllAsync(CancellationToken ct = default) =>
        db.JobLeases.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
}
