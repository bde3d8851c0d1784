using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence;

/// <summary>
/// deploy/sql/migrate.sql is what a DBA runs (or reviews) on the province's SQL Server. No server runs
/// here, so it is proven by parsing it as T-SQL and by regenerating it from the migrations.
/// </summary>
public sealed class SqlServerScriptTests
{
    public const string ScriptPath = "deploy/sql/migrate.sql";

    public const string RegenerateCommand =
        "dotnet ef migrations script --idempotent --project src/NgheAn.CNHT.Migrations.SqlServer --startup-project src/NgheAn.CNHT.Migrations.SqlServer -o deploy/sql/migrate.sql";

    private static string Normalise(string sql) => sql.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd();

    [Fact]
    public void The_committed_script_parses_as_TSql_for_SQL_Server_2022()
    {
        var script = File.ReadAllText(RepositoryFiles.PathOf(ScriptPath));
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.True(fragment.Batches.Sum(b => b.Statements.Count) > 50);

        // Idempotent: every migration's steps are guarded by a look-up of its id in the history table.
        using var db = MigrationsTests.SqlServerContext();
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script);
        }

        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
        Assert.Contains("CREATE TABLE [Proposals]", script);
    }

    [Fact]
    public void The_committed_script_is_in_step_with_the_migrations()
    {
        using var db = MigrationsTests.SqlServerContext();
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(RepositoryFiles.PathOf(ScriptPath));
        Assert.True(Normalise(expected) == Normalise(committed),
            $"{ScriptPath} is stale: regenerate it with `{RegenerateCommand}` (build first) and commit it.");
    }
}
