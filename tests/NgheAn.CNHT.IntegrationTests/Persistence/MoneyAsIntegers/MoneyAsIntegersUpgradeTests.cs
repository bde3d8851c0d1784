using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence.MoneyAsIntegers;

/// <summary>
/// A database written by the release before money became integers (ADR 0102) is upgraded in place by the portal's start
/// and every figure it reports stays the same. The fixture (Fixture/) was made by that release, commit 56907e6: the
/// demo data seeded by a test portal, copied with VACUUM INTO, and <see cref="FigureSnapshot"/> of it as JSON.
/// </summary>
public sealed class MoneyAsIntegersUpgradeTests
{
    private static string FixturePath(string name) =>
        RepositoryFiles.PathOf($"tests/NgheAn.CNHT.IntegrationTests/Persistence/MoneyAsIntegers/Fixture/{name}");

    private static async Task<string> UnpackOldDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"upgrade-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var source = new GZipStream(File.OpenRead(FixturePath("demo-before.db.gz")), CompressionMode.Decompress);
        await using var target = File.Create(path);
        await source.CopyToAsync(target);
        return path;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_old_database_upgrades_in_place_with_every_reported_figure_unchanged()
    {
        var path = await UnpackOldDatabaseAsync();
        var oldConnection = $"Data Source={path};Pooling=False";
        Assert.True(await ScalarAsync(oldConnection, "SELECT count(*) FROM DisbursementEntries WHERE typeof(Amount) = 'text'") > 0,
            "The fixture stores amounts as text, as the old release did.");

        Dictionary<string, string> before;
        await using (var gz = new GZipStream(File.OpenRead(FixturePath("figures-before.json.gz")), CompressionMode.Decompress))
        {
            before = (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(gz))!;
        }

        using var portal = new CnhtFactory(seedDemoData: false, databasePath: path);
        var after = await FigureSnapshot.TakeAsync(portal.Services);

        var missing = before.Keys.Where(k => !after.ContainsKey(k)).ToList();
        Assert.Empty(missing);
        var differences = before.SelectMany(b => FigureSnapshot.Compare(b.Key, b.Value, after[b.Key])).ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(50)));
        // The comparison is about something: the demo data's reports carry thousands of figures.
        Assert.True(before.Values.Sum(FigureSnapshot.CountFigures) > 2_000);

        // Every money column now holds 64-bit integers only, and the append-only tables still refuse changes.
        var columns = portal.Scoped(sp => MoneyColumns(sp.GetRequiredService<AppDbContext>()));
        Assert.Contains(("DisbursementEntries", "Amount"), columns);
        Assert.Contains(("Proposals", "ApprovedProvincialShare"), columns);
        foreach (var (table, column) in columns)
        {
            Assert.Equal(0, await ScalarAsync(portal.ConnectionString, $"SELECT count(*) FROM \"{table}\" WHERE typeof(\"{column}\") NOT IN ('integer', 'null')"));
        }

        Assert.True(await ScalarAsync(portal.ConnectionString, "SELECT count(*) FROM DisbursementEntries") > 0);
        // The reconciliation's kept figures (ADR 0220) were filled from the old ledger: one row per proposal with entries,
        // its counts and sums those of its entries.
        Assert.Equal(0, await ScalarAsync(portal.ConnectionString, """
            SELECT count(*) FROM (SELECT "ProposalId", count(*) AS c, sum("Amount") AS s FROM "DisbursementEntries" GROUP BY "ProposalId") AS x
            LEFT JOIN "ProposalLedgerFigures" AS f ON f."ProposalId" = x."ProposalId"
            WHERE f."ProposalId" IS NULL OR f."ProvincialCount" + f."OtherCount" <> x.c OR f."Provincial" + f."Other" <> x.s
            """));
        Assert.Equal(await ScalarAsync(portal.ConnectionString, "SELECT count(DISTINCT \"ProposalId\") FROM \"DisbursementEntries\""),
            await ScalarAsync(portal.ConnectionString, "SELECT count(*) FROM \"ProposalLedgerFigures\""));
        await using var connection = new SqliteConnection(portal.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE DisbursementEntries SET Amount = 1", "DELETE FROM DisbursementEntries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message);
        }

        // The demo data has no plan revision to refuse: their triggers are checked by name (with the reconciliation's kept
        // figures' trigger, ADR 0220).
        Assert.Equal(["TR_DisbursementEntries_LedgerFigures", "TR_DisbursementEntries_NoDelete", "TR_DisbursementEntries_NoUpdate", "TR_PlanRevisions_NoDelete", "TR_PlanRevisions_NoUpdate"],
            await ScalarListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = 'DisbursementEntries' OR tbl_name = 'PlanRevisions') ORDER BY name"));
        Assert.Empty(await ScalarListAsync(connection, "PRAGMA foreign_key_check"));
        Assert.Equal(["ok"], await ScalarListAsync(connection, "PRAGMA integrity_check"));
    }

    private static async Task<List<string>> ScalarListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    internal static List<(string Table, string Column)> MoneyColumns(AppDbContext db) =>
        db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(WholeDongStorage.IsMoney).Select(p => (t.GetTableName()!, p.GetColumnName())))
            .Distinct()
            .ToList();
}
