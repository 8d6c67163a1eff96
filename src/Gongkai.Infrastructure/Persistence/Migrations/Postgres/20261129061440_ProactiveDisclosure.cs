using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProactiveDisclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "Publications",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "Publications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Publications",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftingUnit",
                table: "Publications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InterpretsId",
                table: "Publications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoInterpretationReason",
                table: "Publications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "Publications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "Publications",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewOpinion",
                table: "Publications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "Publications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Publications",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Publications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Publications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CatalogCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogCategories_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CatalogCategories_CatalogCategories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "CatalogCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureSettings",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    IndexNumberPattern = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GuideHtml = table.Column<string>(type: "text", nullable: true),
                    GuideUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GuideUpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureSettings", x => x.AgencyId);
                    table.ForeignKey(
                        name: "FK_DisclosureSettings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GazetteIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    TotalNumber = table.Column<int>(type: "integer", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PrintRun = table.Column<int>(type: "integer", nullable: false),
                    DistributionPoints = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GazetteIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GazetteIssues_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "GazetteItems",
                columns: table => new
                {
                    IssueId = table.Column<int>(type: "integer", nullable: false),
                    PublicationId = table.Column<long>(type: "bigint", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GazetteItems", x => new { x.IssueId, x.PublicationId });
                    table.ForeignKey(
                        name: "FK_GazetteItems_GazetteIssues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "GazetteIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GazetteItems_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicationAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicationId = table.Column<long>(type: "bigint", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationAttachments_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublicationAttachments_StoredFiles_Sha256",
                        column: x => x.Sha256,
                        principalTable: "StoredFiles",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Publications_AgencyId_Status_PublishedOn",
                table: "Publications",
                columns: new[] { "AgencyId", "Status", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Publications_InterpretsId",
                table: "Publications",
                column: "InterpretsId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCategories_AgencyId_Name",
                table: "CatalogCategories",
                columns: new[] { "AgencyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCategories_ParentId",
                table: "CatalogCategories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_GazetteIssues_AgencyId_Year_Number",
                table: "GazetteIssues",
                columns: new[] { "AgencyId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GazetteItems_PublicationId",
                table: "GazetteItems",
                column: "PublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationAttachments_PublicationId",
                table: "PublicationAttachments",
                column: "PublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationAttachments_Sha256",
                table: "PublicationAttachments",
                column: "Sha256");

            migrationBuilder.AddForeignKey(
                name: "FK_Publications_Publications_InterpretsId",
                table: "Publications",
                column: "InterpretsId",
                principalTable: "Publications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            // Documents recorded before the workflow existed: those with a publication date are published.
            migrationBuilder.Sql("UPDATE \"Publications\" SET \"Status\" = CASE WHEN \"PublishedOn\" IS NOT NULL THEN 'Published' ELSE 'Draft' END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Publications_Publications_InterpretsId",
                table: "Publications");

            migrationBuilder.DropTable(
                name: "CatalogCategories");

            migrationBuilder.DropTable(
                name: "DisclosureSettings");

            migrationBuilder.DropTable(
                name: "GazetteItems");

            migrationBuilder.DropTable(
                name: "PublicationAttachments");

            migrationBuilder.DropTable(
                name: "GazetteIssues");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropIndex(
                name: "IX_Publications_AgencyId_Status_PublishedOn",
                table: "Publications");

            migrationBuilder.DropIndex(
                name: "IX_Publications_InterpretsId",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "DraftingUnit",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "InterpretsId",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "NoInterpretationReason",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "ReviewOpinion",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Publications");
        }
    }
}
