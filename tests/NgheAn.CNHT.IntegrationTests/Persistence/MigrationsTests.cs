using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Persistence;

/// <summary>No SQL Server runs here, so its path is proven without one: the model matches the migrations, and the script parses as T-SQL.</summary>
public sealed class MigrationsTests
{
    internal static AppDbContext SqlServerContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlServer("Server=localhost;Database=Cnht;Trusted_Connection=True;TrustServerCertificate=True",
            o => o.MigrationsAssembly(DatabaseOptions.SqlServerMigrationsAssembly))
        .Options);

    internal static AppDbContext SqliteContext(string connection = "Data Source=:memory:") => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(connection, o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly))
        .Options);

    [Fact]
    public void Sqlite_model_has_no_pending_changes()
    {
        using var db = SqliteContext();
        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for SQLite.");
    }

    [Fact]
    public void SqlServer_model_has_no_pending_changes()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for SQL Server.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_by_name()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();
        static IEnumerable<string> Names(AppDbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void SqlServer_idempotent_script_parses_as_TSql()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Proposals]", script);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public async Task Sqlite_migrations_create_every_table_on_an_empty_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnht-mig-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = SqliteContext($"Data Source={path}"))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.Proposals.CountAsync());
                Assert.Equal(0, await db.DisbursementEntries.CountAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
