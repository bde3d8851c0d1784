using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>
/// The bulk save sets an empty table's secondary indexes aside while its rows go in and builds them again from the live
/// schema's own SQL before the commit, all in the import's transaction (ADR 0213): after an import the schema is the one the
/// migrations made, and a refused import — late in the rows, or when an index cannot be built again — leaves the schema,
/// its indexes and triggers as they were, and nothing saved.
/// </summary>
public sealed class BulkIndexTests
{
    private static Task<List<string>> Schema(CnhtFactory portal) => portal.ScopedAsync(async sp =>
    {
        var connection = sp.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || '|' || name || '|' || tbl_name || '|' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    });

    private static Task<string> Scalar(CnhtFactory portal, string sql) => portal.ScopedAsync(async sp =>
    {
        var connection = sp.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    });

    private static Task<string> Plan(CnhtFactory portal, string sql) => portal.ScopedAsync(async sp =>
    {
        var connection = sp.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join("; ", details);
    });

    private static Task<(int Proposals, int Transitions, int Entries, int Units, int Audit)> Everything(CnhtFactory p) => p.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return (await db.Proposals.CountAsync(), await db.ProposalTransitions.CountAsync(), await db.DisbursementEntries.CountAsync(),
            await db.Organizations.CountAsync(), await db.AuditEntries.CountAsync());
    });

    [Fact]
    public async Task After_an_import_into_empty_tables_every_index_and_trigger_is_back_with_the_same_sql_and_in_use()
    {
        using var portal = new EmptyPortal();
        var before = await Schema(portal);
        Assert.Contains(before, s => s.StartsWith("index|IX_DisbursementEntries_ProgramId_EntryDate_Id|", StringComparison.Ordinal));
        Assert.Contains(before, s => s.StartsWith("index|IX_Proposals_Code|", StringComparison.Ordinal));
        Assert.Contains(before, s => s.StartsWith("index|IX_ProposalTransitions_ProposalId_At|", StringComparison.Ordinal));

        var outcome = await portal.ImportAsync(LargeWorkbookTests.Rows(portal, 300), fileName: "lich-su.xlsx");

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems.Take(10)));
        Assert.Equal((300, 300, 300), await portal.CountsAsync());
        Assert.Equal(before, await Schema(portal));
        // The indexes built again hold every row (SQLite compares each index with its table).
        Assert.Equal("ok", await Scalar(portal, "PRAGMA integrity_check"));
        Assert.Contains("USING COVERING INDEX IX_Proposals_Code", await Plan(portal, "SELECT Id FROM Proposals WHERE Code = 'LS-2018-0000'"), StringComparison.Ordinal);
        Assert.Contains("USING INDEX IX_DisbursementEntries_ProgramId_EntryDate_Id",
            await Plan(portal, "SELECT * FROM DisbursementEntries WHERE ProgramId = 1 ORDER BY EntryDate, Id"), StringComparison.Ordinal);
        Assert.Equal("1", await Scalar(portal, "SELECT count(*) FROM Proposals WHERE Code = 'LS-2018-0000'"));

        // The same file again is refused (its codes are on the portal now), and changes nothing.
        var second = await portal.ImportAsync(LargeWorkbookTests.Rows(portal, 300), fileName: "lich-su.xlsx");
        Assert.False(second.Saved);
        Assert.Equal((300, 300, 300), await portal.CountsAsync());
        Assert.Equal(before, await Schema(portal));
    }

    [Fact]
    public async Task An_import_refused_late_in_the_rows_leaves_the_schema_indexes_and_triggers_intact_and_nothing_saved()
    {
        using var portal = new EmptyPortal();
        await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER \"TR_Test_LateRow\" BEFORE INSERT ON \"DisbursementEntries\" WHEN NEW.\"VoucherNumber\" = 'PC-299' "
            + "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"));
        var schema = await Schema(portal);
        var counts = await Everything(portal);

        var refused = await portal.ImportAsync(LargeWorkbookTests.Rows(portal, 300), fileName: "lich-su.xlsx");

        Assert.False(refused.Saved);
        Assert.Contains(refused.Problems, p => p.IsError && p.Message.StartsWith("Không lưu được, không dòng nào được ghi", StringComparison.Ordinal));
        Assert.Equal(schema, await Schema(portal));
        Assert.Equal(counts, await Everything(portal));
        Assert.Equal("ok", await Scalar(portal, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task An_index_that_cannot_be_built_again_refuses_the_import_with_nothing_saved_and_the_schema_intact()
    {
        using var portal = new EmptyPortal();
        // An index the file's rows break (every entry of the file is a provincial advance): found only when it is built again.
        await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(
            "CREATE UNIQUE INDEX \"IX_Test_OneEntryPerSource\" ON \"DisbursementEntries\" (\"Source\")"));
        var schema = await Schema(portal);
        var counts = await Everything(portal);

        var refused = await portal.ImportAsync(LargeWorkbookTests.Rows(portal, 300), fileName: "lich-su.xlsx");

        Assert.False(refused.Saved);
        Assert.Contains(refused.Problems, p => p.IsError && p.Message.StartsWith("Không lưu được, không dòng nào được ghi", StringComparison.Ordinal));
        Assert.Equal(schema, await Schema(portal));
        Assert.Contains(schema, s => s.StartsWith("index|IX_Test_OneEntryPerSource|", StringComparison.Ordinal));
        Assert.Equal(counts, await Everything(portal));
    }
}
