using Microsoft.EntityFrameworkCore.Migrations;

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The raw SQL of migration Issue21LedgerAfterChange (ADR 0226), kept apart from the generated model part: the triggers
    /// that write the log of changes to the ledger page's balance totals' inputs (<c>BalanceInputChanges</c>), as on SQLite.
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
                    IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
                       AND NOT (UPDATE([Status]) OR UPDATE([ProgramId]) OR UPDATE([ContentItemId]) OR UPDATE([ApprovedTotalCost])
                                OR UPDATE([ApprovedProvincialShare]) OR UPDATE([SettledTotalCost]) OR UPDATE([SettledProvincialShare])) RETURN;
                    IF NOT EXISTS (SELECT 1 FROM inserted WHERE [Status] IN (N''Approved'', N''Implementing'', N''Accepted'', N''Settled''))
                       AND NOT EXISTS (SELECT 1 FROM deleted WHERE [Status] IN (N''Approved'', N''Implementing'', N''Accepted'', N''Settled'')) RETURN;
                    UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
                    INSERT INTO [BalanceInputChanges] ([ProposalId])
                    SELECT [Id] FROM inserted WHERE [Status] IN (N''Approved'', N''Implementing'', N''Accepted'', N''Settled'')
                    UNION
                    SELECT [Id] FROM deleted WHERE [Status] IN (N''Approved'', N''Implementing'', N''Accepted'', N''Settled'');
                END')
                """);
            foreach (var (table, columns) in new[] { ("Programs", "UPDATE([Code])"), ("ContentGroups", "UPDATE([Code]) OR UPDATE([ProgramId])"), ("ContentItems", "UPDATE([GroupId])") })
            {
                b.Sql($"""
                    EXEC(N'CREATE TRIGGER [TR_{table}_BalanceInputs] ON [{table}] AFTER INSERT, UPDATE, DELETE AS
                    BEGIN
                        SET NOCOUNT ON;
                        IF NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted) AND NOT ({columns}) RETURN;
                        UPDATE [DataVersions] SET [Version] = [Version] WHERE [Id] = 1;
                        INSERT INTO [BalanceInputChanges] ([ProposalId]) VALUES (NULL);
                    END')
                    """);
            }
        }

        public static void Down(MigrationBuilder b)
        {
            foreach (var table in new[] { "Proposals", "Programs", "ContentGroups", "ContentItems" })
            {
                b.Sql($"DROP TRIGGER IF EXISTS [TR_{table}_BalanceInputs];");
            }
        }
    }
}
