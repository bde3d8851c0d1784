using System.Net;
using System.Text.Json;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>/health/live and /health/ready answer anonymous probes with the truth about the node and its database.</summary>
public sealed class HealthTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Live_and_ready_answer_anonymous_probes_when_the_database_is_migrated()
    {
        var client = portal.NewClient();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        // Its body written as text (ADR 0242), as the other answers are: JSON, never cached, the security headers.
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{}}", await live.Content.ReadAsStringAsync());
        Assert.Equal("no-store", live.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", live.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/live"))).StatusCode);

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_unavailable_while_migrations_are_pending_but_live_stays_up()
    {
        using var unmigrated = new CnhtFactory(seedDemoData: false) { Settings = { ["Portal:MigrateOnStartup"] = "false" } };
        var client = unmigrated.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var migrations = json.RootElement.GetProperty("checks").GetProperty("migrations");
        Assert.Equal("Unhealthy", migrations.GetProperty("status").GetString());
        Assert.Contains("chạy lệnh migrate", migrations.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Ready_is_unavailable_when_sql_server_cannot_be_reached_and_names_no_server()
    {
        // Nothing listens on port 1 of the loopback address: the connection is refused at once.
        using var offline = new CnhtFactory(seedDemoData: false)
        {
            Settings =
            {
                ["Database:Provider"] = "SqlServer",
                ["ConnectionStrings:Cnht"] = "Server=tcp:127.0.0.1,1;Database=Cnht;User Id=cnht;Password=bi-mat-khong-lo;Connect Timeout=2;TrustServerCertificate=True",
                ["Portal:MigrateOnStartup"] = "false",
            },
        };
        var client = offline.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("Unhealthy", body);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("bi-mat", body);
    }
}
