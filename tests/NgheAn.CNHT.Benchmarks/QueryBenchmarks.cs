using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Benchmarks;

/// <summary>The report models and the register page query, warm, at demo, 10.000 and 100.000 proposals.</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class QueryBenchmarks
{
    private IHost _host = null!;

    [Params(23, 10_023, 100_023)]
    public int Proposals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        BenchData.EnsureAsync(Proposals).GetAwaiter().GetResult();
        _host = BenchData.Host(Proposals);
        Console.WriteLine($"// {Proposals} proposals: database {new FileInfo(BenchData.PathFor(Proposals)).Length / 1024.0 / 1024.0:F1} MiB");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    private async Task<T> Scoped<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = _host.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    [Benchmark(Description = "Appendix model (phụ lục), whole period")]
    public Task<AppendixReport> Appendix() => Scoped(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));

    [Benchmark(Description = "Annual report model (báo cáo năm)")]
    public Task<AnnualReport> Annual() => Scoped(sp => sp.GetRequiredService<AnnualReportQuery>().BuildAsync("2018-2025"));

    [Benchmark(Description = "Register page: 50 rows of the approved proposals, page 3")]
    public Task<RegisterPage> RegisterPage() => Scoped(sp => sp.GetRequiredService<ProposalQueries>()
        .RegisterAsync(new RegisterFilter("2018-2025", Status: ProposalStatus.Approved, Page: 3)));

    [Benchmark(Description = "Register page: search \"dao tao\", first page")]
    public Task<RegisterPage> RegisterSearch() => Scoped(sp => sp.GetRequiredService<ProposalQueries>()
        .RegisterAsync(new RegisterFilter("2018-2025", Query: "dao tao")));
}
