using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Infrastructure.Persistence;

/// <summary>
/// Moving request attachments' bytes into <c>StoredFiles</c> (one row per SHA-256) without losing any: the migrations of
/// both providers run the same SQL, copied before the column goes and copied back if the migration is reverted.
/// </summary>
public static class RequestAttachmentFiles
{
    /// <summary>Each attachment's bytes, once per content, unless publications or letters already stored the same file.</summary>
    public static void CopyIntoStoredFiles(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        INSERT INTO "StoredFiles" ("Sha256", "Size", "Content", "CreatedAt")
        SELECT a."Sha256", a."Size", a."Content", r."CreatedAt"
        FROM "RequestAttachments" a JOIN "Requests" r ON r."Id" = a."RequestId"
        WHERE a."Id" IN (SELECT MIN(b."Id") FROM "RequestAttachments" b GROUP BY b."Sha256")
          AND NOT EXISTS (SELECT 1 FROM "StoredFiles" f WHERE f."Sha256" = a."Sha256");
        """);

    /// <summary>Reverting: each attachment's bytes back beside it (the stored files stay, others may use them).</summary>
    public static void CopyBack(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        UPDATE "RequestAttachments"
        SET "Content" = (SELECT f."Content" FROM "StoredFiles" f WHERE f."Sha256" = "RequestAttachments"."Sha256");
        """);
}
