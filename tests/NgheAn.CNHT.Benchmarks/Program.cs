using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/NgheAn.CNHT.Benchmarks -- --filter '*'
// (the first run builds the benchmark databases under BenchmarkDotNet.Artifacts/data; see docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(NgheAn.CNHT.Benchmarks.BenchData).Assembly).Run(args);
