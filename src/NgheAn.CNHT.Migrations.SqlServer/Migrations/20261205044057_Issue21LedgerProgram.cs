using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Adds the program to every ledger entry (ADR 0103), filled from the entry's proposal, with the index the ledger page
    /// reads a program's entries newest first from.
    /// </summary>
    /// <remarks>
    /// DisbursementEntries is append-only: TR_DisbursementEntries_AppendOnly (migration AppendOnlyRecords) answers every
    /// UPDATE with an error. The one UPDATE that fills the new column runs with that trigger disabled and enables it
    /// again right after, inside the migration's transaction: a failure rolls both back, so the table is never left
    /// writable. Nothing in an existing row changes but the new column.
    /// </remarks>
    public partial class Issue21LedgerProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProgramId",
                table: "DisbursementEntries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // A new column is filled by the statements after it only in a new batch (EXEC gives one, also in the idempotent script).
            migrationBuilder.Sql("DISABLE TRIGGER [TR_DisbursementEntries_AppendOnly] ON [DisbursementEntries];");
            migrationBuilder.Sql("EXEC(N'UPDATE [d] SET [ProgramId] = [p].[ProgramId] FROM [DisbursementEntries] AS [d] INNER JOIN [Proposals] AS [p] ON [p].[Id] = [d].[ProposalId]')");
            migrationBuilder.Sql("ENABLE TRIGGER [TR_DisbursementEntries_AppendOnly] ON [DisbursementEntries];");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementEntries_ProgramId_EntryDate_Id",
                table: "DisbursementEntries",
                columns: new[] { "ProgramId", "EntryDate", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_DisbursementEntries_Programs_ProgramId",
                table: "DisbursementEntries",
                column: "ProgramId",
                principalTable: "Programs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DisbursementEntries_Programs_ProgramId",
                table: "DisbursementEntries");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementEntries_ProgramId_EntryDate_Id",
                table: "DisbursementEntries");

            migrationBuilder.DropColumn(
                name: "ProgramId",
                table: "DisbursementEntries");
        }
    }
}
