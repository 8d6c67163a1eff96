using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Sqlite
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
                name: "IX_Requests_Ledger_Grouped",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_AgencyId_FiledOn",
                table: "Appeals");

            migrationBuilder.CreateTable(
                name: "FeeTallies",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Notices = table.Column<int>(type: "INTEGER", nullable: false),
                    CollectedFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeTallies", x => new { x.AgencyId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "RequestTallies",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedYear = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_RequestTallies_DecidedYear_ReceivedYear_ApplicantType_Outcome_AgencyId_Count",
                table: "RequestTallies",
                columns: new[] { "DecidedYear", "ReceivedYear", "ApplicantType", "Outcome", "AgencyId", "Count" });

            // Count what is there, then keep counting as it changes (ADR 0021).
            foreach (var sql in Gongkai.Infrastructure.Requests.ReportTallyTriggers.RecountSql(sqlite: true))
            {
                migrationBuilder.Sql(sql);
            }

            Gongkai.Infrastructure.Requests.ReportTallyTriggers.CreateSqlite(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Gongkai.Infrastructure.Requests.ReportTallyTriggers.DropSqlite(migrationBuilder);

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
                filter: "\"DecidedOn\" IS NULL OR substr(\"DecidedOn\", 1, 4) <> substr(\"ReceivedOn\", 1, 4)");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Grouped",
                table: "Requests",
                columns: new[] { "ApplicantType", "Outcome", "AgencyId", "ReceivedOn", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_AgencyId_FiledOn",
                table: "Appeals",
                columns: new[] { "AgencyId", "FiledOn" });
        }
    }
}
