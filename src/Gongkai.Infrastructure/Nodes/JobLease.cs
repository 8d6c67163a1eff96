using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>
/// Who runs a recurring job until when. A node takes a job by moving <see cref="Until"/> forward in one conditional
/// UPDATE that only succeeds once the previous lease has ended, so across any number of nodes one runs it per period
/// (ADR 0019).
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTimeOffset Until { get; set; }

    /// <summary>When the job last finished, and on which node (shown on the operations page and in metrics).</summary>
    public DateTimeOffset? LastRunAt { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
