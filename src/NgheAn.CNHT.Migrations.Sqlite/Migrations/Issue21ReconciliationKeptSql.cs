using Microsoft.EntityFrameworkCore.Migrations;

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The raw SQL of migration Issue21ReconciliationKept (ADR 0220), kept apart from the generated model part so the
    /// migration can be regenerated without losing it: the kept per-proposal ledger figures are filled from the ledger as it
    /// stands, then kept by triggers in the same statement as every write. An entry adds itself to its proposal's counts and
    /// sums and moves the live advance or final date forward; a reversal makes an earlier entry dead, so the live figures of
    /// its proposal are read again from that proposal's entries (a few rows, by IX_DisbursementEntries_ProposalId_…). A
    /// change of a proposal's status or figures is copied to its row. "Live" is what the open-advances check always meant:
    /// not a reversal and not reversed.
    /// A later migration that rebuilds Proposals or DisbursementEntries on SQLite drops their triggers with the old table: it
    /// must call <see cref="CreateTriggers"/> again (ReconciliationKeptTests fails if it does not).
    /// </summary>
    public static class Issue21ReconciliationKeptSql
    {
        private const string Share = "COALESCE(p.\"SettledProvincialShare\", p.\"ApprovedProvincialShare\", 0)";
        private const string Total = "COALESCE(p.\"SettledTotalCost\", p.\"ApprovedTotalCost\", 0)";

        /// <summary>
        /// The live advance and final figures of the proposals' entries (not reversals, not reversed); grouped by proposal for
        /// the fill, one aggregate row (never none: a proposal whose only advance was reversed gets nulls and 0) in a trigger.
        /// </summary>
        private const string Live = """
            SELECT e."ProposalId",
                   MAX(CASE WHEN e."Kind" = 'Advance' THEN e."EntryDate" END) AS "LastAdvanceDate",
                   COALESCE(SUM(CASE WHEN e."Kind" = 'Advance' THEN e."Amount" END), 0) AS "Advanced",
                   MAX(CASE WHEN e."Kind" IN ('Payment', 'SettlementAdjustment') THEN e."EntryDate" END) AS "LastFinalDate"
            FROM "DisbursementEntries" AS e
            WHERE e."Kind" <> 'Reversal' AND NOT EXISTS (SELECT 1 FROM "DisbursementEntries" AS r WHERE r."ReversesEntryId" = e."Id")
            """;

        public static void Up(MigrationBuilder b)
        {
            b.Sql($"""
                INSERT INTO "ProposalLedgerFigures" ("ProposalId", "ProgramId", "Status", "ProvincialCeiling", "OtherCeiling",
                    "ProvincialCount", "Provincial", "OtherCount", "Other", "LastAdvanceDate", "Advanced", "LastFinalDate")
                SELECT p."Id", p."ProgramId", p."Status", {Share}, {Total} - {Share},
                       s."ProvincialCount", s."Provincial", s."OtherCount", s."Other", l."LastAdvanceDate", COALESCE(l."Advanced", 0), l."LastFinalDate"
                FROM (
                    SELECT "ProposalId",
                           SUM("Source" = 'ProvincialBudget') AS "ProvincialCount",
                           SUM(CASE WHEN "Source" = 'ProvincialBudget' THEN "Amount" ELSE 0 END) AS "Provincial",
                           SUM("Source" <> 'ProvincialBudget') AS "OtherCount",
                           SUM(CASE WHEN "Source" <> 'ProvincialBudget' THEN "Amount" ELSE 0 END) AS "Other"
                    FROM "DisbursementEntries" GROUP BY "ProposalId") AS s
                INNER JOIN "Proposals" AS p ON p."Id" = s."ProposalId"
                LEFT JOIN ({Live} GROUP BY e."ProposalId") AS l ON l."ProposalId" = s."ProposalId";
                """);
            CreateTriggers(b);
        }

        /// <summary>The triggers that keep the figures (also after a table rebuild).</summary>
        public static void CreateTriggers(MigrationBuilder b)
        {
            b.Sql($"""
                CREATE TRIGGER "TR_DisbursementEntries_LedgerFigures" AFTER INSERT ON "DisbursementEntries" BEGIN
                  INSERT INTO "ProposalLedgerFigures" ("ProposalId", "ProgramId", "Status", "ProvincialCeiling", "OtherCeiling",
                      "ProvincialCount", "Provincial", "OtherCount", "Other", "LastAdvanceDate", "Advanced", "LastFinalDate")
                  SELECT p."Id", p."ProgramId", p."Status", {Share}, {Total} - {Share}, 0, 0, 0, 0, NULL, 0, NULL
                  FROM "Proposals" AS p WHERE p."Id" = new."ProposalId"
                  ON CONFLICT ("ProposalId") DO NOTHING;
                  UPDATE "ProposalLedgerFigures" SET
                    "ProvincialCount" = "ProvincialCount" + (new."Source" = 'ProvincialBudget'),
                    "Provincial" = "Provincial" + CASE WHEN new."Source" = 'ProvincialBudget' THEN new."Amount" ELSE 0 END,
                    "OtherCount" = "OtherCount" + (new."Source" <> 'ProvincialBudget'),
                    "Other" = "Other" + CASE WHEN new."Source" <> 'ProvincialBudget' THEN new."Amount" ELSE 0 END,
                    "LastAdvanceDate" = CASE WHEN new."Kind" = 'Advance' AND ("LastAdvanceDate" IS NULL OR new."EntryDate" > "LastAdvanceDate")
                      THEN new."EntryDate" ELSE "LastAdvanceDate" END,
                    "Advanced" = "Advanced" + CASE WHEN new."Kind" = 'Advance' THEN new."Amount" ELSE 0 END,
                    "LastFinalDate" = CASE WHEN new."Kind" IN ('Payment', 'SettlementAdjustment') AND ("LastFinalDate" IS NULL OR new."EntryDate" > "LastFinalDate")
                      THEN new."EntryDate" ELSE "LastFinalDate" END
                  WHERE "ProposalId" = new."ProposalId";
                  UPDATE "ProposalLedgerFigures" SET ("LastAdvanceDate", "Advanced", "LastFinalDate") = (
                      SELECT l."LastAdvanceDate", l."Advanced", l."LastFinalDate" FROM ({Live} AND e."ProposalId" = new."ProposalId") AS l)
                  WHERE new."ReversesEntryId" IS NOT NULL AND "ProposalId" = new."ProposalId";
                END;
                """);
            b.Sql($"""
                CREATE TRIGGER "TR_Proposals_LedgerFigures" AFTER UPDATE OF "Status", "ProgramId", "SettledProvincialShare", "ApprovedProvincialShare",
                    "SettledTotalCost", "ApprovedTotalCost" ON "Proposals" BEGIN
                  UPDATE "ProposalLedgerFigures" SET "Status" = new."Status", "ProgramId" = new."ProgramId",
                    "ProvincialCeiling" = {Share.Replace("p.", "new.", StringComparison.Ordinal)},
                    "OtherCeiling" = {Total.Replace("p.", "new.", StringComparison.Ordinal)} - {Share.Replace("p.", "new.", StringComparison.Ordinal)}
                  WHERE "ProposalId" = new."Id";
                END;
                """);
        }

        public static void Down(MigrationBuilder b)
        {
            b.Sql("DROP TRIGGER IF EXISTS \"TR_DisbursementEntries_LedgerFigures\";");
            b.Sql("DROP TRIGGER IF EXISTS \"TR_Proposals_LedgerFigures\";");
        }
    }
}
