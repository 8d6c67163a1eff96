using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Interaction;

internal sealed class LetterRecordConfiguration : IEntityTypeConfiguration<LetterRecord>
{
    public void Configure(EntityTypeBuilder<LetterRecord> l)
    {
        l.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        l.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        l.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
        l.Property(x => x.TrackingCode).HasMaxLength(12);
        l.Property(x => x.Subject).HasMaxLength(100);
        l.Property(x => x.Body).HasMaxLength(5000);
        l.Property(x => x.WriterName).HasMaxLength(50);
        l.Property(x => x.Phone).HasMaxLength(30);
        l.Property(x => x.Email).HasMaxLength(100);
        l.Property(x => x.Address).HasMaxLength(200);
        l.Property(x => x.Unit).HasMaxLength(100);
        l.Property(x => x.Handler).HasMaxLength(256);
        l.Property(x => x.Reply).HasMaxLength(5000);
        l.Property(x => x.AnsweredBy).HasMaxLength(256);
        l.Property(x => x.ClosedReason).HasMaxLength(500);
        l.Property(x => x.RatingComment).HasMaxLength(500);
        l.Property(x => x.PublicSubject).HasMaxLength(100);
        l.Property(x => x.PublicBody).HasMaxLength(5000);
        l.Property(x => x.PublicReply).HasMaxLength(5000);
        l.Property(x => x.ContentHash).HasMaxLength(64);
        l.Property(x => x.Version).IsConcurrencyToken();
        l.HasIndex(x => x.TrackingCode).IsUnique();
        l.HasIndex(x => new { x.AgencyId, x.Status, x.DueOn });
        l.HasIndex(x => new { x.AgencyId, x.ReceivedOn });
        l.HasIndex(x => x.ContentHash);
        l.HasIndex(x => x.RequestId);
        l.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        l.HasOne<RequestRecord>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        l.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.LetterId).OnDelete(DeleteBehavior.Restrict);
        l.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.LetterId).OnDelete(DeleteBehavior.Restrict);
        l.HasMany(x => x.Emails).WithOne().HasForeignKey(m => m.LetterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterEventRecordConfiguration : IEntityTypeConfiguration<LetterEventRecord>
{
    public void Configure(EntityTypeBuilder<LetterEventRecord> e)
    {
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(50);
        e.Property(x => x.Details).HasMaxLength(5000);
    }
}

internal sealed class LetterAttachmentConfiguration : IEntityTypeConfiguration<LetterAttachment>
{
    public void Configure(EntityTypeBuilder<LetterAttachment> a)
    {
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(100);
        a.Property(x => x.Sha256).HasMaxLength(64);
        a.HasOne<Publications.StoredFile>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InteractionChannelSettingsConfiguration : IEntityTypeConfiguration<InteractionChannelSettings>
{
    public void Configure(EntityTypeBuilder<InteractionChannelSettings> c)
    {
        c.HasKey(x => new { x.AgencyId, x.Channel });
        c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.LeaderName).HasMaxLength(100);
        c.Property(x => x.Units).HasMaxLength(2000);
        c.Property(x => x.Intro).HasMaxLength(1000);
        c.Ignore(x => x.UnitList);
        c.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
