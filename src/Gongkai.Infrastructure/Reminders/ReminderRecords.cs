using Gongkai.Core.Agencies;
using Gongkai.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Reminders;

/// <summary>An agency's saved <see cref="ReminderSettings"/>; an agency without a row has the defaults.</summary>
public sealed class ReminderSettingsRecord
{
    public int AgencyId { get; set; }
    public bool Enabled { get; set; }
    public int DaysBefore { get; set; }
    public int OverdueEvery { get; set; }
    public bool NotifyHandler { get; set; }
    public bool NotifyHeads { get; set; }
    public bool DigestEnabled { get; set; }
    public bool DigestToHeads { get; set; }
    public string? DigestMailbox { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ReminderSettings ToSettings() => new()
    {
        Enabled = Enabled,
        DaysBefore = DaysBefore,
        OverdueEvery = OverdueEvery,
        NotifyHandler = NotifyHandler,
        NotifyHeads = NotifyHeads,
        DigestEnabled = DigestEnabled,
        DigestToHeads = DigestToHeads,
        DigestMailbox = DigestMailbox,
    };

    public void Apply(ReminderSettings settings)
    {
        Enabled = settings.Enabled;
        DaysBefore = settings.DaysBefore;
        OverdueEvery = settings.OverdueEvery;
        NotifyHandler = settings.NotifyHandler;
        NotifyHeads = settings.NotifyHeads;
        DigestEnabled = settings.DigestEnabled;
        DigestToHeads = settings.DigestToHeads;
        DigestMailbox = settings.DigestMailbox;
    }
}

/// <summary>
/// A deadline reminder that was queued. Unique on (request, kind, due date, round): a second run, a second node or a
/// restart finds it and sends nothing; a new due date (an extension) is a new key, so it reminds again.
/// </summary>
public sealed class SentReminder
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public ReminderKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>0, or the number of the repeated overdue reminder (<see cref="Reminder.Round"/>).</summary>
    public int Round { get; set; }
    public DateOnly SentOn { get; set; }
    /// <summary>How many e-mails carried it (0 when nobody had an address: it still counts as done).</summary>
    public int Recipients { get; set; }
}

/// <summary>One agency's reminder run on one day (China date): the key makes the run, and its digest, once a day.</summary>
public sealed class ReminderRun
{
    public int AgencyId { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Node { get; set; }
    public int Reminders { get; set; }
    public int Emails { get; set; }
    public bool Digest { get; set; }
}

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettingsRecord>
{
    public void Configure(EntityTypeBuilder<ReminderSettingsRecord> s)
    {
        s.ToTable("ReminderSettings");
        s.HasKey(x => x.AgencyId);
        s.Property(x => x.AgencyId).ValueGeneratedNever();
        s.Property(x => x.DigestMailbox).HasMaxLength(ReminderSettings.MaxMailboxLength);
        s.Property(x => x.UpdatedBy).HasMaxLength(64);
        s.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> s)
    {
        s.ToTable("SentReminders");
        s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        s.HasIndex(x => new { x.RequestId, x.Kind, x.DueOn, x.Round }).IsUnique();
        s.HasOne<Requests.RequestRecord>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> r)
    {
        r.ToTable("ReminderRuns");
        r.HasKey(x => new { x.AgencyId, x.Day });
        r.Property(x => x.Node).HasMaxLength(200);
        r.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
