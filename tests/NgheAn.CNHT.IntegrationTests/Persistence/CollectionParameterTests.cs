using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence;

/// <summary>
/// A list of values in a query is one array parameter on both providers, so no statement grows with the data
/// (issue: the reconciliation page answered 500 "too many SQL variables" at 100.000 proposals, because EF Core 10
/// sends one parameter per value by default and SQLite allows 32.766).
/// </summary>
public sealed class CollectionParameterTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task A_list_of_forty_thousand_ids_is_one_parameter_on_SQLite()
    {
        var ids = Enumerable.Range(1, 40_000).ToArray();
        var (sql, matched, all) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var query = db.Proposals.Where(p => ids.Contains(p.Id));
            return (query.ToQueryString(), await query.CountAsync(), await db.Proposals.CountAsync());
        });

        Assert.Contains("json_each", sql);
        Assert.Equal(all, matched);
        Assert.True(all > 0);
    }

    [Fact]
    public void A_list_of_ids_is_one_OPENJSON_parameter_on_SQL_Server()
    {
        using var db = SqlServerQueryRecorder.SqlServerContext();
        var ids = Enumerable.Range(1, 5_000).ToArray();
        var sql = db.Proposals.Where(p => ids.Contains(p.Id)).ToQueryString();

        Assert.Contains("OPENJSON", sql);
        Assert.DoesNotContain("@ids2", sql);
    }

    [Fact]
    public async Task EF_Core_10s_default_of_one_parameter_per_value_fails_at_that_size()
    {
        // The control for the first test: without the portal's setting the same query is refused by SQLite.
        var ids = Enumerable.Range(1, 40_000).ToArray();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(portal.ConnectionString, o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.MultipleParameters))
            .Options);

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Proposals.CountAsync(p => ids.Contains(p.Id)));
        Assert.Contains("too many SQL variables", error.Message);
    }
}
