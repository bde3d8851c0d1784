using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue21RegisterParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Figures",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_SearchTotals",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Figures",
                table: "Proposals",
                columns: new[] { "ProgramId", "Status", "StartYear", "ContentItemId", "SettledTotalCost", "ApprovedTotalCost", "RequestedTotalCost", "SettledProvincialShare", "ApprovedProvincialShare", "RequestedProvincialShare", "LeadOrganizationId", "EndYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SearchTotals",
                table: "Proposals",
                columns: new[] { "Id", "ProgramId", "Status", "SettledTotalCost", "ApprovedTotalCost", "RequestedTotalCost", "SettledProvincialShare", "ApprovedProvincialShare", "RequestedProvincialShare", "LeadOrganizationId", "ContentItemId", "StartYear", "EndYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Figures",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_SearchTotals",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Figures",
                table: "Proposals",
                columns: new[] { "ProgramId", "Status", "StartYear", "ContentItemId", "SettledTotalCost", "ApprovedTotalCost", "RequestedTotalCost", "SettledProvincialShare", "ApprovedProvincialShare", "RequestedProvincialShare" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SearchTotals",
                table: "Proposals",
                columns: new[] { "Id", "ProgramId", "Status", "SettledTotalCost", "ApprovedTotalCost", "RequestedTotalCost", "SettledProvincialShare", "ApprovedProvincialShare", "RequestedProvincialShare" });
        }
    }
}
