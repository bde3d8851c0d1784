using Microsoft.EntityFrameworkCore.Migrations;

namespace NgheAn.CNHT.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The raw SQL of migration Issue21LedgerAfterChange (ADR 0226), kept apart from the generated model part so the
    /// migration can be regenerated without losing it: the triggers that write the log of changes to the ledger page's
    /// balance totals' inputs (<c>BalanceInputChanges</c>) in the same statement as every write, whatever wrote it.
    /// A proposal's id when it is added, deleted, or its status, program, item or approved or settled figures are written,
    /// while it is (or was) in a status that carries a ledger; null when a program, a group or an item is added, deleted or
    /// moved (the filters' catalog: the kept totals are then built again).
    /// A later migration that rebuilds Proposals, Programs, ContentGroups or ContentItems on SQLite drops their triggers with
    /// the old table: it must call <see cref="CreateTriggers"/> again (BalanceTotalsAfterChangeTests fails if it does not).
    /// </summary>
    public static class Issue21LedgerAfterChangeSql
    {
        private const string WithLedger = "('Approved', 'Implementing', 'Accepted', 'Settled')";

        public static void Up(MigrationBuilder b) => CreateTriggers(b);

        /// <summary>The triggers (also after a table rebuild).</summary>
        public static void CreateTriggers(MigrationBuilder b)
        {
            b.Sql($"""
                CREATE TRIGGER "TR_Proposals_BalanceInputs_Insert" AFTER INSERT ON "Proposals"
                WHEN new."Status" IN {WithLedger} BEGIN
                  INSERT INTO "BalanceInputChanges" ("ProposalId") VALUES (new."Id");
                END;
                """);
            b.Sql($"""
                CREATE TRIGGER "TR_Proposals_BalanceInputs_Update"
                AFTER UPDATE OF "Status", "ProgramId", "ContentItemId", "ApprovedTotalCost", "ApprovedProvincialShare", "SettledTotalCost", "SettledProvincialShare" ON "Proposals"
                WHEN old."Status" IN {WithLedger} OR new."Status" IN {WithLedger} BEGIN
                  INSERT INTO "BalanceInputChanges" ("ProposalId") VALUES (new."Id");
                END;
                """);
            b.Sql($"""
                CREATE TRIGGER "TR_Proposals_BalanceInputs_Delete" AFTER DELETE ON "Proposals"
                WHEN old."Status" IN {WithLedger} BEGIN
                  INSERT INTO "BalanceInputChanges" ("ProposalId") VALUES (old."Id");
                END;
                """);
            foreach (var (table, columns) in new[] { ("Programs", "\"Code\""), ("ContentGroups", "\"Code\", \"ProgramId\""), ("ContentItems", "\"GroupId\"") })
            {
                foreach (var (name, when) in new[] { ("Insert", "AFTER INSERT"), ("Update", $"AFTER UPDATE OF {columns}"), ("Delete", "AFTER DELETE") })
                {
                    b.Sql($"""
                        CREATE TRIGGER "TR_{table}_BalanceInputs_{name}" {when} ON "{table}" BEGIN
                          INSERT INTO "BalanceInputChanges" ("ProposalId") VALUES (NULL);
                        END;
                        """);
                }
            }
        }

        public static void Down(MigrationBuilder b)
        {
            foreach (var table in new[] { "Proposals", "Programs", "ContentGroups", "ContentItems" })
            {
                foreach (var name in new[] { "Insert", "Update", "Delete" })
                {
                    b.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_BalanceInputs_{name}\";");
                }
            }
        }
    }
}
