using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticeNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IssuerAgencyId",
                table: "RequestNotices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "RequestNotices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NumberYear",
                table: "RequestNotices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "RequestNotices",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoticeNumberPattern",
                table: "Agencies",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestNotices_IssuerAgencyId_NumberYear_Number",
                table: "RequestNotices",
                columns: new[] { "IssuerAgencyId", "NumberYear", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestNotices_IssuerAgencyId_NumberYear_Number",
                table: "RequestNotices");

            migrationBuilder.DropColumn(
                name: "IssuerAgencyId",
                table: "RequestNotices");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "RequestNotices");

            migrationBuilder.DropColumn(
                name: "NumberYear",
                table: "RequestNotices");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "RequestNotices");

            migrationBuilder.DropColumn(
                name: "NoticeNumberPattern",
                table: "Agencies");
        }
    }
}
