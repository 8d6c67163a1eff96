using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupervisorAgencyId = table.Column<int>(type: "integer", nullable: true),
                    AgencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MatchedAgencyId = table.Column<int>(type: "integer", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReadError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Errors = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<int>(type: "integer", nullable: false),
                    Infos = table.Column<int>(type: "integer", nullable: false),
                    FindingsJson = table.Column<string>(type: "text", nullable: false)
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
