using Gongkai.Core.Agencies;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Participation;

/// <summary>A consultation as stored; its state is set only from the <see cref="Consultation"/> aggregate.</summary>
public sealed class ConsultationRecord
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    public string? Feedback { get; private set; }
    public DateOnly? FeedbackOn { get; private set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ConsultationComment> Comments { get; set; } = [];

    public Consultation ToConsultation() => Consultation.From(new ConsultationState(Title, Body, OpensOn, ClosesOn, Feedback, FeedbackOn));

    public void Take(Consultation consultation) =>
        (Title, Body, OpensOn, ClosesOn, Feedback, FeedbackOn) = (consultation.State.Title, consultation.State.Body, consultation.State.OpensOn,
            consultation.State.ClosesOn, consultation.State.Feedback, consultation.State.FeedbackOn);
}

/// <summary>One comment from the public; the name and contact are optional and shown only to the office.</summary>
public sealed class ConsultationComment
{
    public long Id { get; set; }
    public long ConsultationId { get; set; }
    public required string Content { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<ConsultationRecord>
{
    public void Configure(EntityTypeBuilder<ConsultationRecord> c)
    {
        c.Property(x => x.Title).HasMaxLength(Consultation.TitleMax);
        c.Property(x => x.Body).HasMaxLength(Consultation.BodyMax);
        c.Property(x => x.Feedback).HasMaxLength(Consultation.FeedbackMax);
        c.Property(x => x.CreatedBy).HasMaxLength(256);
        c.HasIndex(x => new { x.AgencyId, x.ClosesOn });
        c.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Comments).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> c)
    {
        c.Property(x => x.Content).HasMaxLength(Consultation.CommentMax);
        c.Property(x => x.Name).HasMaxLength(50);
        c.Property(x => x.Contact).HasMaxLength(100);
    }
}
