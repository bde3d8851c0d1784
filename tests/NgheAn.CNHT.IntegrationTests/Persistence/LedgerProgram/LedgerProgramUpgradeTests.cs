using System.IO.Compression;
using Microsoft.Data.Sqlite;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence.LedgerProgram;

/// <summary>
/// Migration Issue21LedgerProgram on a database written by an earlier release (the MoneyAsIntegers fixture: demo data,
/// made by commit 56907e6), upgraded in place by the portal's start: every entry gets the program of its proposal, nothing
/// else in the ledger changes, and the ledger stays append-only (ADR 0103).
/// </summary>
public sealed class LedgerProgramUpgradeTests
{
    private static async Task<string> UnpackOldDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"ledger-program-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var source = new GZipStream(File.OpenRead(RepositoryFiles.PathOf("tests/NgheAn.CNHT.IntegrationTests/Persistence/MoneyAsIntegers/Fixture/demo-before.db.gz")), CompressionMode.Decompress);
        await using var target = File.Create(path);
        await source.CopyToAsync(target);
        return path;
    }

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>Every column an entry had before, amounts compared as whole numbers (the older release stored them as text).</summary>
    private const string Entries =
        "SELECT Id, ProposalId, EntryDate, CAST(Amount AS INTEGER), Source, Kind, VoucherNumber, Note, ReversesEntryId, RecordedBy, RecordedAt, IsSample FROM DisbursementEntries ORDER BY Id";

    [Fact]
    public async Task Every_entry_of_an_upgraded_database_gets_the_program_of_its_proposal_and_nothing_else_changes()
    {
        var path = await UnpackOldDatabaseAsync();
        var before = await RowsAsync($"Data Source={path};Pooling=False", Entries);
        Assert.True(before.Count > 20, "The fixture holds the demo ledger.");
        Assert.DoesNotContain("ProgramId", await RowsAsync($"Data Source={path};Pooling=False", "SELECT name FROM pragma_table_info('DisbursementEntries')"));

        using var portal = new CnhtFactory(seedDemoData: false, databasePath: path);
        _ = portal.Services; // starts the portal, which migrates the database
        var connection = portal.ConnectionString + ";Pooling=False";

        Assert.Equal(before, await RowsAsync(connection, Entries));
        Assert.Equal(["0"], await RowsAsync(connection,
            "SELECT count(*) FROM DisbursementEntries d JOIN Proposals p ON p.Id = d.ProposalId WHERE d.ProgramId IS NOT p.ProgramId"));
        // Every entry has a program (the fixture's ledger is all in 2018-2025).
        var perProgram = await RowsAsync(connection, "SELECT ProgramId, count(*) FROM DisbursementEntries GROUP BY ProgramId ORDER BY ProgramId");
        Assert.NotEmpty(perProgram);
        Assert.Contains("IX_DisbursementEntries_ProgramId_EntryDate_Id", await RowsAsync(connection, "SELECT name FROM pragma_index_list('DisbursementEntries')"));

        // The ledger is still append-only, its references hold, and the new index serves a program's newest entries.
        // (With the reconciliation's kept figures' trigger, ADR 0220.)
        Assert.Equal(["TR_DisbursementEntries_LedgerFigures", "TR_DisbursementEntries_NoDelete", "TR_DisbursementEntries_NoUpdate"],
            await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'DisbursementEntries' ORDER BY name"));
        var refused = await Assert.ThrowsAsync<SqliteException>(() => RowsAsync(connection, "UPDATE DisbursementEntries SET ProgramId = 1"));
        Assert.Contains("append-only", refused.Message);
        Assert.Empty(await RowsAsync(connection, "PRAGMA foreign_key_check"));
        Assert.Equal(["ok"], await RowsAsync(connection, "PRAGMA integrity_check"));
        var plan = string.Join(" ", await RowsAsync(connection,
            "EXPLAIN QUERY PLAN SELECT Id FROM DisbursementEntries WHERE ProgramId = 1 ORDER BY EntryDate DESC, Id DESC LIMIT 50"));
        Assert.Contains("IX_DisbursementEntries_ProgramId_EntryDate_Id", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }
}
