using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DisclosedAndCorrectionFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DisclosedPublicationId",
                table: "Requests",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DownloadedAt",
                table: "RequestAttachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "RequestAttachments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Application");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisclosedPublicationId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "DownloadedAt",
                table: "RequestAttachments");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "RequestAttachments");
        }
    }
}
