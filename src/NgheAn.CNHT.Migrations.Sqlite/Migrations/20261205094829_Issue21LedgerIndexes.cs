using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue21LedgerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Waiting",
                table: "Proposals",
                columns: new[] { "Status", "StatusChangedAt", "Id", "SettledTotalCost", "ApprovedTotalCost", "RequestedTotalCost", "SettledProvincialShare", "ApprovedProvincialShare", "RequestedProvincialShare" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementEntries_Kind_ProgramId_EntryDate_Id",
                table: "DisbursementEntries",
                columns: new[] { "Kind", "ProgramId", "EntryDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementEntries_Source_ProgramId_EntryDate_Id",
                table: "DisbursementEntries",
                columns: new[] { "Source", "ProgramId", "EntryDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Waiting",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementEntries_Kind_ProgramId_EntryDate_Id",
                table: "DisbursementEntries");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementEntries_Source_ProgramId_EntryDate_Id",
                table: "DisbursementEntries");
        }
    }
}
