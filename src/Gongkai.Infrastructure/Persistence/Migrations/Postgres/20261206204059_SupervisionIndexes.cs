using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Ledger_Decided",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Decided",
                table: "Requests",
                columns: new[] { "DecidedOn", "ReceivedOn", "ApplicantType", "Outcome", "AgencyId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedOn_AgencyId",
                table: "Requests",
                columns: new[] { "ReceivedOn", "AgencyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Ledger_Decided",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_ReceivedOn_AgencyId",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Decided",
                table: "Requests",
                columns: new[] { "DecidedOn", "ReceivedOn", "ApplicantType", "Outcome", "AgencyId" });
        }
    }
}
