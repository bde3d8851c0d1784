using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Search;

/// <summary>
/// The register's search on SQL Server goes through the word table of migration Issue21FullTextSearch (ADR 0106):
/// translated by the SQL Server provider, parsed as T-SQL 2022, and read the same way from SQLite's replayed rows
/// (<see cref="SqlServerQueryRecorder"/>). What this does not prove: that a SQL Server finds the same rows (no server
/// runs here; docs/reliability.md § "What the SQL Server tests prove").
/// </summary>
public sealed class SqlServerSearchTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static void AssertParsesAsTSql(IEnumerable<string> commands)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var sql in commands)
        {
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, sql + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        }
    }

    [Theory]
    [InlineData("dao tao")]
    [InlineData("CNHT-2019")]
    [InlineData("50%_[x]")]
    public async Task The_register_search_seeks_the_word_table_once_per_word_in_TSql_that_parses(string query)
    {
        var capture = await SqlServerQueryRecorder.RunAsync(portal.ConnectionString, async db =>
        {
            var page = await new ProposalQueries(db, FreshCache.For(db)).RegisterAsync(new RegisterFilter("2018-2025", Query: query));
            return string.Join(",", page.Rows.Select(r => r.Code)) + $"|{page.TotalCount}|{page.TotalCost}";
        });
        AssertParsesAsTSql(capture.Commands);
        var words = NgheAn.CNHT.Application.Search.FullTextQuery.Terms(query).Count;
        Assert.All(capture.Commands.Where(c => c.Contains("[ProposalSearchWords]", StringComparison.Ordinal)), c =>
        {
            Assert.Equal(words, c.Split("FROM [ProposalSearchWords] WHERE [Word] LIKE", StringSplitOptions.None).Length - 1);
            Assert.Contains("ESCAPE N'\\'", c);
            Assert.DoesNotContain("MATCH", c);
        });
        Assert.Contains(capture.Commands, c => c.Contains("[ProposalSearchWords]", StringComparison.Ordinal));
        Assert.Equal(capture.SqliteResult, capture.SqlServerResult);
    }

    [Fact]
    public async Task The_directory_search_on_SQL_Server_is_a_LIKE_on_the_folded_column_in_TSql_that_parses()
    {
        var capture = await SqlServerQueryRecorder.RunAsync(portal.ConnectionString, async db =>
        {
            var page = await new DirectoryQuery(db, TimeProvider.System).SearchAsync(new DirectoryFilter(Query: "co khi"));
            return string.Join(",", page.Rows.Select(r => r.Slug)) + $"|{page.Total}";
        });
        AssertParsesAsTSql(capture.Commands);
        Assert.Contains(capture.Commands, c => c.Contains("[SearchText] LIKE", StringComparison.Ordinal));
        Assert.Equal(capture.SqliteResult, capture.SqlServerResult);
    }

    [Fact]
    public void The_model_declares_the_tables_triggers_so_SaveChanges_uses_no_bare_OUTPUT_clause()
    {
        // SQL Server refuses "OUTPUT" without "INTO" on a table with triggers; EF avoids it for the tables the model
        // says have them. The names are those the migration creates.
        using var db = SqlServerQueryRecorder.SqlServerContext();
        var script = File.ReadAllText(RepositoryFiles.PathOf(NgheAn.CNHT.IntegrationTests.Persistence.SqlServerScriptTests.ScriptPath));
        foreach (var (entity, trigger) in new[] { (typeof(Proposal), "TR_Proposals_SearchWords"), (typeof(Organization), "TR_Organizations_SearchWords") })
        {
            Assert.Contains(trigger, db.Model.FindEntityType(entity)!.GetDeclaredTriggers().Select(t => t.ModelName));
            Assert.Contains($"CREATE TRIGGER [{trigger}]", script);
        }
    }

    [Fact]
    public void A_typed_pattern_character_is_a_literal_in_the_LIKE()
    {
        Assert.Equal("50\\%\\_\\[x]%", NgheAn.CNHT.Application.Search.FullTextQuery.StartsWithPattern("50%_[x]"));
        Assert.Equal("\"th-2024\" * AND \"a\"\"b\" *", NgheAn.CNHT.Application.Search.FullTextQuery.Fts5(["th-2024", "a\"b"]));
    }
}
