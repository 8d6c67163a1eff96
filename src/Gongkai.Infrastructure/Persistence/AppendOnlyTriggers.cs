using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Infrastructure.Persistence;

/// <summary>
/// Database-level guards that make the histories append-only, whoever connects: the audit log, calendar versions,
/// request and letter events, report corrections.
/// </summary>
public static class AppendOnlyTriggers
{
    // The tables of the initial migration; a later migration names its own new tables, so this list never changes.
    public static readonly string[] Tables = ["AuditEntries", "CalendarVersions", "RequestEvents", "ReportCorrections", "LetterEvents"];

    public static void CreateSqlite(MigrationBuilder migrationBuilder) => CreateSqlite(migrationBuilder, Tables);

    public static void CreateSqlite(MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}"
                BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}"
                BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                """);
        }
    }

    public static void CreatePostgres(MigrationBuilder migrationBuilder)
    {
        CreatePostgresFunction(migrationBuilder);
        CreatePostgres(migrationBuilder, Tables);
    }

    private static void CreatePostgresFunction(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION gongkai_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
            END;
            $$;
            """);
    }

    public static void CreatePostgres(MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "{table}"
                FOR EACH STATEMENT EXECUTE FUNCTION gongkai_refuse_change();
                """);
        }
    }
}
