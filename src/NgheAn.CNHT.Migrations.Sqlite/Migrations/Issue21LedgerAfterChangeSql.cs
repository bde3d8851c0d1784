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

        /// <summary>The proposal's columns whose change is logged (ADR 0226, 0227).</summary>
        internal static readonly string[] Watched =
        [
            "Code", "Title", "SearchText", "ProgramId", "ContentItemId", "LeadOrganizationId", "StartYear", "EndYear", "Status",
            "StatusChangedAt", "IsSample", "RequestedTotalCost", "RequestedProvincialShare", "ApprovedTotalCost",
            "ApprovedProvincialShare", "SettledTotalCost", "SettledProvincialShare", "ConcurrencyStamp",
        ];

        public static void Up(MigrationBuilder b) => CreateTriggers(b);

        /// <summary>The triggers (also after a table rebuild).</summary>
        public static void CreateTriggers(MigrationBuilder b)
        {
            // An update is logged when a column the ledger's totals, the register's rows, filters, totals or search read
            // changed value, or the concurrency stamp did (every edit through the application renews it): not for the
            // no-op update a posting takes the proposal's row lock with (LedgerService), so a posting stays ledger-only.
            var changed = string.Join(" OR ", Watched.Select(c => $"old.\"{c}\" IS NOT new.\"{c}\""));
            foreach (var (name, when, row) in new[] { ("Insert", "AFTER INSERT", "new"), ("Update", $"AFTER UPDATE ON \"Proposals\" WHEN {changed}", "new"), ("Delete", "AFTER DELETE", "old") })
            {
                var on = name == "Update" ? when : $"{when} ON \"Proposals\"";
                b.Sql($"""
                    CREATE TRIGGER "TR_Proposals_BalanceInputs_{name}" {on} BEGIN
                      INSERT INTO "BalanceInputChanges" ("ProposalId") VALUES ({row}."Id");
                    END;
                    """);
            }

            foreach (var (table, marker) in new[] { ("Programs", "NULL"), ("ContentGroups", "NULL"), ("ContentItems", "NULL"), ("Organizations", "0") })
            {
                foreach (var (name, when) in new[] { ("Insert", "AFTER INSERT"), ("Update", "AFTER UPDATE"), ("Delete", "AFTER DELETE") })
                {
                    b.Sql($"""
                        CREATE TRIGGER "TR_{table}_BalanceInputs_{name}" {when} ON "{table}" BEGIN
                          INSERT INTO "BalanceInputChanges" ("ProposalId") VALUES ({marker});
                        END;
                        """);
                }
            }
        }

        public static void Down(MigrationBuilder b)
        {
            foreach (var table in new[] { "Proposals", "Programs", "ContentGroups", "ContentItems", "Organizations" })
            {
                foreach (var name in new[] { "Insert", "Update", "Delete" })
                {
                    b.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_BalanceInputs_{name}\";");
                }
            }
        }
    }
}
