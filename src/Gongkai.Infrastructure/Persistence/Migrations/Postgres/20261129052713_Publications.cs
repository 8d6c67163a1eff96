using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Publications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Publications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    IndexNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Issuer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Attribute = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AttributeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RepealedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepealedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ExpiredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Keywords = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Publications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Publications_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Publications_AgencyId_Type_WrittenOn",
                table: "Publications",
                columns: new[] { "AgencyId", "Type", "WrittenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Publications_IndexNumber",
                table: "Publications",
                column: "IndexNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Publications");
        }
    }
}
