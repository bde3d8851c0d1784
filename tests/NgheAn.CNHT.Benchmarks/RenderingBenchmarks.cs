using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Benchmarks;

/// <summary>PDF and XLSX rendering of the demo appendix and of a 1.000-row register (models built once).</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class RenderingBenchmarks
{
    private IHost _host = null!;
    private IReportRenderer _renderer = null!;
    private AppendixReport _appendix = null!;
    private ProposalRegister _register = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchData.EnsureAsync(23).GetAwaiter().GetResult();
        BenchData.EnsureAsync(10_023).GetAwaiter().GetResult();
        using (var demo = BenchData.Host(23))
        using (var scope = demo.Services.CreateScope())
        {
            _appendix = scope.ServiceProvider.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025").GetAwaiter().GetResult();
        }

        _host = BenchData.Host(10_023);
        using var s = _host.Services.CreateScope();
        var full = s.ServiceProvider.GetRequiredService<RegisterQuery>().BuildAsync("2018-2025").GetAwaiter().GetResult();
        _register = full with { Rows = full.Rows.Take(1_000).ToList() };
        _renderer = _host.Services.GetRequiredService<IReportRenderer>();
        Console.WriteLine($"// register rows rendered: {_register.Rows.Count}");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Description = "Appendix PDF (demo data)")]
    public byte[] AppendixPdf() => _renderer.Render(_appendix, ReportFormat.Pdf);

    [Benchmark(Description = "Appendix XLSX (demo data)")]
    public byte[] AppendixXlsx() => _renderer.Render(_appendix, ReportFormat.Xlsx);

    [Benchmark(Description = "Register PDF, 1.000 rows")]
    public byte[] RegisterPdf() => _renderer.Render(_register, ReportFormat.Pdf);

    [Benchmark(Description = "Register XLSX, 1.000 rows")]
    public byte[] RegisterXlsx() => _renderer.Render(_register, ReportFormat.Xlsx);
}
