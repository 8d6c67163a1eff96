using Gongkai.Core.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.AnnualReports;

internal sealed class Article20FigureRecordConfiguration : IEntityTypeConfiguration<Article20FigureRecord>
{
    public void Configure(EntityTypeBuilder<Article20FigureRecord> f)
    {
        f.Property(x => x.Item).HasMaxLength(50);
        f.Property(x => x.Row).HasMaxLength(50);
        f.Property(x => x.Column).HasMaxLength(50);
        f.Property(x => x.Value).HasPrecision(18, 4);
        f.Property(x => x.UpdatedBy).HasMaxLength(256);
        f.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        f.HasIndex(x => new { x.AgencyId, x.Year, x.Item, x.Row, x.Column }).IsUnique();
    }
}

internal sealed class ReportNarrativeRecordConfiguration : IEntityTypeConfiguration<ReportNarrativeRecord>
{
    public void Configure(EntityTypeBuilder<ReportNarrativeRecord> n)
    {
        n.Property(x => x.Text).HasMaxLength(20000);
        n.Property(x => x.UpdatedBy).HasMaxLength(256);
        n.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        n.HasIndex(x => new { x.AgencyId, x.Year, x.Subtree, x.Section }).IsUnique();
    }
}

internal sealed class AnnualReportRecordConfiguration : IEntityTypeConfiguration<AnnualReportRecord>
{
    public void Configure(EntityTypeBuilder<AnnualReportRecord> r)
    {
        r.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.ReviewedBy).HasMaxLength(256);
        r.Property(x => x.ApprovedBy).HasMaxLength(256);
        r.Property(x => x.PublishedBy).HasMaxLength(256);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.AgencyId, x.Year, x.Subtree }).IsUnique();
    }
}

internal sealed class ReportCorrectionRecordConfiguration : IEntityTypeConfiguration<ReportCorrectionRecord>
{
    public void Configure(EntityTypeBuilder<ReportCorrectionRecord> c)
    {
        c.Property(x => x.By).HasMaxLength(256);
        c.Property(x => x.Reason).HasMaxLength(500);
        c.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
        c.HasOne<AnnualReports.AnnualReportRecord>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => x.ReportId);
    }
}
