using Gongkai.Core.Agencies;
using Gongkai.Core.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Requests;

internal sealed class RequestRecordConfiguration : IEntityTypeConfiguration<RequestRecord>
{
    public void Configure(EntityTypeBuilder<RequestRecord> request)
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
        request.Property(r => r.AssignedTo).HasMaxLength(256);
        request.Property(r => r.AssignedToName).HasMaxLength(50);
        request.HasIndex(r => new { r.AssignedTo, r.Status });
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
        // The requests received in a span, by agency (the supervision dashboard): a range of this narrow index, where
        // the ledger's indexes would be skip-scanned once per decision date or per type and outcome.
        request.HasIndex(r => new { r.ReceivedOn, r.AgencyId }).HasDatabaseName("IX_Requests_ReceivedOn_AgencyId");
        // DueOn last: the supervision dashboard's on-time count over the same range reads no row either.
        request.HasIndex(r => new { r.DecidedOn, r.ReceivedOn, r.ApplicantType, r.Outcome, r.AgencyId, r.DueOn }).HasDatabaseName(LedgerQuery.DecidedIndex);
        // A request's agency without reading its wide row: the annual report looks up the agency of each fee event.
        request.HasIndex(r => new { r.Id, r.AgencyId }).HasDatabaseName("IX_Requests_Id_AgencyId");
    }
}

internal sealed class RequestEventRecordConfiguration : IEntityTypeConfiguration<RequestEventRecord>
{
    public void Configure(EntityTypeBuilder<RequestEventRecord> e)
    {
        e.HasIndex(x => new { x.RequestId, x.Sequence }).IsUnique();
        // The annual report's fee figures: one year's events of one type, and their requests, without reading every
        // event there is or any event's row.
        e.HasIndex(x => new { x.Type, x.On, x.RequestId });
        e.Property(x => x.Type).HasMaxLength(50);
        e.Property(x => x.UserName).HasMaxLength(256);
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> a)
    {
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(100);
        a.Property(x => x.Sha256).HasMaxLength(64);
        a.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
        a.HasOne<Publications.StoredFile>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppealCaseConfiguration : IEntityTypeConfiguration<AppealCase>
{
    public void Configure(EntityTypeBuilder<AppealCase> appeal)
    {
        appeal.ToTable("Appeals");
        appeal.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        appeal.Property(a => a.Result).HasConversion<string>().HasMaxLength(20);
        appeal.Property(a => a.Body).HasMaxLength(100);
        appeal.Property(a => a.CaseNumber).HasMaxLength(100);
        appeal.Property(a => a.Notes).HasMaxLength(2000);
        appeal.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        appeal.HasOne<RequestRecord>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        // The annual report's appeals table reads only these columns: from the index alone.
        appeal.HasIndex(a => new { a.AgencyId, a.FiledOn, a.Kind, a.Result, a.ConcludedOn });
    }
}

internal sealed class NoticeTemplateRecordConfiguration : IEntityTypeConfiguration<NoticeTemplateRecord>
{
    public void Configure(EntityTypeBuilder<NoticeTemplateRecord> t)
    {
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        t.HasIndex(x => x.Kind).IsUnique();
        t.Property(x => x.Title).HasMaxLength(100);
        t.Property(x => x.Body).HasMaxLength(10000);
        t.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class RequestNoticeConfiguration : IEntityTypeConfiguration<RequestNotice>
{
    public void Configure(EntityTypeBuilder<RequestNotice> n)
    {
        n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        n.Property(x => x.Title).HasMaxLength(200);
        n.HasIndex(x => new { x.RequestId, x.EventSequence, x.Kind }).IsUnique();
        n.Property(x => x.Reference).HasMaxLength(60);
        n.HasIndex(x => new { x.IssuerAgencyId, x.NumberYear, x.Number }).IsUnique();
    }
}

internal sealed class RequestEmailConfiguration : IEntityTypeConfiguration<RequestEmail>
{
    public void Configure(EntityTypeBuilder<RequestEmail> m)
    {
        m.Property(x => x.To).HasMaxLength(200);
        m.Property(x => x.Subject).HasMaxLength(200);
        m.Property(x => x.LastError).HasMaxLength(1000);
        m.HasIndex(x => x.SentAt);
    }
}
