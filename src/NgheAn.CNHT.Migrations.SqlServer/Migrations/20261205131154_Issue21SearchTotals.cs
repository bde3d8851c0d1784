using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue21SearchTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SearchTotals",
                table: "Proposals",
                columns: new[] { "Id", "ProgramId", "Status", "SettledTotalCost", "ApprovedTotalCost", "RequestedTotalCost", "SettledProvincialShare", "ApprovedProvincialShare", "RequestedProvincialShare" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_SearchTotals",
                table: "Proposals");
        }
    }
}
