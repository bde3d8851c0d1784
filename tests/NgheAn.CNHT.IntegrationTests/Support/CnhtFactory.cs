using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// The real portal over a fresh SQLite file of its own (migrated on start, sample data loaded).
/// Test hosts run as environment "Testing": demo accounts are created by the test, never by the app.
/// </summary>
public class CnhtFactory : WebApplicationFactory<Program>
{
    public CnhtFactory() : this(seedDemoData: true) { }

    public CnhtFactory(bool seedDemoData, string? databasePath = null)
    {
        SeedDemoData = seedDemoData;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "cnht-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        // Outside Development the sign-in cookie is Secure whatever the scheme: test clients speak HTTPS to the
        // in-memory server, as browsers do to the proxy in production.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public bool SeedDemoData { get; }
    public string DatabasePath { get; }
    public string ConnectionString => $"Data Source={DatabasePath}";
    public string Environment { get; protected init; } = "Testing";

    /// <summary>Two-factor for Admin and DoitLeader is off in tests unless a test is about it.</summary>
    public bool EnforceTwoFactor { get; init; }

    /// <summary>Extra configuration for this host (applied last, so it overrides the defaults above).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // Outside Development the static web assets manifest (bootstrap, site.css) is not used by default.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Cnht", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Portal:SeedDemoData", SeedDemoData ? "true" : "false");
        // Tests read the database as soon as the host exists: it is prepared before the host listens (Program.cs).
        builder.UseSetting("Portal:InitializeInBackground", "false");
        builder.UseSetting("Security:EnforceTwoFactor", EnforceTwoFactor ? "true" : "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every test signs in from the same (absent) address: the per-address sign-in limit is generous here, and a
        // test about the limit sets the production value (Security:AuthRateLimit:PermitLimit) in Settings.
        builder.UseSetting("Security:AuthRateLimit:PermitLimit", "100000");
        builder.UseSetting("Logging:File", Path.Combine(Path.GetTempPath(), "cnht-tests", "logs", "cnht-.log"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates the demo accounts (one per role, password <see cref="UserSeeder.DemoPassword"/>).</summary>
    public async Task EnsureDemoUsersAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserSeeder>().EnsureDemoUsersAsync();
    }

    public T Scoped<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(DatabasePath + suffix);
            }
            catch (IOException)
            {
                // A file still held by the OS is left for the temp folder's own clean-up.
            }
        }
    }
}

/// <summary>One portal with demo data and demo accounts, shared by the tests of a class.</summary>
public sealed class DemoPortal : CnhtFactory, IAsyncLifetime
{
    public async Task InitializeAsync() => await EnsureDemoUsersAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
