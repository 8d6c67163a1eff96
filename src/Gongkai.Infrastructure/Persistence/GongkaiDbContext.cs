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
    public DbSet<SameInformationLink> SameInformationLinks => Set<SameInformationLink>();
    public DbSet<AnnualReports.Article20FigureRecord> Article20Figures => Set<AnnualReports.Article20FigureRecord>();
    public DbSet<AnnualReports.ReportNarrativeRecord> ReportNarratives => Set<AnnualReports.ReportNarrativeRecord>();
    public DbSet<AnnualReports.AnnualReportRecord> AnnualReports => Set<AnnualReports.AnnualReportRecord>();
    public DbSet<AnnualReports.ReportCorrectionRecord> ReportCorrections => Set<AnnualReports.ReportCorrectionRecord>();
    public DbSet<Publications.PublicationRecord> Publications => Set<Publications.PublicationRecord>();
    public DbSet<Publications.PublicationAttachment> PublicationAttachments => Set<Publications.PublicationAttachment>();
    public DbSet<Publications.StoredFile> StoredFiles => Set<Publications.StoredFile>();
    public DbSet<Publications.CatalogCategory> CatalogCategories => Set<Publications.CatalogCategory>();
    public DbSet<Publications.DisclosureSettings> DisclosureSettings => Set<Publications.DisclosureSettings>();
    public DbSet<Publications.GazetteIssueRecord> GazetteIssues => Set<Publications.GazetteIssueRecord>();
    public DbSet<Participation.ConsultationRecord> Consultations => Set<Participation.ConsultationRecord>();
    public DbSet<Participation.ConsultationComment> ConsultationComments => Set<Participation.ConsultationComment>();
    public DbSet<Publications.GazetteItem> GazetteItems => Set<Publications.GazetteItem>();
    public DbSet<Interaction.LetterRecord> Letters => Set<Interaction.LetterRecord>();
    public DbSet<Interaction.LetterEventRecord> LetterEvents => Set<Interaction.LetterEventRecord>();
    public DbSet<Interaction.LetterAttachment> LetterAttachments => Set<Interaction.LetterAttachment>();
    public DbSet<Interaction.InteractionChannelSettings> InteractionChannels => Set<Interaction.InteractionChannelSettings>();
    public DbSet<Nodes.ChangeFeedEntry> ChangeFeed => Set<Nodes.ChangeFeedEntry>();
    public DbSet<Nodes.JobLease> JobLeases => Set<Nodes.JobLease>();
    public DbSet<Reminders.ReminderSettingsRecord> ReminderSettings => Set<Reminders.ReminderSettingsRecord>();
    public DbSet<Reminders.SentReminder> SentReminders => Set<Reminders.SentReminder>();
    public DbSet<Reminders.ReminderRun> ReminderRuns => Set<Reminders.ReminderRun>();
    public DbSet<Supervision.SupervisedReportRecord> SupervisedReports => Set<Supervision.SupervisedReportRecord>();
    public DbSet<RequestTally> RequestTallies => Set<RequestTally>();
    public DbSet<FeeTally> FeeTallies => Set<FeeTally>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each entity is configured beside its feature (IEntityTypeConfiguration classes in this assembly).
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
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

public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options) : GongkaiDbContext(options);
