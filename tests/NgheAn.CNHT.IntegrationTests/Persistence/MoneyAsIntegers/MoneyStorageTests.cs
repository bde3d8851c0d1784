using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.SupportRules;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence.MoneyAsIntegers;

/// <summary>Money is stored as 64-bit integers on both providers and summed natively (ADR 0102).</summary>
public sealed class MoneyStorageTests
{
    [Fact]
    public void Every_whole_dong_decimal_is_an_integer_column_and_a_declared_scale_stays_decimal()
    {
        using var sqlite = MigrationsTests.SqliteContext();
        using var sqlServer = MigrationsTests.SqlServerContext();
        var money = MoneyAsIntegersUpgradeTests.MoneyColumns(sqlite);
        Assert.True(money.Count >= 20, string.Join(", ", money));

        var share = sqlite.Model.FindEntityType(typeof(Proposal))!.FindProperty(nameof(Proposal.ApprovedProvincialShare))!;
        Assert.Equal("INTEGER", share.GetColumnType());
        Assert.Equal(typeof(long), share.GetTypeMapping().Converter!.ProviderClrType);
        Assert.Equal("bigint", sqlServer.Model.FindEntityType(typeof(Proposal))!.FindProperty(nameof(Proposal.ApprovedProvincialShare))!.GetColumnType());

        // A percentage declares its scale and is not money.
        var percent = sqlServer.Model.FindEntityType(typeof(SupportRule))!.FindProperty(nameof(SupportRule.MaxProvincialSharePercent))!;
        Assert.Equal("decimal(7,4)", percent.GetColumnType());
        Assert.Null(percent.GetValueConverter());

        // No decimal column of scale 0 is left on either provider.
        foreach (var db in new[] { sqlite, sqlServer })
        {
            var left = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal) && p.GetValueConverter() is null && (p.GetScale() ?? 0) == 0)
                .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
                .ToList();
            Assert.Empty(left);
        }
    }

    [Fact]
    public async Task The_tables_rebuilt_by_hand_keep_every_column_and_index_of_the_model()
    {
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"rebuilt-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var db = MigrationsTests.SqliteContext($"Data Source={path};Pooling=False");
            await db.Database.MigrateAsync();
            foreach (var type in new[] { typeof(Domain.Disbursements.DisbursementEntry), typeof(Domain.Catalog.PlanRevision) })
            {
                var entity = db.Model.FindEntityType(type)!;
                var table = entity.GetTableName()!;
                var columns = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table})").ToListAsync();
                Assert.Equal(entity.GetProperties().Select(p => p.GetColumnName()).Order(), columns.Order());
                var indexes = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_index_list({table}) WHERE origin = 'c'").ToListAsync();
                Assert.Equal(entity.GetIndexes().Select(i => i.GetDatabaseName()!).Order(), indexes.Order());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void The_appendix_sums_the_integer_columns_natively_on_SQLite()
    {
        using var db = MigrationsTests.SqliteContext();
        var sql = AppendixQuery.ItemSums(db, programId: 1, fromYear: 2018, toYear: 2025).ToQueryString();
        Assert.Contains("SUM(", sql);
        Assert.DoesNotContain("ef_", sql);
        Assert.DoesNotContain("CAST", sql);
    }

    [Fact]
    public void The_ledger_sums_and_compares_amounts_natively_on_SQLite()
    {
        using var db = MigrationsTests.SqliteContext();
        var sql = db.DisbursementEntries.Where(e => e.Amount > 0).GroupBy(e => e.Source).Select(g => g.Sum(e => e.Amount)).ToQueryString();
        Assert.Contains("SUM(\"d\".\"Amount\")", sql);
        Assert.Contains("\"d\".\"Amount\" > 0", sql);
        Assert.DoesNotContain("ef_", sql);
    }

    [Fact]
    public async Task Amounts_round_trip_exactly_up_to_the_largest_whole_dong_a_long_holds()
    {
        using var portal = new CnhtFactory(seedDemoData: false);
        var big = 999_999_999_999_999_999m;
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var item = await db.ContentItems.FirstAsync();
            return await db.ContentItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.PlanAmount, big));
        });
        var read = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.MaxAsync(i => i.PlanAmount));
        Assert.Equal(big, read);
    }
}
