using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Infrastructure;

namespace NgheAn.CNHT.Benchmarks;

/// <summary>
/// The register's search, first page with its totals (cache off), on an existing database named by
/// <c>CNHT_SEARCH_DB</c> (a copy of the 100.000-proposal scale database, already migrated: this class never
/// writes). Run: <c>CNHT_SEARCH_DB=/tmp/x.db dotnet run -c Release --project tests/NgheAn.CNHT.Benchmarks -- --filter '*SearchBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class SearchBenchmarks
{
    private IHost _host = null!;

    [Params("TH-2024", "CNHT-2024", "2901234563", "dao tao", "khuon mau")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("CNHT_SEARCH_DB")
            ?? throw new InvalidOperationException("Set CNHT_SEARCH_DB to a copy of the scale database.");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cnht"] = $"Data Source={path}",
            ["Database:Provider"] = "Sqlite",
        });
        builder.Services.AddApplicationServices().AddInfrastructureServices();
        builder.Services.AddSingleton<ICurrentUser, SystemUser>();
        builder.Services.AddScoped<IDataVersion, EveryCallNew>();
        _host = builder.Build();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    private sealed class EveryCallNew : IDataVersion
    {
        private static long _version;

        public Task<long> CurrentAsync(CancellationToken ct = default) => Task.FromResult(Interlocked.Increment(ref _version));
    }

    [Benchmark(Description = "Register search, first page with totals (program 2018-2025)")]
    public async Task<int> RegisterSearch()
    {
        using var scope = _host.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<ProposalQueries>()
            .RegisterAsync(new RegisterFilter("2018-2025", Query: Query));
        return page.TotalCount + page.Rows.Count;
    }

    /// <summary>
    /// The search's own SQL, the old predicate against the new one in the same process and minutes: the register's
    /// totals (count and sum of the filtered set) and its first page (50 rows in code order) of program 2018-2025.
    /// "LIKE" is the search before issue 21 (each folded word contained in the folded code + title, ADR 0010);
    /// "FTS" the full-text index (ADR 0106); "FTS-probe" its page walking the code index when many rows match (ADR 0209). The register page benchmark above adds the filter choices, which the
    /// portal keeps per data version but this harness rebuilds on every call.
    /// </summary>
    [Params("LIKE", "FTS", "FTS-probe")]
    public string Index { get; set; } = "";

    [Benchmark(Description = "Search SQL: totals + first page")]
    public async Task<int> SearchSql()
    {
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var query = db.Proposals.AsNoTracking().Where(p => p.ProgramId == db.Programs.Where(pr => pr.Code == "2018-2025").Select(pr => pr.Id).First());
        if (Index == "LIKE")
        {
            foreach (var term in NgheAn.CNHT.Domain.Common.SearchText.Terms(Query))
            {
                query = query.Where(p => p.SearchText.Contains(term));
            }
        }
        else
        {
            query = NgheAn.CNHT.Application.Search.ProposalSearch.Matching(query, db, Query);
        }

        var totals = await query.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Cost = g.Sum(p => p.RequestedTotalCost) }).FirstOrDefaultAsync();
        // "FTS-probe": the page as the register reads it when a search matches many rows (ADR 0209).
        var rowsQuery = Index == "FTS-probe" && totals?.Count > ProposalQueries.ProbeMatchesAbove
            ? NgheAn.CNHT.Application.Search.ProposalSearch.Matching(
                db.Proposals.AsNoTracking().Where(p => p.ProgramId == db.Programs.Where(pr => pr.Code == "2018-2025").Select(pr => pr.Id).First()), db, Query, probe: true)
            : query;
        var rows = await rowsQuery.OrderBy(p => p.Code).Take(50).Select(p => new { p.Id, p.Code, p.Title, p.LeadOrganization.Name }).ToListAsync();
        return (totals?.Count ?? 0) + rows.Count;
    }
}
