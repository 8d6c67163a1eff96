using Gongkai.Core.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// Art. 44: a request of a same-information group tied to the catalog document published for the group. Made when
/// the office starts a document for the group (<see cref="LinkedOn"/> empty: the draft is being prepared), and
/// completed the day that document is published — or made complete at once when the office picks a document that is
/// already out. A request has at most one such link.
/// </summary>
public sealed class SameInformationLink
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public long PublicationId { get; set; }
    /// <summary>The agency the requests were sent to, which publishes the document (the report counts the group there).</summary>
    public int AgencyId { get; set; }
    /// <summary>The day the document was out and the request linked to it; null while the document is a draft.</summary>
    public DateOnly? LinkedOn { get; set; }
    /// <summary>Who linked it: the user who published the document, or who picked a published one.</summary>
    public string? LinkedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class SameInformationLinkConfiguration : IEntityTypeConfiguration<SameInformationLink>
{
    public void Configure(EntityTypeBuilder<SameInformationLink> link)
    {
        link.ToTable("SameInformationLinks");
        link.HasIndex(l => l.RequestId).IsUnique();
        link.HasIndex(l => new { l.PublicationId, l.LinkedOn });
        // The annual report counts the year's groups of an agency.
        link.HasIndex(l => new { l.AgencyId, l.LinkedOn });
        link.Property(l => l.LinkedBy).HasMaxLength(256);
        link.Property(l => l.CreatedBy).HasMaxLength(256);
        link.HasOne<RequestRecord>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Restrict);
        link.HasOne<Publications.PublicationRecord>().WithMany().HasForeignKey(l => l.PublicationId).OnDelete(DeleteBehavior.Restrict);
        link.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
