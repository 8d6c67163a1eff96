using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>
/// The triggers that write the change feed: after every insert, update or delete of a watched table, one
/// <see cref="ChangeFeedEntry"/> in the same transaction. On PostgreSQL they also <c>NOTIFY gongkai_changes</c>, which
/// the listening nodes receive when the transaction commits; on SQLite (one node) followers poll.
/// </summary>
public static class ChangeFeedTriggers
{
    /// <summary>PostgreSQL's notification channel.</summary>
    public const string Channel = "gongkai_changes";

    /// <summary>Watched tables: the table, the topic, and the column whose value is the entity id (none: 0).</summary>
    public static readonly (string Table, string Topic, string? IdColumn)[] Watched =
    [
        ("Publications", ChangeFeedTopics.Publication, "Id"),
        ("PublicationAttachments", ChangeFeedTopics.Publication, "PublicationId"),
        ("Letters", ChangeFeedTopics.Letter, "Id"),
        ("Consultations", ChangeFeedTopics.Consultation, "Id"),
        // What else the public pages show: the portal's cached pages follow them.
        ("GazetteIssues", ChangeFeedTopics.Portal, null),
        ("GazetteItems", ChangeFeedTopics.Portal, null),
        ("AnnualReports", ChangeFeedTopics.Portal, null),
        ("Agencies", ChangeFeedTopics.Portal, null),
        ("DisclosureSettings", ChangeFeedTopics.Portal, null),
        ("CatalogCategories", ChangeFeedTopics.Portal, null),
        ("InteractionChannels", ChangeFeedTopics.Portal, null),
    ];

    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, topic, column) in Watched)
        {
            foreach (var (operation, row) in new[] { ("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_feed_{operation.ToLowerInvariant()}" AFTER {operation} ON "{table}"
                    BEGIN INSERT INTO "ChangeFeed" ("Topic", "EntityId", "At") VALUES ('{topic}', {(column is null ? "0" : $"{row}.\"{column}\"")}, strftime('%Y-%m-%d %H:%M:%f', 'now')); END;
                    """);
            }
        }
    }

    public static void CreatePostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE FUNCTION gongkai_change_feed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                changed bigint;
            BEGIN
                IF TG_ARGV[1] = '' THEN
                    changed := 0;
                ELSIF TG_OP = 'DELETE' THEN
                    changed := (to_jsonb(OLD) ->> TG_ARGV[1])::bigint;
                ELSE
                    changed := (to_jsonb(NEW) ->> TG_ARGV[1])::bigint;
                END IF;
                INSERT INTO "ChangeFeed" ("Topic", "EntityId", "At") VALUES (TG_ARGV[0], changed, now());
                PERFORM pg_notify('{Channel}', TG_ARGV[0]);
                RETURN NULL;
            END;
            $$;
            """);
        foreach (var (table, topic, column) in Watched)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_feed" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                FOR EACH ROW EXECUTE FUNCTION gongkai_change_feed('{topic}', '{column ?? ""}');
                """);
        }
    }

    public static void DropSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, _, _) in Watched)
        {
            foreach (var operation in new[] { "insert", "update", "delete" })
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_feed_{operation}";""");
            }
        }
    }

    public static void DropPostgres(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, _, _) in Watched)
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_feed" ON "{table}";""");
        }

        migrationBuilder.Sql("DROP FUNCTION IF EXISTS gongkai_change_feed();");
    }
}
