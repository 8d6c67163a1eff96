using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.UserName).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(50);
        entry.Property(e => e.Target).HasMaxLength(200);
        entry.Property(e => e.Details).HasMaxLength(2000);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Action, e.At });
    }
}
