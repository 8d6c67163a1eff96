using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupervisedReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupervisorAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MatchedAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReadError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Infos = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisedReports_Agencies_MatchedAgencyId",
                        column: x => x.MatchedAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupervisedReports_Agencies_SupervisorAgencyId",
                        column: x => x.SupervisorAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisedReports_MatchedAgencyId",
                table: "SupervisedReports",
                column: "MatchedAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisedReports_SupervisorAgencyId_Sha256",
                table: "SupervisedReports",
                columns: new[] { "SupervisorAgencyId", "Sha256" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisedReports_SupervisorAgencyId_Year",
                table: "SupervisedReports",
                columns: new[] { "SupervisorAgencyId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisedReports");
        }
    }
}
