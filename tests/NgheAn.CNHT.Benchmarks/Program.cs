using BenchmarkDotNet.Running;
using NgheAn.CNHT.Benchmarks;

// Benchmarks:  dotnet run -c Release --project tests/NgheAn.CNHT.Benchmarks -- --filter '*'
// Load run:    bash scripts/perf/load-test.sh   (calls this program with "load")
// See docs/performance.md and docs/reliability.md.
if (args.Length > 0 && args[0] == "load")
{
    return await LoadTest.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args);
return 0;
