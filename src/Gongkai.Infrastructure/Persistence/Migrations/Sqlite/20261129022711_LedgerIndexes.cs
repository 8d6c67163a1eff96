using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_AgencyId_DecidedOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_AgencyId_ReceivedOn",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Decided",
                table: "Requests",
                columns: new[] { "DecidedOn", "ReceivedOn", "ApplicantType", "Outcome", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Grouped",
                table: "Requests",
                columns: new[] { "ApplicantType", "Outcome", "AgencyId", "ReceivedOn", "DecidedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Ledger_Decided",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Ledger_Grouped",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AgencyId_DecidedOn",
                table: "Requests",
                columns: new[] { "AgencyId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AgencyId_ReceivedOn",
                table: "Requests",
                columns: new[] { "AgencyId", "ReceivedOn" });
        }
    }
}
