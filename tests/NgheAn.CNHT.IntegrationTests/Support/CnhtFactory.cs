using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
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
        _ownsDatabasePath = databasePath is null;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "cnht-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        // Outside Development the sign-in cookie is Secure whatever the scheme: test clients speak HTTPS to the
        // in-memory server, as browsers do to the proxy in production.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    private readonly bool _ownsDatabasePath;

    /// <summary>
    /// A database that a first host of this test process migrated (and, for <see cref="SeedDemoData"/>, seeded) through
    /// the app's own start-up, without its data-protection key. A new host starts from a copy of it instead of running
    /// the forty-odd migrations and the seeding again: its own start-up still runs (migrations up to date, seeders find
    /// their rows, a key of its own is created), so what it holds is what a fresh start gives. Tests about migrations
    /// or start-up pass a database path or settings of their own and never get a copy.
    /// </summary>
    private static readonly Lazy<string> SeededTemplate = new(() => BuildTemplate(seedDemoData: true));
    private static readonly Lazy<string> BareTemplate = new(() => BuildTemplate(seedDemoData: false));

    /// <summary>False for the host that builds a template, and for a test that wants the whole first start.</summary>
    public bool StartFromTemplate { get; init; } = true;

    /// <summary>True to keep the database file when the host is disposed (a test that reads what a stopped portal left).</summary>
    public bool KeepDatabase { get; init; }

    private static readonly string[] StartUpSettings = ["Portal:MigrateOnStartup", "Portal:InitializeInBackground", "Portal:SeedDemoData", "Database:", "ConnectionStrings:"];

    private static string BuildTemplate(bool seedDemoData)
    {
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"template-{(seedDemoData ? "demo" : "bare")}-{Guid.NewGuid():N}.db");
        using (var first = new CnhtFactory(seedDemoData, path) { StartFromTemplate = false, KeepDatabase = true })
        {
            _ = first.Services;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Each host keeps a key ring of its own, as two fresh databases would.
            command.CommandText = "DELETE FROM DataProtectionKeys; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(path + suffix);
                }
                catch (IOException)
                {
                }
            }
        };
        return path;
    }

    /// <summary>
    /// Copies this test process's migrated database (<paramref name="seedDemoData"/>: with the sample table of
    /// <c>DemoDataSeeder</c>, as a start with <c>Portal:SeedDemoData</c> leaves it) to <paramref name="path"/>: for a test
    /// that runs the executable on a prepared database, without a process of its own to migrate or seed it first.
    /// </summary>
    public static void CopyTemplate(string path, bool seedDemoData) => File.Copy((seedDemoData ? SeededTemplate : BareTemplate).Value, path);

    public bool SeedDemoData { get; }
    public string DatabasePath { get; }
    public string ConnectionString => $"Data Source={DatabasePath}";
    public string Environment { get; protected init; } = "Testing";

    /// <summary>Two-factor for Admin and DoitLeader is off in tests unless a test is about it.</summary>
    public bool EnforceTwoFactor { get; init; }

    /// <summary>
    /// False to hash passwords with Identity's production work factor (PBKDF2, 100.000 iterations). By default a test
    /// host hashes with one iteration: the same hasher, format and checks, without the deliberate slowness, which cost
    /// a fifth of the integration tests' processor time (every host creates its demo accounts, every test signs in).
    /// A test about the cost itself (the timing of failed sign-ins) turns it off.
    /// </summary>
    public bool FastPasswordHashing { get; init; } = true;

    /// <summary>Extra configuration for this host (applied last, so it overrides the defaults above).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_ownsDatabasePath && StartFromTemplate && !File.Exists(DatabasePath)
            && !Settings.Keys.Any(k => StartUpSettings.Any(s => k.StartsWith(s, StringComparison.OrdinalIgnoreCase))))
        {
            File.Copy((SeedDemoData ? SeededTemplate : BareTemplate).Value, DatabasePath);
        }

        builder.UseEnvironment(Environment);
        // Outside Development the static web assets manifest (bootstrap, site.css) is not used by default.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Cnht", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Portal:SeedDemoData", SeedDemoData ? "true" : "false");
        // Tests read the database as soon as the host exists: it is prepared before the host listens (Program.cs).
        builder.UseSetting("Portal:InitializeInBackground", "false");
        // No background rendering of downloads after the start (ADR 0233) unless a test is about it.
        builder.UseSetting("Portal:WarmDownloadsAfterStart", "false");
        // Nor of pages (ADR 0240): hundreds of hosts start in a run.
        builder.UseSetting("Portal:WarmPagesAfterStart", "false");
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

        if (FastPasswordHashing)
        {
            builder.ConfigureServices(services => services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = 1));
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
        foreach (var suffix in KeepDatabase ? Array.Empty<string>() : ["", "-wal", "-shm"])
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
