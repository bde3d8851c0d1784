using BenchmarkDotNet.Attributes;
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
}
