using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence;

/// <summary>
/// Rule-check flags, an application's history and the revocations of issued documents are append-only in the database
/// itself, as the ledger is (migration AppendOnlyLaterRecords, ADR 0211): on SQLite proven on a migrated file, on SQL
/// Server (no server here) by the triggers in the committed script.
/// </summary>
public sealed class AppendOnlyLaterRecordsTests
{
    private static readonly string[] Tables = ["ProposalRuleFlags", "ApplicationEvents", "IssuedReportRevocations"];

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_flag_an_application_event_or_a_revocation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnht-append-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = MigrationsTests.SqliteContext($"Data Source={path}"))
            {
                await db.Database.MigrateAsync();
            }

            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            // One row in each table; the rows' owners do not matter to the triggers, so references are not enforced here.
            await ExecuteAsync(connection, """
                PRAGMA foreign_keys = OFF;
                INSERT INTO "ProposalRuleFlags" ("ProposalId", "Kind", "Violations", "Reason", "RecordedBy", "RecordedByUser", "RecordedAt", "CreatedAt", "CreatedBy")
                VALUES (1, 'Override', '[]', 'Lý do', 'Lãnh đạo', 'lanhdao@cnht.demo', '2026-12-05', '2026-12-05', 'lanhdao@cnht.demo');
                INSERT INTO "ApplicationEvents" ("ApplicationId", "Action", "ToStatus", "UserName", "UserDisplayName", "At")
                VALUES (1, 'Submitted', 'Submitted', 'dn@cnht.demo', 'Doanh nghiệp', '2026-12-05');
                INSERT INTO "IssuedReportRevocations" ("IssuedReportId", "Reason", "RevokedBy", "RevokedAt")
                VALUES (1, 'Ban hành nhầm', 'lanhdao@cnht.demo', '2026-12-05');
                """);

            foreach (var table in Tables)
            {
                var update = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, $"UPDATE \"{table}\" SET \"Id\" = \"Id\";"));
                Assert.Contains($"{table} is append-only", update.Message);
                var delete = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, $"DELETE FROM \"{table}\";"));
                Assert.Contains($"{table} is append-only", delete.Message);
                Assert.Equal(1L, await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\";"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void The_sql_server_script_creates_an_after_trigger_that_throws_for_each_table()
    {
        var script = File.ReadAllText(RepositoryFiles.PathOf(SqlServerScriptTests.ScriptPath));
        foreach (var table in Tables)
        {
            var create = $"CREATE TRIGGER [TR_{table}_AppendOnly] ON [{table}] AFTER UPDATE, DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 50001, N''{table} is append-only'', 1; END";
            Assert.Contains(create, script);
            // The statement inside EXEC(N'...') parses as T-SQL on its own.
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(create.Replace("''", "'"));
            parser.Parse(reader, out var errors);
            Assert.Empty(errors);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
