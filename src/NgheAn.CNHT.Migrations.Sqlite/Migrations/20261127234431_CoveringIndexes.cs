using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProgramId_Status_StartYear_ContentItemId",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementEntries_ProposalId_Source",
                table: "DisbursementEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Figures",
                table: "Proposals",
                columns: new[] { "ProgramId", "Status", "StartYear", "ContentItemId", "SettledTotalCost", "ApprovedTotalCost", "RequestedTotalCost", "SettledProvincialShare", "ApprovedProvincialShare", "RequestedProvincialShare" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProgramId_Code",
                table: "Proposals",
                columns: new[] { "ProgramId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProgramId_Status_Code",
                table: "Proposals",
                columns: new[] { "ProgramId", "Status", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementEntries_ProposalId_Source_Amount",
                table: "DisbursementEntries",
                columns: new[] { "ProposalId", "Source", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementEntries_Source_EntryDate_ProposalId_Amount",
                table: "DisbursementEntries",
                columns: new[] { "Source", "EntryDate", "ProposalId", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Figures",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProgramId_Code",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProgramId_Status_Code",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementEntries_ProposalId_Source_Amount",
                table: "DisbursementEntries");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementEntries_Source_EntryDate_ProposalId_Amount",
                table: "DisbursementEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProgramId_Status_StartYear_ContentItemId",
                table: "Proposals",
                columns: new[] { "ProgramId", "Status", "StartYear", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementEntries_ProposalId_Source",
                table: "DisbursementEntries",
                columns: new[] { "ProposalId", "Source" });
        }
    }
}
