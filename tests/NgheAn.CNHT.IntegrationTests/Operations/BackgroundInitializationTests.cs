using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.Infrastructure.Startup;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>
/// Portal:InitializeInBackground (issue 21, cold start; ADR 0105 and its addendum): the portal answers /health/live before
/// the database is prepared, a page requested meanwhile waits for the migrations and the catalog instead of meeting an
/// empty database, and the data-protection key ring is not read before its table exists.
/// </summary>
public sealed partial class BackgroundInitializationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_page_requested_while_the_database_is_prepared_in_the_background_waits_and_finds_it_ready()
    {
        await using var portal = new CnhtFactory(seedDemoData: false)
        {
            Settings = { ["Portal:InitializeInBackground"] = "true" },
        };
        var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        // The sign-in page and the readiness check need the database: they answer once it is migrated and seeded.
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Empty(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync()));
        Assert.True(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.AnyAsync()));
    }

    [Fact]
    public async Task The_key_ring_is_read_through_the_schema_gate_and_its_start_up_warm_up_waits_for_it()
    {
        await using var portal = new CnhtFactory(seedDemoData: false);
        var services = portal.Services;

        Assert.IsType<GatedXmlRepository>(services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        var hosted = services.GetServices<IHostedService>().ToList();
        Assert.DoesNotContain(hosted, h => h.GetType().FullName == StartupGateSetup.DataProtectionWarmUp);
        Assert.Contains(hosted, h => h is GatedStartupWork w && w.Inner.GetType().FullName == StartupGateSetup.DataProtectionWarmUp);
        // Prepared before listening (the tests' setting): the gate was never held.
        Assert.True(services.GetRequiredService<DatabaseGate>().IsOpen);
    }

    [Fact]
    public async Task The_gate_holds_everyone_but_the_preparation_and_hands_a_failure_to_those_waiting()
    {
        var gate = new DatabaseGate();
        Assert.True(gate.IsOpen);
        gate.Hold();
        var waiting = gate.WaitAsync();
        var release = new TaskCompletionSource();
        var preparation = gate.PrepareAsync(async () =>
        {
            // The preparation itself passes (it creates the first key after its migrations).
            gate.Wait();
            await gate.WaitAsync();
            await release.Task;
        });
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.False(gate.IsOpen);
        release.SetResult();
        await preparation;
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(gate.IsOpen);

        var failing = new DatabaseGate();
        failing.Hold();
        var blocked = failing.WaitAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.PrepareAsync(() => throw new InvalidOperationException("no database")));
        Assert.Throws<InvalidOperationException>(failing.Wait);
        Assert.True(blocked.IsFaulted);
    }

    /// <summary>
    /// The real executable, as <c>dotnet run</c> starts it (Development, the default settings: background start on), on a
    /// file that does not exist yet: it logs no error and no exception, the first page after the gate answers 200 and sets
    /// the sign-in cookie, and that cookie still opens a page after the portal is stopped and started again (its key was
    /// stored in the database, not in memory).
    /// </summary>
    [Fact]
    public async Task A_fresh_database_started_in_the_background_logs_no_error_and_its_first_cookie_survives_a_restart()
    {
        var db = Path.Combine(Path.GetTempPath(), "cnht-tests", $"fresh-background-{Guid.NewGuid():N}.db");
        var port = FreePort();
        var log = new ConcurrentQueue<string>();
        var cookies = new CookieContainer();
        try
        {
            using (var client = NewClient(port, cookies))
            {
                await RunAsync(db, port, log, async () =>
                {
                    var login = await client.GetAsync("/Account/Login");
                    Assert.Equal(HttpStatusCode.OK, login.StatusCode);
                    Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cnht.af=", StringComparison.Ordinal));

                    var signIn = await client.SignInAsync(WebPageHelpers.DemoEmails["DoitLeader"], UserSeeder.DemoPassword);
                    Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Proposals")).StatusCode);
                });
            }

            Assert.Contains(cookies.GetAllCookies(), c => c.Name == "cnht.auth");
            using (var client = NewClient(port, cookies))
            {
                await RunAsync(db, port, log, async () =>
                {
                    // Signed in with the cookie of the first run: no redirect to the sign-in page.
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Proposals")).StatusCode);
                });
            }

            var errors = log.Where(line => ErrorLine().IsMatch(line) || line.Contains("Exception", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "The start logged errors:\n" + string.Join('\n', errors));
            Assert.Contains(log, line => line.Contains("Created data-protection key", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var line in log)
            {
                output.WriteLine(line);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }
    }

    /// <summary>Serilog's console line of an error or a fatal event: "[07:12:03 ERR] ...".</summary>
    [GeneratedRegex(@"\[\d\d:\d\d:\d\d (ERR|FTL)\]")]
    private static partial Regex ErrorLine();

    private static HttpClient NewClient(int port, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            // A page waits at the gate while the database is prepared: a minute or more on the loaded shared machine.
            Timeout = TimeSpan.FromMinutes(5),
        };

    /// <summary>Starts the portal, waits for /health/live, runs <paramref name="use"/>, then stops it as a service manager would (SIGTERM).</summary>
    private async Task RunAsync(string db, int port, ConcurrentQueue<string> log, Func<Task> use)
    {
        var psi = PortalProcess.StartInfo(db, "Development", "--urls", $"http://127.0.0.1:{port}");
        psi.Environment.Remove("Portal__InitializeInBackground");
        // The whole start, its warm-ups with it: a fresh database's first start must log no error in any of them.
        psi.Environment.Remove(PortalProcess.WarmPages);
        psi.Environment.Remove(PortalProcess.WarmDownloads);
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var started = Stopwatch.StartNew();
            await Poll.UntilAsync(async () =>
            {
                try
                {
                    return (await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(120), $"the portal on port {port} did not answer /health/live");
            output.WriteLine($"/health/live answered {started.ElapsedMilliseconds} ms after the start");
            await use();
        }
        finally
        {
            if (!process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            process.WaitForExit();
            log.Enqueue($"-- exit code {process.ExitCode}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
