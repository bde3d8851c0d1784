using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Adds the program to every ledger entry (ADR 0103), filled from the entry's proposal, with the index the ledger page
    /// reads a program's entries newest first from.
    /// </summary>
    /// <remarks>
    /// DisbursementEntries is append-only: its triggers (TR_DisbursementEntries_NoUpdate/NoDelete) refuse the UPDATE that
    /// would fill a new column, and EF Core's own rebuild for the foreign key would drop them silently. So the table is
    /// rebuilt here by hand, as Issue21MoneyAsIntegers did: the copy takes each entry's program from its proposal in the
    /// same statement, nothing in an existing row changes but the new column, and the triggers are created again. The
    /// column list is the model's when this migration was written (MoneyStorageTests checks the rebuilt table against it).
    /// </remarks>
    public partial class Issue21LedgerProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, withProgram: true);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, withProgram: false);

        private static void Rebuild(MigrationBuilder migrationBuilder, bool withProgram)
        {
            var programColumn = withProgram ? "\"ProgramId\" INTEGER NOT NULL," : "";
            var programForeignKey = withProgram
                ? ",\n    CONSTRAINT \"FK_DisbursementEntries_Programs_ProgramId\" FOREIGN KEY (\"ProgramId\") REFERENCES \"Programs\" (\"Id\") ON DELETE RESTRICT"
                : "";
            var insertProgram = withProgram ? ", \"ProgramId\"" : "";
            var selectProgram = withProgram ? ", \"p\".\"ProgramId\"" : "";
            var programIndex = withProgram
                ? "CREATE INDEX \"IX_DisbursementEntries_ProgramId_EntryDate_Id\" ON \"DisbursementEntries\" (\"ProgramId\", \"EntryDate\", \"Id\");"
                : "";

            // An entry without its proposal (impossible with the foreign key) would stop the copy on the NOT NULL program
            // rather than be dropped (LEFT JOIN).
            // As EF Core's own rebuilds do: foreign keys off outside the transaction, so dropping the old table (whose
            // reversals refer to the entries they reverse, ON DELETE RESTRICT) deletes nothing it should keep.
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_DisbursementEntries" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_DisbursementEntries" PRIMARY KEY AUTOINCREMENT,
                    "ProposalId" INTEGER NOT NULL,
                    {programColumn}
                    "EntryDate" TEXT NOT NULL,
                    "Amount" INTEGER NOT NULL,
                    "Source" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "VoucherNumber" TEXT NOT NULL,
                    "Note" TEXT NULL,
                    "ReversesEntryId" INTEGER NULL,
                    "RecordedBy" TEXT NOT NULL,
                    "RecordedAt" TEXT NOT NULL,
                    "IsSample" INTEGER NOT NULL,
                    CONSTRAINT "FK_DisbursementEntries_DisbursementEntries_ReversesEntryId" FOREIGN KEY ("ReversesEntryId") REFERENCES "DisbursementEntries" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_DisbursementEntries_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE RESTRICT{programForeignKey}
                );
                INSERT INTO "ef_temp_DisbursementEntries" ("Id", "ProposalId"{insertProgram}, "EntryDate", "Amount", "Source", "Kind", "VoucherNumber", "Note", "ReversesEntryId", "RecordedBy", "RecordedAt", "IsSample")
                SELECT "d"."Id", "d"."ProposalId"{selectProgram}, "d"."EntryDate", "d"."Amount", "d"."Source", "d"."Kind", "d"."VoucherNumber", "d"."Note", "d"."ReversesEntryId", "d"."RecordedBy", "d"."RecordedAt", "d"."IsSample"
                FROM "DisbursementEntries" AS "d"
                LEFT JOIN "Proposals" AS "p" ON "p"."Id" = "d"."ProposalId"
                ORDER BY "d"."Id";
                DROP TABLE "DisbursementEntries";
                ALTER TABLE "ef_temp_DisbursementEntries" RENAME TO "DisbursementEntries";
                CREATE INDEX "IX_DisbursementEntries_EntryDate" ON "DisbursementEntries" ("EntryDate");
                CREATE UNIQUE INDEX "IX_DisbursementEntries_ReversesEntryId" ON "DisbursementEntries" ("ReversesEntryId") WHERE [ReversesEntryId] IS NOT NULL;
                CREATE INDEX "IX_DisbursementEntries_ProposalId_Source_Amount" ON "DisbursementEntries" ("ProposalId", "Source", "Amount");
                CREATE INDEX "IX_DisbursementEntries_Source_EntryDate_ProposalId_Amount" ON "DisbursementEntries" ("Source", "EntryDate", "ProposalId", "Amount");
                {programIndex}
                """);
            migrationBuilder.Sql("CREATE TRIGGER \"TR_DisbursementEntries_NoUpdate\" BEFORE UPDATE ON \"DisbursementEntries\" BEGIN SELECT RAISE(ABORT, 'DisbursementEntries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TR_DisbursementEntries_NoDelete\" BEFORE DELETE ON \"DisbursementEntries\" BEGIN SELECT RAISE(ABORT, 'DisbursementEntries is append-only'); END;");
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }
    }
}
