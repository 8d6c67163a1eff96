using Gongkai.Core.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Publications;

internal sealed class PublicationRecordConfiguration : IEntityTypeConfiguration<PublicationRecord>
{
    public void Configure(EntityTypeBuilder<PublicationRecord> p)
    {
        p.Property(x => x.IndexNumber).HasMaxLength(60);
        p.Property(x => x.Title).HasMaxLength(300);
        p.Property(x => x.DocumentNumber).HasMaxLength(100);
        p.Property(x => x.Issuer).HasMaxLength(100);
        p.Property(x => x.Category).HasMaxLength(100);
        p.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        p.Property(x => x.Attribute).HasConversion<string>().HasMaxLength(30);
        p.Property(x => x.AttributeReason).HasMaxLength(500);
        p.Property(x => x.RepealedBy).HasMaxLength(300);
        p.Property(x => x.Keywords).HasMaxLength(300);
        p.Property(x => x.DraftingUnit).HasMaxLength(100);
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.NoInterpretationReason).HasMaxLength(500);
        p.Property(x => x.CreatedBy).HasMaxLength(256);
        p.Property(x => x.ReviewedBy).HasMaxLength(256);
        p.Property(x => x.ReviewOpinion).HasMaxLength(500);
        p.Property(x => x.PublishedBy).HasMaxLength(256);
        p.Ignore(x => x.Facts);
        p.Ignore(x => x.ValidityLabel);
        p.Ignore(x => x.IsInterpretation);
        p.HasOne<Publications.PublicationRecord>().WithMany().HasForeignKey(x => x.InterpretsId).OnDelete(DeleteBehavior.Restrict);
        p.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.PublicationId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => new { x.AgencyId, x.Status, x.PublishedOn });
        p.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        p.HasIndex(x => x.IndexNumber).IsUnique();
        p.HasIndex(x => new { x.AgencyId, x.Type, x.WrittenOn });
    }
}

internal sealed class PublicationAttachmentConfiguration : IEntityTypeConfiguration<PublicationAttachment>
{
    public void Configure(EntityTypeBuilder<PublicationAttachment> a)
    {
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(100);
        a.Property(x => x.Sha256).HasMaxLength(64);
        a.HasOne<Publications.StoredFile>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> f)
    {
        f.HasKey(x => x.Sha256);
        f.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class CatalogCategoryConfiguration : IEntityTypeConfiguration<CatalogCategory>
{
    public void Configure(EntityTypeBuilder<CatalogCategory> c)
    {
        c.Property(x => x.Name).HasMaxLength(50);
        c.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Publications.CatalogCategory>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.AgencyId, x.Name }).IsUnique();
    }
}

internal sealed class DisclosureSettingsConfiguration : IEntityTypeConfiguration<DisclosureSettings>
{
    public void Configure(EntityTypeBuilder<DisclosureSettings> d)
    {
        d.HasKey(x => x.AgencyId);
        d.Property(x => x.IndexNumberPattern).HasMaxLength(100);
        d.Property(x => x.GuideUpdatedBy).HasMaxLength(256);
        d.HasOne<Agency>().WithOne().HasForeignKey<Publications.DisclosureSettings>(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GazetteIssueConfiguration : IEntityTypeConfiguration<GazetteIssueRecord>
{
    public void Configure(EntityTypeBuilder<GazetteIssueRecord> g)
    {
        g.Property(x => x.DistributionPoints).HasMaxLength(2000);
        g.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        g.HasIndex(x => new { x.AgencyId, x.Year, x.Number }).IsUnique();
        g.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GazetteItemConfiguration : IEntityTypeConfiguration<GazetteItem>
{
    public void Configure(EntityTypeBuilder<GazetteItem> i)
    {
        i.HasKey(x => new { x.IssueId, x.PublicationId });
        i.HasOne<Publications.PublicationRecord>().WithMany().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
