using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue21PublicProgramOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Proposals_PublicOrder",
                table: "Proposals",
                columns: new[] { "ProgramId", "StartYear", "Code", "Status" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Running",
                table: "Proposals",
                columns: new[] { "ProgramId", "Status", "EndYear", "StartYear", "ContentItemId", "ApprovedProvincialShare" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_PublicOrder",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Running",
                table: "Proposals");
        }
    }
}
