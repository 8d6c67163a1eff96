using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgencyHandledBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HandledById",
                table: "Agencies",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_HandledById",
                table: "Agencies",
                column: "HandledById");

            migrationBuilder.AddForeignKey(
                name: "FK_Agencies_Agencies_HandledById",
                table: "Agencies",
                column: "HandledById",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agencies_Agencies_HandledById",
                table: "Agencies");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_HandledById",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "HandledById",
                table: "Agencies");
        }
    }
}
