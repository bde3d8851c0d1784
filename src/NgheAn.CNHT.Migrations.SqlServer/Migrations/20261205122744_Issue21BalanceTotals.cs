using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue21BalanceTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DisbursementEntries_Kind_Source_ProgramId_EntryDate_Id",
                table: "DisbursementEntries",
                columns: new[] { "Kind", "Source", "ProgramId", "EntryDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DisbursementEntries_Kind_Source_ProgramId_EntryDate_Id",
                table: "DisbursementEntries");
        }
    }
}
