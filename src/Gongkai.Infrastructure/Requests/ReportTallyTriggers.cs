using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// The triggers that keep <see cref="RequestTally"/> and <see cref="FeeTally"/> (ADR 0021): after every insert, delete,
/// or change of a request's agency, dates, applicant type or outcome, the tally it left loses one and the tally it
/// joined gains one; after every fee notice or payment event, its agency's year gains the notice or the amount. In the
/// same transaction as the write, whoever makes it (a store, the CLI, an import, raw SQL).
/// <para>
/// On SQLite a migration that rebuilds the <c>Requests</c> or <c>RequestEvents</c> table (an altered column) drops
/// their triggers: such a migration must call <see cref="CreateSqlite"/> again (the tally tests fail otherwise).
/// </para>
/// </summary>
public static class ReportTallyTriggers
{
    private const string TallyColumns = "\"AgencyId\", \"ReceivedYear\", \"DecidedYear\", \"ApplicantType\", \"Outcome\"";
    private const string FeeTypes = "('FeeNoticeSent', 'FeePaid')";

    // SQLite stores dates as yyyy-MM-dd text.
    private static string SqliteYear(string column) => $"CAST(substr({column}, 1, 4) AS INTEGER)";

    private static string SqliteTally(string row, int delta) => $"""
        INSERT INTO "RequestTallies" ({TallyColumns}, "Count")
        SELECT {row}."AgencyId", {SqliteYear($"{row}.\"ReceivedOn\"")}, COALESCE({SqliteYear($"{row}.\"DecidedOn\"")}, 0), {row}."ApplicantType", COALESCE({row}."Outcome", ''), {delta}
        WHERE {row}."ReceivedOn" IS NOT NULL
        ON CONFLICT ({TallyColumns}) DO UPDATE SET "Count" = "Count" + excluded."Count";
        """;

    /// <summary>The amount of a request's fee notice in fen (0 without one); <paramref name="requestId"/> is an SQL expression.</summary>
    private static string SqliteAmount(string requestId) => $"""
        COALESCE((SELECT CAST(ROUND(SUM(json_extract(n."Json", '$.Amount')) * 100) AS INTEGER) FROM "RequestEvents" n WHERE n."RequestId" = {requestId} AND n."Type" = 'FeeNoticeSent'), 0)
        """;

    /// <summary>The fee contributions of the events selected by <paramref name="where"/> (alias e, joined to their request r), by agency and year.</summary>
    private static string SqliteFees(string agency, string where, int sign) => $"""
        INSERT INTO "FeeTallies" ("AgencyId", "Year", "Notices", "CollectedFen")
        SELECT {agency}, {SqliteYear("e.\"On\"")}, {sign} * SUM(CASE WHEN e."Type" = 'FeeNoticeSent' THEN 1 ELSE 0 END),
               {sign} * SUM(CASE WHEN e."Type" = 'FeePaid' THEN {SqliteAmount("e.\"RequestId\"")} ELSE 0 END)
        FROM "RequestEvents" e JOIN "Requests" r ON r."Id" = e."RequestId"
        WHERE e."Type" IN {FeeTypes} AND {where}
        GROUP BY {agency}, {SqliteYear("e.\"On\"")}
        ON CONFLICT ("AgencyId", "Year") DO UPDATE SET "Notices" = "Notices" + excluded."Notices", "CollectedFen" = "CollectedFen" + excluded."CollectedFen";
        """;

