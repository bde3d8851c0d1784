using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue21MoneyAsIntegers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite changes a column's type by rebuilding its table; EF Core emits those rebuilds after the operations
            // written here. Before them, each amount is rewritten as the text of its whole number
            // ('465252000.0' -> '465252000', exact at any size), which the rebuilt INTEGER column stores as an integer.
            foreach (var (table, column) in MoneyColumns.Where(c => c.Table is not ("DisbursementEntries" or "PlanRevisions")))
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = {WholeDong(column)} WHERE \"{column}\" IS NOT NULL;");
            }

            // The two append-only tables keep UPDATE and DELETE triggers (migration AppendOnlyRecords) that a rebuild would
            // drop and that refuse the rewrite above: they are rebuilt here, by hand, converting in the copy.
            RebuildAppendOnlyTables(migrationBuilder, toIntegers: true);

            migrationBuilder.AlterColumn<long>(
                name: "MaxUnitPrice",
                table: "UnitNorms",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "MaxPerEnterprisePerYear",
                table: "SupportRules",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "MaxPerEnterprisePerPeriod",
                table: "SupportRules",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "MaxAmountPerProposal",
                table: "SupportRules",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "SettledTotalCost",
                table: "Proposals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "SettledProvincialShare",
                table: "Proposals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RequestedTotalCost",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "RequestedProvincialShare",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "RecommendedTotalCost",
                table: "Proposals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RecommendedProvincialShare",
                table: "Proposals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ApprovedTotalCost",
                table: "Proposals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ApprovedProvincialShare",
                table: "Proposals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldNullable: true);




            migrationBuilder.AlterColumn<long>(
                name: "PlanAmount",
                table: "ContentItems",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "TotalCost",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "RequestedSupport",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "Counterpart",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "UnitPrice",
                table: "ApplicationCostLines",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "Amount",
                table: "ApplicationCostLines",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);

            migrationBuilder.AlterColumn<long>(
                name: "Amount",
                table: "AnnualEstimateLines",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18);
        

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RebuildAppendOnlyTables(migrationBuilder, toIntegers: false);

            migrationBuilder.AlterColumn<decimal>(
                name: "MaxUnitPrice",
                table: "UnitNorms",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "MaxPerEnterprisePerYear",
                table: "SupportRules",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "MaxPerEnterprisePerPeriod",
                table: "SupportRules",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "MaxAmountPerProposal",
                table: "SupportRules",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "SettledTotalCost",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "SettledProvincialShare",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "RequestedTotalCost",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "RequestedProvincialShare",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "RecommendedTotalCost",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "RecommendedProvincialShare",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "ApprovedTotalCost",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "ApprovedProvincialShare",
                table: "Proposals",
                type: "TEXT",
                precision: 18,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);




            migrationBuilder.AlterColumn<decimal>(
                name: "PlanAmount",
                table: "ContentItems",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "TotalCost",
                table: "Applications",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "RequestedSupport",
                table: "Applications",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "Counterpart",
                table: "Applications",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "UnitPrice",
                table: "ApplicationCostLines",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "Amount",
                table: "ApplicationCostLines",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "Amount",
                table: "AnnualEstimateLines",
                type: "TEXT",
                precision: 18,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");


        }

        /// <summary>The money columns this migration converts (whole đồng, ADR 0102).</summary>
        internal static readonly (string Table, string Column)[] MoneyColumns =
        [
            ("UnitNorms", "MaxUnitPrice"),
            ("SupportRules", "MaxPerEnterprisePerYear"),
            ("SupportRules", "MaxPerEnterprisePerPeriod"),
            ("SupportRules", "MaxAmountPerProposal"),
            ("Proposals", "SettledTotalCost"),
            ("Proposals", "SettledProvincialShare"),
            ("Proposals", "RequestedTotalCost"),
            ("Proposals", "RequestedProvincialShare"),
            ("Proposals", "RecommendedTotalCost"),
            ("Proposals", "RecommendedProvincialShare"),
            ("Proposals", "ApprovedTotalCost"),
            ("Proposals", "ApprovedProvincialShare"),
            ("PlanRevisions", "OldAmount"),
            ("PlanRevisions", "NewAmount"),
            ("DisbursementEntries", "Amount"),
            ("ContentItems", "PlanAmount"),
            ("Applications", "TotalCost"),
            ("Applications", "RequestedSupport"),
            ("Applications", "Counterpart"),
            ("ApplicationCostLines", "UnitPrice"),
            ("ApplicationCostLines", "Amount"),
            ("AnnualEstimateLines", "Amount"),
        ];

        /// <summary>
        /// The SQL of the whole number of a decimal stored as text by EF Core ('465252000.0'), rounded half away from zero
        /// as SQL Server's decimal(18,0) does; exact for every 64-bit value (no detour through a floating-point number).
        /// </summary>
        private static string WholeDong(string column) =>
            $"CAST(\"{column}\" AS INTEGER) + CASE WHEN instr(\"{column}\", '.') > 0 AND substr(\"{column}\", instr(\"{column}\", '.') + 1, 1) BETWEEN '5' AND '9' " +
            $"THEN CASE WHEN \"{column}\" LIKE '-%' THEN -1 ELSE 1 END ELSE 0 END";

        /// <remarks>
        /// The column lists below are those of the model when this migration was written: a migration that runs before this
        /// one and changes DisbursementEntries or PlanRevisions (a column, an index) must be reflected here, or the
        /// rebuild would drop it (MoneyStorageTests.The_tables_rebuilt_by_hand_keep_every_column_and_index_of_the_model fails).
        /// </remarks>
        private static void RebuildAppendOnlyTables(MigrationBuilder migrationBuilder, bool toIntegers)
        {
            var money = toIntegers ? "INTEGER" : "TEXT";
            string Copy(string column) => toIntegers ? WholeDong(column) : $"printf('%d.0', \"{column}\")";

            // As EF Core's own rebuilds do: foreign keys off outside the transaction, so dropping the old table (whose
            // reversals refer to the entries they reverse, ON DELETE RESTRICT) deletes nothing it should keep.
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_DisbursementEntries" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_DisbursementEntries" PRIMARY KEY AUTOINCREMENT,
                    "ProposalId" INTEGER NOT NULL,
                    "EntryDate" TEXT NOT NULL,
                    "Amount" {money} NOT NULL,
                    "Source" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "VoucherNumber" TEXT NOT NULL,
                    "Note" TEXT NULL,
                    "ReversesEntryId" INTEGER NULL,
                    "RecordedBy" TEXT NOT NULL,
                    "RecordedAt" TEXT NOT NULL,
                    "IsSample" INTEGER NOT NULL,
                    CONSTRAINT "FK_DisbursementEntries_DisbursementEntries_ReversesEntryId" FOREIGN KEY ("ReversesEntryId") REFERENCES "DisbursementEntries" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_DisbursementEntries_Proposals_ProposalId" FOREIGN KEY ("ProposalId") REFERENCES "Proposals" ("Id") ON DELETE RESTRICT
                );
                INSERT INTO "ef_temp_DisbursementEntries" ("Id", "ProposalId", "EntryDate", "Amount", "Source", "Kind", "VoucherNumber", "Note", "ReversesEntryId", "RecordedBy", "RecordedAt", "IsSample")
                SELECT "Id", "ProposalId", "EntryDate", {Copy("Amount")}, "Source", "Kind", "VoucherNumber", "Note", "ReversesEntryId", "RecordedBy", "RecordedAt", "IsSample"
                FROM "DisbursementEntries";
                DROP TABLE "DisbursementEntries";
                ALTER TABLE "ef_temp_DisbursementEntries" RENAME TO "DisbursementEntries";
                CREATE INDEX "IX_DisbursementEntries_EntryDate" ON "DisbursementEntries" ("EntryDate");
                CREATE UNIQUE INDEX "IX_DisbursementEntries_ReversesEntryId" ON "DisbursementEntries" ("ReversesEntryId") WHERE [ReversesEntryId] IS NOT NULL;
                CREATE INDEX "IX_DisbursementEntries_ProposalId_Source_Amount" ON "DisbursementEntries" ("ProposalId", "Source", "Amount");
                CREATE INDEX "IX_DisbursementEntries_Source_EntryDate_ProposalId_Amount" ON "DisbursementEntries" ("Source", "EntryDate", "ProposalId", "Amount");
                CREATE TABLE "ef_temp_PlanRevisions" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanRevisions" PRIMARY KEY AUTOINCREMENT,
                    "ContentItemId" INTEGER NOT NULL,
                    "OldAmount" {money} NOT NULL,
                    "NewAmount" {money} NOT NULL,
                    "DecisionReference" TEXT NULL,
                    "Reason" TEXT NULL,
                    "ChangedBy" TEXT NOT NULL,
                    "ChangedAt" TEXT NOT NULL,
                    CONSTRAINT "FK_PlanRevisions_ContentItems_ContentItemId" FOREIGN KEY ("ContentItemId") REFERENCES "ContentItems" ("Id") ON DELETE RESTRICT
                );
                INSERT INTO "ef_temp_PlanRevisions" ("Id", "ContentItemId", "OldAmount", "NewAmount", "DecisionReference", "Reason", "ChangedBy", "ChangedAt")
                SELECT "Id", "ContentItemId", {Copy("OldAmount")}, {Copy("NewAmount")}, "DecisionReference", "Reason", "ChangedBy", "ChangedAt"
                FROM "PlanRevisions";
                DROP TABLE "PlanRevisions";
                ALTER TABLE "ef_temp_PlanRevisions" RENAME TO "PlanRevisions";
                CREATE INDEX "IX_PlanRevisions_ContentItemId_ChangedAt" ON "PlanRevisions" ("ContentItemId", "ChangedAt");
                """);
            foreach (var table in new[] { "DisbursementEntries", "PlanRevisions" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"TR_{table}_NoUpdate\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"TR_{table}_NoDelete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
            }

            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }
    }
}
