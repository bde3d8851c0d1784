using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Infrastructure;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Benchmarks;

/// <summary>
/// The databases the benchmarks read: the 23 demo proposals, and synthetic programs of 10.000 and
/// 100.000 proposals with 10 ledger entries each (built once by the real seeders, then reused).
/// </summary>
public static class BenchData
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("CNHT_BENCH_DATA")
        ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "data");

    public static string PathFor(int proposals) => Path.Combine(Folder, $"cnht-{proposals}.db");

    /// <summary>The real application and infrastructure services over one SQLite file.</summary>
    public static IHost Host(int proposals) => HostOver(PathFor(proposals));

    /// <summary>The same services over any SQLite file.</summary>
    public static IHost HostOver(string path)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cnht"] = $"Data Source={path}",
            ["Database:Provider"] = "Sqlite",
        });
        builder.Services.AddApplicationServices().AddInfrastructureServices();
        builder.Services.AddSingleton<ICurrentUser, SystemUser>();
        // Measure the SQL, not the versioned cache: every read sees a new data version, so nothing is reused.
        builder.Services.AddScoped<IDataVersion, EveryCallNew>();
        return builder.Build();
    }

    private sealed class EveryCallNew : IDataVersion
    {
        private static long _version;

        public Task<long> CurrentAsync(CancellationToken ct = default) => Task.FromResult(Interlocked.Increment(ref _version));
    }

    public static async Task EnsureAsync(int proposals)
    {
        Directory.CreateDirectory(Folder);
        if (File.Exists(PathFor(proposals)))
        {
            return;
        }

        using var host = Host(proposals);
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        if (proposals > 23)
        {
            await scope.ServiceProvider.GetRequiredService<ScaleDataSeeder>().SeedAsync(proposals - 23, (proposals - 23) * 10);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Console.WriteLine($"// database {PathFor(proposals)}: {new FileInfo(PathFor(proposals)).Length / 1024 / 1024} MiB");
    }
}
