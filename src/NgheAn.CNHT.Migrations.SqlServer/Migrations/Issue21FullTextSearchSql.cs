using Microsoft.EntityFrameworkCore.Migrations;

namespace NgheAn.CNHT.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The raw SQL of migration Issue21FullTextSearch (ADR 0106), kept apart from the generated model part so the
    /// migration can be regenerated without losing it. SQL Server's full-text search is an optional feature the
    /// compose stack's image does not install, so the register's index is a plain table of words: every word of the
    /// folded code, title, lead-unit name and tax code (whole, and cut at - . / , ; : ( ) _ the way SQLite's
    /// tokenizer cuts), keyed (Word, ProposalId) so a prefix (LIKE 'th-2024%', LIKE '2901%') is an index seek.
    /// Triggers keep it in step in the same statement as every write (the EF model declares them with HasTrigger,
    /// so SaveChanges does not use a bare OUTPUT clause); existing rows are filled here.
    /// CREATE FUNCTION and CREATE TRIGGER must open a batch: EXEC gives them one, also inside the idempotent script.
    /// </summary>
    public static class Issue21FullTextSearchSql
    {
        public static void Up(MigrationBuilder b)
        {
            b.Sql("""
                CREATE TABLE [ProposalSearchWords] (
                    [Word] nvarchar(100) NOT NULL,
                    [ProposalId] int NOT NULL,
                    CONSTRAINT [PK_ProposalSearchWords] PRIMARY KEY ([Word], [ProposalId]),
                    CONSTRAINT [FK_ProposalSearchWords_Proposals_ProposalId] FOREIGN KEY ([ProposalId]) REFERENCES [Proposals] ([Id]) ON DELETE CASCADE
                );
                """);
            b.Sql("CREATE INDEX [IX_ProposalSearchWords_ProposalId] ON [ProposalSearchWords] ([ProposalId]);");
            b.Sql("""
                EXEC(N'CREATE FUNCTION [dbo].[SearchWords] (@text nvarchar(1100)) RETURNS TABLE AS RETURN
                    SELECT DISTINCT LEFT(w.[value], 100) AS [Word]
                    FROM (
                        SELECT [value] FROM STRING_SPLIT(@text, N'' '')
                        UNION ALL
                        SELECT [value] FROM STRING_SPLIT(TRANSLATE(@text, N''-./,;:()_'', N''         ''), N'' '')
                    ) AS w
                    WHERE w.[value] <> N''''')
                """);
            b.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Proposals_SearchWords] ON [Proposals] AFTER INSERT, UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT (UPDATE([SearchText]) OR UPDATE([LeadOrganizationId])) RETURN;
                    DELETE w FROM [ProposalSearchWords] AS w INNER JOIN deleted AS d ON d.[Id] = w.[ProposalId];
                    INSERT INTO [ProposalSearchWords] ([Word], [ProposalId])
                    SELECT s.[Word], i.[Id]
                    FROM inserted AS i
                    LEFT JOIN [Organizations] AS o ON o.[Id] = i.[LeadOrganizationId]
                    CROSS APPLY [dbo].[SearchWords](i.[SearchText] + N'' '' + COALESCE(o.[SearchText], N'''')) AS s;
                END')
                """);
            b.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Organizations_SearchWords] ON [Organizations] AFTER UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT UPDATE([SearchText]) RETURN;
                    DELETE w FROM [ProposalSearchWords] AS w
                    INNER JOIN [Proposals] AS p ON p.[Id] = w.[ProposalId]
                    INNER JOIN inserted AS i ON i.[Id] = p.[LeadOrganizationId];
                    INSERT INTO [ProposalSearchWords] ([Word], [ProposalId])
                    SELECT s.[Word], p.[Id]
                    FROM inserted AS i
                    INNER JOIN [Proposals] AS p ON p.[LeadOrganizationId] = i.[Id]
                    CROSS APPLY [dbo].[SearchWords](p.[SearchText] + N'' '' + i.[SearchText]) AS s;
                END')
                """);
            // Through EXEC too: in the idempotent script this batch is compiled before the function exists.
            b.Sql("""
                EXEC(N'INSERT INTO [ProposalSearchWords] ([Word], [ProposalId])
                SELECT s.[Word], p.[Id]
                FROM [Proposals] AS p
                LEFT JOIN [Organizations] AS o ON o.[Id] = p.[LeadOrganizationId]
                CROSS APPLY [dbo].[SearchWords](p.[SearchText] + N'' '' + COALESCE(o.[SearchText], N'''')) AS s')
                """);
        }

        public static void Down(MigrationBuilder b)
        {
            b.Sql("DROP TRIGGER IF EXISTS [TR_Organizations_SearchWords];");
            b.Sql("DROP TRIGGER IF EXISTS [TR_Proposals_SearchWords];");
            b.Sql("DROP TABLE IF EXISTS [ProposalSearchWords];");
            b.Sql("DROP FUNCTION IF EXISTS [dbo].[SearchWords];");
        }
    }
}
