using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence;

/// <summary>
/// Every report query compiles for SQL Server: EF Core translates it with the SQL Server provider and the
/// T-SQL it produces parses for SQL Server 2022. The real query code runs (no copies of the LINQ), replayed
/// on SQL Server from the demo data (<see cref="SqlServerQueryRecorder"/>). New query classes belong here.
/// What this proves: translation and parsing, and that the code reads SQLite's rows the same way through the SQL
/// Server provider. What it does not: that a SQL Server returns the same rows, sorts or locks the same way
/// (no server runs here; docs/reliability.md § "What the SQL Server tests prove").
/// </summary>
public sealed class SqlServerQueryTests(DemoPortal portal) : IClassFixture<DemoPortal>
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

    private static string WithoutTimestamp(AppendixReport report)
    {
        var json = JsonNode.Parse(ReportJson.Serialize(report))!.AsObject();
        json.Remove("generatedAtUtc");
        return json.ToJsonString();
    }

    [Fact]
    public void The_appendix_aggregate_is_one_grouped_TSql_query()
    {
        using var db = SqlServerQueryRecorder.SqlServerContext();
        var sql = AppendixQuery.ItemSums(db, programId: 1, fromYear: 2018, toYear: 2025).ToQueryString();
        Assert.Contains("GROUP BY [p].[ContentItemId]", sql);
        Assert.Contains("COUNT(*)", sql);
        Assert.Contains("SUM(COALESCE(", sql);
        AssertParsesAsTSql([sql]);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(2020, 2022)]
    public async Task The_appendix_report_translates_to_TSql_that_parses_and_reads_replayed_rows_alike(int? from, int? to)
    {
        var capture = await SqlServerQueryRecorder.RunAsync(portal.ConnectionString,
            db => new AppendixQuery(db, new CatalogQueries(db), TimeProvider.System, FreshCache.For(db)).BuildAsync("2018-2025", from, to));
        Assert.True(capture.Commands.Count >= 4, string.Join("\n\n", capture.Commands));
        Assert.Contains(capture.Commands, c => c.Contains("GROUP BY", StringComparison.Ordinal));
        AssertParsesAsTSql(capture.Commands);
        Assert.Equal(WithoutTimestamp(capture.SqliteResult), WithoutTimestamp(capture.SqlServerResult));
    }

    [Fact]
    public async Task The_catalog_queries_translate_to_TSql_that_parses_and_read_replayed_rows_alike()
    {
        var capture = await SqlServerQueryRecorder.RunAsync(portal.ConnectionString, async db =>
        {
            var queries = new CatalogQueries(db);
            var programs = await queries.ListProgramsAsync();
            var catalog = await queries.GetAsync("2018-2025");
            var defaultCode = await queries.DefaultProgramCodeAsync(2024);
            return ReportJson.Serialize(new { programs, catalog, defaultCode });
        });
        Assert.True(capture.Commands.Count >= 6, string.Join("\n\n", capture.Commands));
        AssertParsesAsTSql(capture.Commands);
        Assert.Equal(capture.SqliteResult, capture.SqlServerResult);
    }

    private sealed class As(NgheAn.CNHT.Domain.Common.Actor actor) : NgheAn.CNHT.Application.Common.ICurrentUser
    {
        public string UserName => actor.UserName;
        public NgheAn.CNHT.Domain.Common.Actor Actor => actor;
    }

    private sealed class NoNames : NgheAn.CNHT.Application.Common.IUserDirectory
    {
        public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }

    [Fact]
    public async Task The_dashboard_aggregates_translate_to_TSql_that_parses_and_read_replayed_rows_alike()
    {
        var center = new As(ProposalArrange.Center);
        var capture = await SqlServerQueryRecorder.RunAsync(portal.ConnectionString, async db =>
        {
            var view = await new NgheAn.CNHT.Application.Dashboard.DashboardQuery(db, new CatalogQueries(db), center, new NoNames(), TimeProvider.System, FreshCache.For(db),
                    new NgheAn.CNHT.Application.Disbursements.LedgerItemSums(), new NgheAn.CNHT.Application.Dashboard.NewestSteps())
                .BuildAsync("2018-2025", 2024);
            return ReportJson.Serialize(view! with { GeneratedAtUtc = default });
        });
        Assert.True(capture.Commands.Count >= 10, string.Join("\n\n", capture.Commands));
        Assert.Contains(capture.Commands, c => c.Contains("GROUP BY", StringComparison.Ordinal) && c.Contains("[StartYear]", StringComparison.Ordinal));
        Assert.Contains(capture.Commands, c => c.Contains("DATEPART(year, [d].[EntryDate])", StringComparison.Ordinal));
        AssertParsesAsTSql(capture.Commands);
        Assert.Equal(capture.SqliteResult, capture.SqlServerResult);
    }

    [Fact]
    public async Task The_notification_reads_translate_to_TSql_that_parses_and_read_replayed_rows_alike()
    {
        var center = new As(ProposalArrange.Center);
        var capture = await SqlServerQueryRecorder.RunAsync(portal.ConnectionString, async db =>
        {
            var service = new NgheAn.CNHT.Application.Notifications.NotificationService(db, center, TimeProvider.System, null!,
                new NgheAn.CNHT.Application.Notifications.NoMailOutbox(), null!,
                new NgheAn.CNHT.Application.Notifications.UnreadNotices(TimeProvider.System), Microsoft.Extensions.Logging.Abstractions.NullLogger<NgheAn.CNHT.Application.Notifications.NotificationService>.Instance);
            // The list first: once a request has counted no unread notice, the service asks for no list (issue 21 § 4).
            var latest = await service.LatestUnreadAsync(5);
            var count = await service.UnreadCountAsync();
            var page = await service.PageAsync(1, unreadOnly: false);
            return ReportJson.Serialize(new { count, latest, page });
        });
        Assert.Equal(4, capture.Commands.Count); // latest unread, unread count, page count, page rows
        Assert.Contains(capture.Commands, c => c.Contains("NOT EXISTS", StringComparison.Ordinal) && c.Contains("[NotificationReceipts]", StringComparison.Ordinal));
        AssertParsesAsTSql(capture.Commands);
        Assert.Equal(capture.SqliteResult, capture.SqlServerResult);
    }

    [Fact]
    public void Names_are_ordered_by_a_TSql_clause_naming_the_vietnamese_collation()
    {
        using var db = SqlServerQueryRecorder.SqlServerContext();
        var sql = NgheAn.CNHT.Application.Common.Collations.OrderByVietnamese(db.Organizations, o => o.Name).Select(o => o.Name).ToQueryString();
        Assert.Contains("ORDER BY [o].[Name] COLLATE Vietnamese_CI_AS", sql);
        AssertParsesAsTSql([sql]);
    }

    /// <summary>
    /// The ledger's proposal lock (LedgerService.LockProposalAsync, ADR 0020) on SQL Server is one UPDATE of the
    /// proposal's row inside the serializable transaction, which takes the row's exclusive lock until the commit.
    /// This checks the command issued; that SQL Server then serializes two writers is not run here.
    /// </summary>
    [Fact]
    public async Task The_ledger_lock_issues_one_TSql_UPDATE_of_the_proposal_row()
    {
        var capture = new WriteCapture();
        await using var db = SqlServerQueryRecorder.SqlServerContext(capture);
        Assert.True(await NgheAn.CNHT.Application.Disbursements.LedgerService.LockProposalAsync(db, 42, CancellationToken.None));
        var sql = Assert.Single(capture.Commands);
        Assert.Contains("UPDATE [p]", sql);
        Assert.Contains("SET [p].[StatusChangedAt] = [p].[StatusChangedAt]", sql);
        Assert.Contains("FROM [Proposals] AS [p]", sql);
        Assert.Matches(@"WHERE \[p\]\.\[Id\] = @\w+", sql);
        AssertParsesAsTSql([sql]);
    }

    /// <summary>Never opens the SQL Server connection; records each write command and answers "1 row".</summary>
    private sealed class WriteCapture : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<string> Commands { get; } = [];

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection,
            ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection,
            ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(1));
        }
    }
}
