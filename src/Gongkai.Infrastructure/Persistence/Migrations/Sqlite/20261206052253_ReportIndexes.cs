using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Type_On",
                table: "RequestEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Id_AgencyId",
                table: "Requests",
                columns: new[] { "Id", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Ledger_Carried",
                table: "Requests",
                columns: new[] { "DecidedOn", "ReceivedOn", "ApplicantType", "Outcome", "AgencyId" },
                filter: "\"DecidedOn\" IS NULL OR substr(\"DecidedOn\", 1, 4) <> substr(\"ReceivedOn\", 1, 4)");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Type_On_RequestId",
                table: "RequestEvents",
                columns: new[] { "Type", "On", "RequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Id_AgencyId",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Ledger_Carried",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Type_On_RequestId",
                table: "RequestEvents");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Type_On",
                table: "RequestEvents",
                columns: new[] { "Type", "On" });
        }
    }
}
