using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AssistanceDetail",
                table: "Requests",
                type: "TEXT",
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
