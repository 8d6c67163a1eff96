using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LetterEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "RequestId",
                table: "RequestEmails",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<long>(
                name: "LetterId",
                table: "RequestEmails",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestEmails_LetterId",
                table: "RequestEmails",
                column: "LetterId");

            migrationBuilder.AddForeignKey(
                name: "FK_RequestEmails_Letters_LetterId",
                table: "RequestEmails",
                column: "LetterId",
                principalTable: "Letters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RequestEmails_Letters_LetterId",
                table: "RequestEmails");

            migrationBuilder.DropIndex(
                name: "IX_RequestEmails_LetterId",
                table: "RequestEmails");

            migrationBuilder.DropColumn(
                name: "LetterId",
                table: "RequestEmails");

            migrationBuilder.AlterColumn<long>(
                name: "RequestId",
                table: "RequestEmails",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
