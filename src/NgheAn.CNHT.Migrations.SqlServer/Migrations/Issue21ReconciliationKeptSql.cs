using Microsoft.EntityFrameworkCore.Migrations;

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The raw SQL of migration Issue21ReconciliationKept (ADR 0220) on SQL Server: the kept per-proposal ledger figures
    /// filled from the ledger as it stands, then kept by AFTER triggers in the same statement as every write (the SQLite
    /// migration's comment says what each step keeps). A statement may insert many entries: they are grouped per proposal;
    /// a proposal that got a reversal has its live figures read again from its entries. CREATE TRIGGER must open a batch:
    /// EXEC gives it one, also inside the idempotent script.
    /// </summary>
    public static class Issue21ReconciliationKeptSql
    {
        private const string Share = "COALESCE(p.[SettledProvincialShare], p.[ApprovedProvincialShare], 0)";
        private const string Total = "COALESCE(p.[SettledTotalCost], p.[ApprovedTotalCost], 0)";

        public static void Up(MigrationBuilder b)
        {
            b.Sql($"""
                INSERT INTO [ProposalLedgerFigures] ([ProposalId], [ProgramId], [Status], [ProvincialCeiling], [OtherCeiling],
                    [ProvincialCount], [Provincial], [OtherCount], [Other], [LastAdvanceDate], [Advanced], [LastFinalDate])
                SELECT p.[Id], p.[ProgramId], p.[Status], {Share}, {Total} - {Share},
                       s.[ProvincialCount], s.[Provincial], s.[OtherCount], s.[Other], l.[LastAdvanceDate], COALESCE(l.[Advanced], 0), l.[LastFinalDate]
                FROM (
                    SELECT [ProposalId],
                           SUM(CASE WHEN [Source] = N'ProvincialBudget' THEN 1 ELSE 0 END) AS [ProvincialCount],
                           SUM(CASE WHEN [Source] = N'ProvincialBudget' THEN [Amount] ELSE 0 END) AS [Provincial],
                           SUM(CASE WHEN [Source] <> N'ProvincialBudget' THEN 1 ELSE 0 END) AS [OtherCount],
                           SUM(CASE WHEN [Source] <> N'ProvincialBudget' THEN [Amount] ELSE 0 END) AS [Other]
                    FROM [DisbursementEntries] GROUP BY [ProposalId]) AS s
                INNER JOIN [Proposals] AS p ON p.[Id] = s.[ProposalId]
                OUTER APPLY (
                    SELECT MAX(CASE WHEN e.[Kind] = N'Advance' THEN e.[EntryDate] END) AS [LastAdvanceDate],
                           SUM(CASE WHEN e.[Kind] = N'Advance' THEN e.[Amount] END) AS [Advanced],
                           MAX(CASE WHEN e.[Kind] IN (N'Payment', N'SettlementAdjustment') THEN e.[EntryDate] END) AS [LastFinalDate]
                    FROM [DisbursementEntries] AS e
                    WHERE e.[ProposalId] = s.[ProposalId] AND e.[Kind] <> N'Reversal'
                      AND NOT EXISTS (SELECT 1 FROM [DisbursementEntries] AS r WHERE r.[ReversesEntryId] = e.[Id])) AS l;
                """);
            b.Sql($"""
                EXEC(N'CREATE TRIGGER [TR_DisbursementEntries_LedgerFigures] ON [DisbursementEntries] AFTER INSERT AS
                BEGIN
                    SET NOCOUNT ON;
                    INSERT INTO [ProposalLedgerFigures] ([ProposalId], [ProgramId], [Status], [ProvincialCeiling], [OtherCeiling],
                        [ProvincialCount], [Provincial], [OtherCount], [Other], [LastAdvanceDate], [Advanced], [LastFinalDate])
                    SELECT p.[Id], p.[ProgramId], p.[Status], {Share}, {Total} - {Share}, 0, 0, 0, 0, NULL, 0, NULL
                    FROM [Proposals] AS p
                    WHERE p.[Id] IN (SELECT [ProposalId] FROM inserted)
                      AND NOT EXISTS (SELECT 1 FROM [ProposalLedgerFigures] AS f WHERE f.[ProposalId] = p.[Id]);
                    UPDATE f SET
                        [ProvincialCount] = f.[ProvincialCount] + a.[ProvincialCount],
                        [Provincial] = f.[Provincial] + a.[Provincial],
                        [OtherCount] = f.[OtherCount] + a.[OtherCount],
                        [Other] = f.[Other] + a.[Other],
                        [LastAdvanceDate] = CASE WHEN a.[LastAdvanceDate] IS NOT NULL AND (f.[LastAdvanceDate] IS NULL OR a.[LastAdvanceDate] > f.[LastAdvanceDate])
                            THEN a.[LastAdvanceDate] ELSE f.[LastAdvanceDate] END,
                        [Advanced] = f.[Advanced] + a.[Advanced],
                        [LastFinalDate] = CASE WHEN a.[LastFinalDate] IS NOT NULL AND (f.[LastFinalDate] IS NULL OR a.[LastFinalDate] > f.[LastFinalDate])
                            THEN a.[LastFinalDate] ELSE f.[LastFinalDate] END
                    FROM [ProposalLedgerFigures] AS f
                    INNER JOIN (
                        SELECT [ProposalId],
                            SUM(CASE WHEN [Source] = N''ProvincialBudget'' THEN 1 ELSE 0 END) AS [ProvincialCount],
                            SUM(CASE WHEN [Source] = N''ProvincialBudget'' THEN [Amount] ELSE 0 END) AS [Provincial],
                            SUM(CASE WHEN [Source] <> N''ProvincialBudget'' THEN 1 ELSE 0 END) AS [OtherCount],
                            SUM(CASE WHEN [Source] <> N''ProvincialBudget'' THEN [Amount] ELSE 0 END) AS [Other],
                            MAX(CASE WHEN [Kind] = N''Advance'' THEN [EntryDate] END) AS [LastAdvanceDate],
                            SUM(CASE WHEN [Kind] = N''Advance'' THEN [Amount] ELSE 0 END) AS [Advanced],
                            MAX(CASE WHEN [Kind] IN (N''Payment'', N''SettlementAdjustment'') THEN [EntryDate] END) AS [LastFinalDate]
                        FROM inserted GROUP BY [ProposalId]) AS a ON a.[ProposalId] = f.[ProposalId];
                    UPDATE f SET [LastAdvanceDate] = l.[LastAdvanceDate], [Advanced] = COALESCE(l.[Advanced], 0), [LastFinalDate] = l.[LastFinalDate]
                    FROM [ProposalLedgerFigures] AS f
                    CROSS APPLY (
                        SELECT MAX(CASE WHEN e.[Kind] = N''Advance'' THEN e.[EntryDate] END) AS [LastAdvanceDate],
                               SUM(CASE WHEN e.[Kind] = N''Advance'' THEN e.[Amount] END) AS [Advanced],
                               MAX(CASE WHEN e.[Kind] IN (N''Payment'', N''SettlementAdjustment'') THEN e.[EntryDate] END) AS [LastFinalDate]
                        FROM [DisbursementEntries] AS e
                        WHERE e.[ProposalId] = f.[ProposalId] AND e.[Kind] <> N''Reversal''
                          AND NOT EXISTS (SELECT 1 FROM [DisbursementEntries] AS r WHERE r.[ReversesEntryId] = e.[Id])) AS l
                    WHERE f.[ProposalId] IN (SELECT [ProposalId] FROM inserted WHERE [ReversesEntryId] IS NOT NULL);
                END')
                """);
            b.Sql($"""
                EXEC(N'CREATE TRIGGER [TR_Proposals_LedgerFigures] ON [Proposals] AFTER UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT (UPDATE([Status]) OR UPDATE([ProgramId]) OR UPDATE([SettledProvincialShare]) OR UPDATE([ApprovedProvincialShare])
                        OR UPDATE([SettledTotalCost]) OR UPDATE([ApprovedTotalCost])) RETURN;
                    UPDATE f SET [Status] = p.[Status], [ProgramId] = p.[ProgramId],
                        [ProvincialCeiling] = {Share}, [OtherCeiling] = {Total} - {Share}
                    FROM [ProposalLedgerFigures] AS f
                    INNER JOIN inserted AS p ON p.[Id] = f.[ProposalId];
                END')
                """);
        }

        public static void Down(MigrationBuilder b)
        {
            b.Sql("DROP TRIGGER IF EXISTS [TR_DisbursementEntries_LedgerFigures];");
            b.Sql("DROP TRIGGER IF EXISTS [TR_Proposals_LedgerFigures];");
        }
    }
}
