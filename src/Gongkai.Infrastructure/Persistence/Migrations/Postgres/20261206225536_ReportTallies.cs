using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Ledger_Carried",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Ledger_Received",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_AgencyId_FiledOn",
                table: "Appeals");

            migrationBuilder.CreateTable(
                name: "FeeTallies",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Notices = table.Column<int>(type: "integer", nullable: false),
                    CollectedFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeTallies", x => new { x.AgencyId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "RequestTallies",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedYear = table.Column<int>(type: "integer", nullable: false),
                    DecidedYear = table.Column<int>(type: "integer", nullable: false),
                    ApplicantType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestTallies", x => new { x.AgencyId, x.ReceivedYear, x.DecidedYear, x.ApplicantType, x.Outcome });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_AgencyId_FiledOn_Kind_Result_ConcludedOn",
                table: "Appeals",
                columns: new[] { "AgencyId", "FiledOn", "Kind", "Result", "ConcludedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestTallies_DecidedYear_ReceivedYear_ApplicantType_Outco~",
                table: "RequestTallies",
                columns: new[] { "DecidedYear", "ReceivedYear", "ApplicantType", "Outcome", "AgencyId", "Count" });

            // Count what is there, then keep counting as it changes (ADR 0021).
            foreach (var sql in Gongkai.Infrastructure.Requests.ReportTallyTriggers.RecountSql(sqlite: false))
            {
                migrationBuilder.Sql(sql);
            }

            Gongkai.Infrastructure.Requests.ReportTallyTriggers.CreatePostgres(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Gongkai.Infrastructure.Requests.ReportTallyTriggers.DropPostgres(migrationBuilder);

            migrationBuilder.DropTable(
                name: "FeeTallies");

            migrationBuilder.DropTable(
                name: "RequestTallies");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_AgencyId_FiledOn_Kind_Result_ConcludedOn",
                table: "Appeals");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Carried",
                table: "Requests",
                columns: new[] { "DecidedOn", "ReceivedOn", "ApplicantType", "Outcome", "AgencyId" },
                filter: "\"DecidedOn\" IS NULL OR date_part('year', \"DecidedOn\") <> date_part('year', \"ReceivedOn\")");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Received",
                table: "Requests",
                columns: new[] { "ReceivedOn", "DecidedOn", "ApplicantType", "Outcome", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_AgencyId_FiledOn",
                table: "Appeals",
                columns: new[] { "AgencyId", "FiledOn" });
        }
    }
}
