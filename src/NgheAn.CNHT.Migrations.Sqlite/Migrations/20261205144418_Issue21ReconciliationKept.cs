using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue21ReconciliationKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProposalLedgerFigures",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProvincialCeiling = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherCeiling = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvincialCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Provincial = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Other = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAdvanceDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Advanced = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFinalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverCeiling = table.Column<int>(type: "INTEGER", nullable: false, computedColumnSql: "CASE WHEN ([ProvincialCount] > 0 AND [Provincial] > [ProvincialCeiling]) OR ([OtherCount] > 0 AND [Other] > [OtherCeiling]) THEN 1 ELSE 0 END", stored: true),
                    OpenAdvance = table.Column<int>(type: "INTEGER", nullable: false, computedColumnSql: "CASE WHEN [Status] = 'Settled' AND [LastAdvanceDate] IS NOT NULL AND ([LastFinalDate] IS NULL OR [LastFinalDate] < [LastAdvanceDate]) THEN 1 ELSE 0 END", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalLedgerFigures", x => x.ProposalId);
                    table.ForeignKey(
                        name: "FK_ProposalLedgerFigures_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProgramId_EndYear",
                table: "Proposals",
                columns: new[] { "ProgramId", "EndYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProgramId_StartYear",
                table: "Proposals",
                columns: new[] { "ProgramId", "StartYear" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalLedgerFigures_ProgramId_OpenAdvance",
                table: "ProposalLedgerFigures",
                columns: new[] { "ProgramId", "OpenAdvance" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalLedgerFigures_ProgramId_OverCeiling",
                table: "ProposalLedgerFigures",
                columns: new[] { "ProgramId", "OverCeiling" });

            Issue21ReconciliationKeptSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Issue21ReconciliationKeptSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "ProposalLedgerFigures");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProgramId_EndYear",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProgramId_StartYear",
                table: "Proposals");
        }
    }
}
