using Microsoft.EntityFrameworkCore.Migrations;

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The raw SQL of migration Issue21LedgerAfterChange (ADR 0226), kept apart from the generated model part: the triggers
    /// that write the log of changes to the proposals, the catalog and the lead units (<c>BalanceInputChanges</c>), as on
    /// SQLite.
    /// Before writing the log each trigger takes the data version's row lock (held to the commit), so the log's ids are
    /// handed out in commit order, as the ledger's are (ADR 0104): a reader that has seen an id has seen every smaller one.
    /// Declared to EF Core by <c>HasTrigger</c> (no bare OUTPUT clause on these tables).
    /// </summary>
    public static class Issue21LedgerAfterChangeSql
    {
        public static void Up(MigrationBuilder b)
        {
            b.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Proposals_BalanceInputs] ON [Proposals] AFTER INSERT, UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                    UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
                    INSERT INTO [BalanceInputChanges] ([ProposalId])
                    SELECT i.[Id] FROM inserted AS i LEFT JOIN deleted AS d ON d.[Id] = i.[Id]
                    WHERE d.[Id] IS NULL OR EXISTS (
                        SELECT i.[Code], i.[Title], i.[SearchText], i.[ProgramId], i.[ContentItemId], i.[LeadOrganizationId], i.[StartYear], i.[EndYear],
                               i.[Status], i.[StatusChangedAt], i.[IsSample], i.[RequestedTotalCost], i.[RequestedProvincialShare], i.[ApprovedTotalCost],
                               i.[ApprovedProvincialShare], i.[SettledTotalCost], i.[SettledProvincialShare], i.[ConcurrencyStamp]
                        EXCEPT
                        SELECT d.[Code], d.[Title], d.[SearchText], d.[ProgramId], d.[ContentItemId], d.[LeadOrganizationId], d.[StartYear], d.[EndYear],
                               d.[Status], d.[StatusChangedAt], d.[IsSample], d.[RequestedTotalCost], d.[RequestedProvincialShare], d.[ApprovedTotalCost],
                               d.[ApprovedProvincialShare], d.[SettledTotalCost], d.[SettledProvincialShare], d.[ConcurrencyStamp])
                    UNION
                    SELECT d.[Id] FROM deleted AS d WHERE NOT EXISTS (SELECT 1 FROM inserted AS i WHERE i.[Id] = d.[Id]);
                END')
                """);
            foreach (var (table, marker) in new[] { ("Programs", "NULL"), ("ContentGroups", "NULL"), ("ContentItems", "NULL"), ("Organizations", "0") })
            {
                b.Sql($"""
                    EXEC(N'CREATE TRIGGER [TR_{table}_BalanceInputs] ON [{table}] AFTER INSERT, UPDATE, DELETE AS
                    BEGIN
                        SET NOCOUNT ON;
                        IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                        UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
                        INSERT INTO [BalanceInputChanges] ([ProposalId]) VALUES ({marker});
                    END')
                    """);
            }
        }

        public static void Down(MigrationBuilder b)
        {
            foreach (var table in new[] { "Proposals", "Programs", "ContentGroups", "ContentItems", "Organizations" })
            {
                b.Sql($"DROP TRIGGER IF EXISTS [TR_{table}_BalanceInputs];");
            }
        }
    }
}
