using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Article43Assistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Assistance",
                table: "Requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AssistanceDetail",
                table: "Requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Assistance",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "AssistanceDetail",
                table: "Requests");
        }
    }
}
