using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>
/// One committed change that every node must hear of: written by database triggers in the same transaction as the
/// change itself (<see cref="ChangeFeedTriggers"/>), whoever made it — a web node, the command line, an import — and
/// read in sequence by every node's <see cref="ChangeFeedFollower"/>. Ids only: what changed is read back from its
/// table, never copied here.
/// </summary>
public sealed class ChangeFeedEntry
{
    public long Id { get; set; }

    /// <summary>What changed (<see cref="ChangeFeedTopics"/>).</summary>
    public required string Topic { get; set; }

    /// <summary>The id of the changed row (for an attachment, its document's).</summary>
    public long EntityId { get; set; }

    /// <summary>When the change was written (the database's clock, UTC).</summary>
    public DateTime At { get; set; }
}

/// <summary>The topics the triggers write.</summary>
public static class ChangeFeedTopics
{
    /// <summary>A catalog document (or one of its attachments): the search index and the portal's cached pages follow.</summary>
    public const string Publication = "publication";

    /// <summary>A letter (mailbox, complaint, inquiry): its published answer appears on the portal.</summary>
    public const string Letter = "letter";

    /// <summary>A consultation (意见征集): listed on the portal while open.</summary>
    public const string Consultation = "consultation";

    /// <summary>Anything else the public pages show (gazette, annual reports, agencies, the guide's settings).</summary>
    public const string Portal = "portal";
}

internal sealed class ChangeFeedEntryConfiguration : IEntityTypeConfiguration<ChangeFeedEntry>
{
    public void Configure(EntityTypeBuilder<ChangeFeedEntry> builder)
    {
        builder.ToTable("ChangeFeed");
        // Ids are never reused (SQLite AUTOINCREMENT, a PostgreSQL identity): a follower's position stays meaningful
        // after old entries are deleted.
        builder.Property(e => e.Id).HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(e => e.Topic).HasMaxLength(32);
        builder.HasIndex(e => e.At);
    }
}