    private const string SqliteKeyChanged = """
        OLD."AgencyId" IS NOT NEW."AgencyId" OR substr(OLD."ReceivedOn", 1, 4) IS NOT substr(NEW."ReceivedOn", 1, 4)
        OR substr(OLD."DecidedOn", 1, 4) IS NOT substr(NEW."DecidedOn", 1, 4) OR OLD."ApplicantType" IS NOT NEW."ApplicantType" OR OLD."Outcome" IS NOT NEW."Outcome"
        """;

    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Requests_tally_insert" AFTER INSERT ON "Requests"
            BEGIN {SqliteTally("NEW", 1)} END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Requests_tally_update" AFTER UPDATE OF "AgencyId", "ReceivedOn", "DecidedOn", "ApplicantType", "Outcome" ON "Requests"
            WHEN {SqliteKeyChanged}
            BEGIN {SqliteTally("OLD", -1)} {SqliteTally("NEW", 1)} END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Requests_tally_delete" AFTER DELETE ON "Requests"
            BEGIN {SqliteTally("OLD", -1)} END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Requests_fee_tally_agency" AFTER UPDATE OF "AgencyId" ON "Requests"
            WHEN OLD."AgencyId" IS NOT NEW."AgencyId"
            BEGIN {SqliteFees("OLD.\"AgencyId\"", "e.\"RequestId\" = NEW.\"Id\"", -1)} {SqliteFees("NEW.\"AgencyId\"", "e.\"RequestId\" = NEW.\"Id\"", 1)} END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "RequestEvents_fee_tally" AFTER INSERT ON "RequestEvents"
            WHEN NEW."Type" IN {FeeTypes}
            BEGIN {SqliteFees("r.\"AgencyId\"", "e.\"Id\" = NEW.\"Id\"", 1)} END;
            """);
    }

    public static void DropSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in new[] { "Requests_tally_insert", "Requests_tally_update", "Requests_tally_delete", "Requests_fee_tally_agency", "RequestEvents_fee_tally" })
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
        }
    }

    private static string PostgresYear(string column) => $"date_part('year', {column})::integer";

    private static string PostgresFees(string agency, string where, string sign) => $"""
        INSERT INTO "FeeTallies" ("AgencyId", "Year", "Notices", "CollectedFen")
        SELECT {agency}, {PostgresYear("e.\"On\"")}, {sign} * SUM(CASE WHEN e."Type" = 'FeeNoticeSent' THEN 1 ELSE 0 END),
               {sign} * SUM(CASE WHEN e."Type" = 'FeePaid' THEN COALESCE((SELECT round(SUM((n."Json"::jsonb ->> 'Amount')::numeric) * 100)::bigint
                   FROM "RequestEvents" n WHERE n."RequestId" = e."RequestId" AND n."Type" = 'FeeNoticeSent'), 0) ELSE 0 END)
        FROM "RequestEvents" e JOIN "Requests" r ON r."Id" = e."RequestId"
        WHERE e."Type" IN {FeeTypes} AND {where}
        GROUP BY 1, 2
        ON CONFLICT ("AgencyId", "Year") DO UPDATE SET "Notices" = "FeeTallies"."Notices" + EXCLUDED."Notices", "CollectedFen" = "FeeTallies"."CollectedFen" + EXCLUDED."CollectedFen";
        """;

    public static void CreatePostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE FUNCTION gongkai_tally_request(agency integer, received date, decided date, applicant text, outcome text, delta integer) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "RequestTallies" ({TallyColumns}, "Count")
                SELECT agency, {PostgresYear("received")}, COALESCE({PostgresYear("decided")}, 0), applicant, COALESCE(outcome, ''), delta
                WHERE received IS NOT NULL
                ON CONFLICT ({TallyColumns}) DO UPDATE SET "Count" = "RequestTallies"."Count" + EXCLUDED."Count";
            $$;
            """);
        // An update takes its two tally rows in key order, so two steps moving requests between the same two tallies
        // in opposite directions never wait on each other.
        migrationBuilder.Sql($"""
            CREATE FUNCTION gongkai_request_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM gongkai_tally_request(NEW."AgencyId", NEW."ReceivedOn", NEW."DecidedOn", NEW."ApplicantType", NEW."Outcome", 1);
                ELSIF TG_OP = 'DELETE' THEN
                    PERFORM gongkai_tally_request(OLD."AgencyId", OLD."ReceivedOn", OLD."DecidedOn", OLD."ApplicantType", OLD."Outcome", -1);
                ELSIF ROW(OLD."AgencyId", COALESCE({PostgresYear("OLD.\"ReceivedOn\"")}, 0), COALESCE({PostgresYear("OLD.\"DecidedOn\"")}, 0), OLD."ApplicantType"::text, COALESCE(OLD."Outcome", ''))
                    < ROW(NEW."AgencyId", COALESCE({PostgresYear("NEW.\"ReceivedOn\"")}, 0), COALESCE({PostgresYear("NEW.\"DecidedOn\"")}, 0), NEW."ApplicantType"::text, COALESCE(NEW."Outcome", '')) THEN
                    PERFORM gongkai_tally_request(OLD."AgencyId", OLD."ReceivedOn", OLD."DecidedOn", OLD."ApplicantType", OLD."Outcome", -1);
                    PERFORM gongkai_tally_request(NEW."AgencyId", NEW."ReceivedOn", NEW."DecidedOn", NEW."ApplicantType", NEW."Outcome", 1);
                ELSIF ROW(OLD."AgencyId", COALESCE({PostgresYear("OLD.\"ReceivedOn\"")}, 0), COALESCE({PostgresYear("OLD.\"DecidedOn\"")}, 0), OLD."ApplicantType"::text, COALESCE(OLD."Outcome", ''))
                    > ROW(NEW."AgencyId", COALESCE({PostgresYear("NEW.\"ReceivedOn\"")}, 0), COALESCE({PostgresYear("NEW.\"DecidedOn\"")}, 0), NEW."ApplicantType"::text, COALESCE(NEW."Outcome", '')) THEN
                    PERFORM gongkai_tally_request(NEW."AgencyId", NEW."ReceivedOn", NEW."DecidedOn", NEW."ApplicantType", NEW."Outcome", 1);
                    PERFORM gongkai_tally_request(OLD."AgencyId", OLD."ReceivedOn", OLD."DecidedOn", OLD."ApplicantType", OLD."Outcome", -1);
                END IF;
                RETURN NULL;
            END;
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Requests_tally" AFTER INSERT OR DELETE OR UPDATE OF "AgencyId", "ReceivedOn", "DecidedOn", "ApplicantType", "Outcome" ON "Requests"
            FOR EACH ROW EXECUTE FUNCTION gongkai_request_tallies();
            """);
        migrationBuilder.Sql($"""
            CREATE FUNCTION gongkai_fee_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_TABLE_NAME = 'RequestEvents' THEN
                    {PostgresFees("r.\"AgencyId\"", "e.\"Id\" = NEW.\"Id\"", "1")}
                ELSE
                    {PostgresFees("OLD.\"AgencyId\"", "e.\"RequestId\" = NEW.\"Id\"", "-1")}
                    {PostgresFees("NEW.\"AgencyId\"", "e.\"RequestId\" = NEW.\"Id\"", "1")}
                END IF;
                RETURN NULL;
            END;
            $$;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "RequestEvents_fee_tally" AFTER INSERT ON "RequestEvents"
            FOR EACH ROW WHEN (NEW."Type" IN {FeeTypes}) EXECUTE FUNCTION gongkai_fee_tallies();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Requests_fee_tally" AFTER UPDATE OF "AgencyId" ON "Requests"
            FOR EACH ROW WHEN (OLD."AgencyId" IS DISTINCT FROM NEW."AgencyId") EXECUTE FUNCTION gongkai_fee_tallies();
            """);
    }

    public static void DropPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Requests_tally" ON "Requests";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Requests_fee_tally" ON "Requests";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "RequestEvents_fee_tally" ON "RequestEvents";""");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS gongkai_fee_tallies();");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS gongkai_request_tallies();");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS gongkai_tally_request(integer, date, date, text, text, integer);");
    }

    /// <summary>
    /// Counts both tables afresh from the requests and their events (the migration that adds them, and
    /// <see cref="ReportTallyStore.RecountAsync"/>). Run inside a transaction.
    /// </summary>
    public static string[] RecountSql(bool sqlite)
    {
        var year = sqlite ? (Func<string, string>)SqliteYear : PostgresYear;
        return
        [
            "DELETE FROM \"RequestTallies\";",
            "DELETE FROM \"FeeTallies\";",
            $"""
            INSERT INTO "RequestTallies" ({TallyColumns}, "Count")
            SELECT "AgencyId", {year("\"ReceivedOn\"")}, COALESCE({year("\"DecidedOn\"")}, 0), "ApplicantType", COALESCE("Outcome", ''), COUNT(*)
            FROM "Requests" WHERE "ReceivedOn" IS NOT NULL
            GROUP BY "AgencyId", {year("\"ReceivedOn\"")}, COALESCE({year("\"DecidedOn\"")}, 0), "ApplicantType", COALESCE("Outcome", '');
            """,
            sqlite ? SqliteFees("r.\"AgencyId\"", "1 = 1", 1) : PostgresFees("r.\"AgencyId\"", "TRUE", "1"),
        ];
    }
}
