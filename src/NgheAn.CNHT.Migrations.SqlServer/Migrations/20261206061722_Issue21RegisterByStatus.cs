using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue21RegisterByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_Code",
                table: "Proposals",
                columns: new[] { "Status", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_Code",
                table: "Proposals");
        }
    }
}
