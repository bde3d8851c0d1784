using BenchmarkDotNet.Running;
using NgheAn.CNHT.Benchmarks;

// Benchmarks:  dotnet run -c Release --project tests/NgheAn.CNHT.Benchmarks -- --filter '*'
// Load run:    bash scripts/perf/load-test.sh   (calls this program with "load")
// See docs/performance.md and docs/reliability.md.
if (args.Length > 0 && args[0] == "load")
{
    return await LoadTest.RunAsync(args[1..]);
}

// Builds the benchmark databases ahead of a measurement (otherwise the first benchmark builds them).
if (args.Length > 0 && args[0] == "prepare")
{
    foreach (var size in new[] { 23, 10_023, 100_023 })
    {
        await BenchData.EnsureAsync(size);
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args);
return 0;
