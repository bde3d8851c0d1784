using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProposalSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Proposals",
                type: "TEXT",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Organizations",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SearchText",
                table: "Proposals",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_SearchText",
                table: "Organizations",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserName_At",
                table: "AuditEntries",
                columns: new[] { "UserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_SearchText",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_SearchText",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_UserName_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Organizations");
        }
    }
}
