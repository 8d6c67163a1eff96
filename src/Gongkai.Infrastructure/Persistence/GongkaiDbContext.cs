using Gongkai.Core.Agencies;
using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Infrastructure.Persistence;

/// <summary>
/// The one database of a deployment. Each provider has its own subclass so that each keeps its own migration set
/// (see docs/adr/0003-persistence.md); code depends on this base type only.
/// </summary>
public abstract class GongkaiDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CalendarVersion> CalendarVersions => Set<CalendarVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RequestRecord> Requests => Set<RequestRecord>();
    public DbSet<RequestEventRecord> RequestEvents => Set<RequestEventRecord>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<AppealCase> Appeals => Set<AppealCase>();
    public DbSet<NoticeTemplateRecord> NoticeTemplates => Set<NoticeTemplateRecord>();
    public DbSet<RequestNotice> RequestNotices => Set<RequestNotice>();
    public DbSet<RequestEmail> RequestEmails => Set<RequestEmail>();
    public DbSet<AnnualReports.Article20FigureRecord> Article20Figures => Set<AnnualReports.Article20FigureRecord>();
    public DbSet<AnnualReports.ReportNarrativeRecord> ReportNarratives => Set<AnnualReports.ReportNarrativeRecord>();
    public DbSet<AnnualReports.AnnualReportRecord> AnnualReports => Set<AnnualReports.AnnualReportRecord>();
    public DbSet<AnnualReports.ReportCorrectionRecord> ReportCorrections => Set<AnnualReports.ReportCorrectionRecord>();
    public DbSet<Publications.PublicationRecord> Publications => Set<Publications.PublicationRecord>();
    public DbSet<Publications.PublicationAttachment> PublicationAttachments => Set<Publications.PublicationAttachment>();
    public DbSet<Publications.StoredFile> StoredFiles => Set<Publications.StoredFile>();
    public DbSet<Publications.CatalogCategory> CatalogCategories => Set<Publications.CatalogCategory>();
    public DbSet<Publications.DisclosureSettings> DisclosureSettings => Set<Publications.DisclosureSettings>();
    public DbSet<Publications.GazetteIssue> GazetteIssues => Set<Publications.GazetteIssue>();
    public DbSet<Publications.GazetteItem> GazetteItems => Set<Publications.GazetteItem>();
    public DbSet<Interaction.LetterRecord> Letters => Set<Interaction.LetterRecord>();
    public DbSet<Interaction.LetterEventRecord> LetterEvents => Set<Interaction.LetterEventRecord>();
    public DbSet<Interaction.LetterAttachment> LetterAttachments => Set<Interaction.LetterAttachment>();
    public DbSet<Interaction.InteractionChannelSettings> InteractionChannels => Set<Interaction.InteractionChannelSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Agency>(agency =>
        {
            agency.Property(a => a.FullName).HasMaxLength(100);
            agency.Property(a => a.ShortName).HasMaxLength(40);
            agency.Property(a => a.CreditCode).HasMaxLength(18).IsFixedLength(false);
            agency.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
            agency.HasIndex(a => a.CreditCode).IsUnique();
            agency.HasIndex(a => new { a.ParentId, a.FullName }).IsUnique();
            agency.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            agency.ComplexProperty(a => a.Contact, contact =>
            {
                contact.Property(c => c.OfficeName).HasMaxLength(100).HasColumnName("OfficeName");
                contact.Property(c => c.Address).HasMaxLength(200).HasColumnName("OfficeAddress");
                contact.Property(c => c.Postcode).HasMaxLength(6).HasColumnName("OfficePostcode");
                contact.Property(c => c.Phone).HasMaxLength(100).HasColumnName("OfficePhone");
                contact.Property(c => c.OfficeHours).HasMaxLength(200).HasColumnName("OfficeHours");
                contact.Property(c => c.Email).HasMaxLength(100).HasColumnName("OfficeEmail");
            });
        });

        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(50);
            user.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Target).HasMaxLength(200);
            entry.Property(e => e.Details).HasMaxLength(2000);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => new { e.Action, e.At });
        });

        builder.Entity<RequestRecord>(request =>
        {
            request.HasIndex(r => r.TrackingCode).IsUnique();
            request.Property(r => r.TrackingCode).HasMaxLength(20);
            request.Property(r => r.ApplicantName).HasMaxLength(100);
            request.Property(r => r.IdNumber).HasMaxLength(50);
            request.Property(r => r.ContactPerson).HasMaxLength(50);
            request.Property(r => r.Phone).HasMaxLength(30);
            request.Property(r => r.Email).HasMaxLength(100);
            request.Property(r => r.Address).HasMaxLength(200);
            request.Property(r => r.Postcode).HasMaxLength(6);
            request.Property(r => r.InformationTitle).HasMaxLength(200);
            request.Property(r => r.DocumentNumber).HasMaxLength(100);
            request.Property(r => r.Description).HasMaxLength(2000);
            request.Property(r => r.AssistanceDetail).HasMaxLength(200);
            request.Property(r => r.HandlerUserName).HasMaxLength(256);
            foreach (var name in new[] { nameof(RequestRecord.IdType), nameof(RequestRecord.ProvisionForm), nameof(RequestRecord.ObtainMethod), nameof(RequestRecord.Channel), nameof(RequestRecord.ApplicantType), nameof(RequestRecord.Status), nameof(RequestRecord.ClockState), nameof(RequestRecord.Outcome) })
            {
                request.Property(name).HasConversion<string>().HasMaxLength(50);
            }

            request.Property(r => r.Version).IsConcurrencyToken();
            request.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Notices).WithOne().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Emails).WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Restrict);
            request.HasIndex(r => new { r.AgencyId, r.Status, r.DueOn });
            // Covering indexes for the year ledger (LedgerQuery): its range scans never touch the wide rows. The index
            // for "received this year" differs by provider (see the subclasses): each is what that planner uses best.
            request.HasIndex(r => new { r.DecidedOn, r.ReceivedOn, r.ApplicantType, r.Outcome, r.AgencyId }).HasDatabaseName("IX_Requests_Ledger_Decided");
        });

        builder.Entity<RequestEventRecord>(e =>
        {
            e.HasIndex(x => new { x.RequestId, x.Sequence }).IsUnique();
            // The annual report's fee figures: one year's events of one type, without reading every event there is.
            e.HasIndex(x => new { x.Type, x.On });
            e.Property(x => x.Type).HasMaxLength(50);
            e.Property(x => x.UserName).HasMaxLength(256);
        });

        builder.Entity<RequestAttachment>(a =>
        {
            a.Property(x => x.FileName).HasMaxLength(200);
            a.Property(x => x.ContentType).HasMaxLength(100);
            a.Property(x => x.Sha256).HasMaxLength(64);
            a.HasOne<Publications.StoredFile>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AppealCase>(appeal =>
        {
            appeal.ToTable("Appeals");
            appeal.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            appeal.Property(a => a.Result).HasConversion<string>().HasMaxLength(20);
            appeal.Property(a => a.Body).HasMaxLength(100);
            appeal.Property(a => a.CaseNumber).HasMaxLength(100);
            appeal.Property(a => a.Notes).HasMaxLength(2000);
            appeal.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            appeal.HasOne<RequestRecord>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
            appeal.HasIndex(a => new { a.AgencyId, a.FiledOn });
        });

        builder.Entity<NoticeTemplateRecord>(t =>
        {
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            t.HasIndex(x => x.Kind).IsUnique();
            t.Property(x => x.Title).HasMaxLength(100);
            t.Property(x => x.Body).HasMaxLength(10000);
            t.Property(x => x.UpdatedBy).HasMaxLength(256);
        });

        builder.Entity<RequestNotice>(n =>
        {
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            n.Property(x => x.Title).HasMaxLength(200);
            n.HasIndex(x => new { x.RequestId, x.EventSequence, x.Kind }).IsUnique();
        });

        builder.Entity<RequestEmail>(m =>
        {
            m.Property(x => x.To).HasMaxLength(200);
            m.Property(x => x.Subject).HasMaxLength(200);
            m.Property(x => x.LastError).HasMaxLength(1000);
            m.HasIndex(x => x.SentAt);
        });

        builder.Entity<AnnualReports.Article20FigureRecord>(f =>
        {
            f.Property(x => x.Item).HasMaxLength(50);
            f.Property(x => x.Row).HasMaxLength(50);
            f.Property(x => x.Column).HasMaxLength(50);
            f.Property(x => x.Value).HasPrecision(18, 4);
            f.Property(x => x.UpdatedBy).HasMaxLength(256);
            f.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            f.HasIndex(x => new { x.AgencyId, x.Year, x.Item, x.Row, x.Column }).IsUnique();
        });

        builder.Entity<AnnualReports.ReportNarrativeRecord>(n =>
        {
            n.Property(x => x.Text).HasMaxLength(20000);
            n.Property(x => x.UpdatedBy).HasMaxLength(256);
            n.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            n.HasIndex(x => new { x.AgencyId, x.Year, x.Subtree, x.Section }).IsUnique();
        });

        builder.Entity<AnnualReports.AnnualReportRecord>(r =>
        {
            r.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.ReviewedBy).HasMaxLength(256);
            r.Property(x => x.ApprovedBy).HasMaxLength(256);
            r.Property(x => x.PublishedBy).HasMaxLength(256);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => new { x.AgencyId, x.Year, x.Subtree }).IsUnique();
        });

        builder.Entity<AnnualReports.ReportCorrectionRecord>(c =>
        {
            c.Property(x => x.By).HasMaxLength(256);
            c.Property(x => x.Reason).HasMaxLength(500);
            c.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            c.HasOne<AnnualReports.AnnualReportRecord>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => x.ReportId);
        });

        builder.Entity<Publications.PublicationRecord>(p =>
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
        });

        builder.Entity<Publications.PublicationAttachment>(a =>
        {
            a.Property(x => x.FileName).HasMaxLength(200);
            a.Property(x => x.ContentType).HasMaxLength(100);
            a.Property(x => x.Sha256).HasMaxLength(64);
            a.HasOne<Publications.StoredFile>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Publications.StoredFile>(f =>
        {
            f.HasKey(x => x.Sha256);
            f.Property(x => x.Sha256).HasMaxLength(64);
        });

        builder.Entity<Publications.CatalogCategory>(c =>
        {
            c.Property(x => x.Name).HasMaxLength(50);
            c.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Publications.CatalogCategory>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.AgencyId, x.Name }).IsUnique();
        });

        builder.Entity<Publications.DisclosureSettings>(d =>
        {
            d.HasKey(x => x.AgencyId);
            d.Property(x => x.IndexNumberPattern).HasMaxLength(100);
            d.Property(x => x.GuideUpdatedBy).HasMaxLength(256);
            d.HasOne<Agency>().WithOne().HasForeignKey<Publications.DisclosureSettings>(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Publications.GazetteIssue>(g =>
        {
            g.Property(x => x.DistributionPoints).HasMaxLength(2000);
            g.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            g.HasIndex(x => new { x.AgencyId, x.Year, x.Number }).IsUnique();
            g.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.IssueId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Publications.GazetteItem>(i =>
        {
            i.HasKey(x => new { x.IssueId, x.PublicationId });
            i.HasOne<Publications.PublicationRecord>().WithMany().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Interaction.LetterRecord>(l =>
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
        });

        builder.Entity<Interaction.LetterEventRecord>(e =>
        {
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Details).HasMaxLength(5000);
        });

        builder.Entity<Interaction.LetterAttachment>(a =>
        {
            a.Property(x => x.FileName).HasMaxLength(200);
            a.Property(x => x.ContentType).HasMaxLength(100);
            a.Property(x => x.Sha256).HasMaxLength(64);
            a.HasOne<Publications.StoredFile>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Interaction.InteractionChannelSettings>(c =>
        {
            c.HasKey(x => new { x.AgencyId, x.Channel });
            c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.LeaderName).HasMaxLength(100);
            c.Property(x => x.Units).HasMaxLength(2000);
            c.Property(x => x.Intro).HasMaxLength(1000);
            c.Ignore(x => x.UnitList);
            c.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CalendarVersion>(version =>
        {
            version.Property(v => v.CreatedBy).HasMaxLength(256);
            version.Property(v => v.ContentSha256).HasMaxLength(64);
            version.Property(v => v.UploadSha256).HasMaxLength(64);
            version.Property(v => v.YearsImported).HasMaxLength(200);
            version.Property(v => v.Note).HasMaxLength(500);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToAppendOnlyRecords();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToAppendOnlyRecords();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The database triggers refuse these too; failing here first gives a clearer error and avoids a round trip.
    private void RefuseChangesToAppendOnlyRecords()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry or CalendarVersion or RequestEventRecord or Gongkai.Infrastructure.AnnualReports.ReportCorrectionRecord or Interaction.LetterEventRecord && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} records are append-only and cannot be changed or deleted.");
            }
        }
    }
}

public sealed class SqliteGongkaiDbContext(DbContextOptions<SqliteGongkaiDbContext> options) : GongkaiDbContext(options)
{
    // SQLite has one writer at a time. Queuing this process's writes here is much faster under load than letting
    // them collide and wait in SQLite's busy handler; other processes (the CLI) still meet the busy handler.
    private static readonly SemaphoreSlim WriteGate = new(1, 1);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Grouped in index order, a year's requests stream out of a skip-scan without a temporary B-tree.
        builder.Entity<RequestRecord>().HasIndex(r => new { r.ApplicantType, r.Outcome, r.AgencyId, r.ReceivedOn, r.DecidedOn }).HasDatabaseName("IX_Requests_Ledger_Grouped");
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await WriteGate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type; stored as sortable integers so that ordering and filtering run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options) : GongkaiDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL has no skip-scan: a range on the leading date column serves "received this year".
        builder.Entity<RequestRecord>().HasIndex(r => new { r.ReceivedOn, r.DecidedOn, r.ApplicantType, r.Outcome, r.AgencyId }).HasDatabaseName("IX_Requests_Ledger_Received");
    }
}
