using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestAttachmentsStoredOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The bytes move to StoredFiles before their column goes: nothing accepted is lost.
            RequestAttachmentFiles.CopyIntoStoredFiles(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "Content",
                table: "RequestAttachments");

            migrationBuilder.CreateIndex(
                name: "IX_RequestAttachments_Sha256",
                table: "RequestAttachments",
                column: "Sha256");

            migrationBuilder.AddForeignKey(
                name: "FK_RequestAttachments_StoredFiles_Sha256",
                table: "RequestAttachments",
                column: "Sha256",
                principalTable: "StoredFiles",
                principalColumn: "Sha256",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RequestAttachments_StoredFiles_Sha256",
                table: "RequestAttachments");

            migrationBuilder.DropIndex(
                name: "IX_RequestAttachments_Sha256",
                table: "RequestAttachments");

            migrationBuilder.AddColumn<byte[]>(
                name: "Content",
                table: "RequestAttachments",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            RequestAttachmentFiles.CopyBack(migrationBuilder);
        }
    }
}
