using System.Text.Json;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Deployment;

/// <summary>
/// docker-compose.yml (+ docker-compose.tls.yml) checked by docker-compose itself: no engine runs here,
/// but `docker-compose config` validates the file against the Compose schema, interpolates .env, merges
/// the override, and prints the model that `up` would run, which these tests then read.
/// </summary>
public sealed class ComposeFileTests
{
    private static async Task<Tool.Result> ComposeAsync(string envFile, params string[] args)
    {
        string[] files = ["-f", RepositoryFiles.PathOf("docker-compose.yml")];
        if (args.Contains("--tls"))
        {
            files = [.. files, "-f", RepositoryFiles.PathOf("docker-compose.tls.yml")];
            args = args.Where(a => a != "--tls").ToArray();
        }

        var psi = Tool.StartInfo("docker-compose", ["--env-file", envFile, .. files, .. args]);
        // Only the env file given counts: a developer's shell or .env must not make the test pass.
        foreach (var name in new[] { "MSSQL_SA_PASSWORD", "MSSQL_PID", "CNHT_PROXY_SUBNET", "CNHT_IMAGE", "COMPOSE_FILE", "COMPOSE_PROJECT_NAME" })
        {
            psi.Environment.Remove(name);
        }

        return await Tool.RunAsync(psi, "docker-compose");
    }

    private static string ExampleEnv => RepositoryFiles.PathOf(".env.example");

    /// <summary>The merged model as JSON (docker-compose 1.x prints YAML; Debian's docker-compose brings python3-yaml).</summary>
    private static async Task<JsonElement> ModelAsync(params string[] args)
    {
        var yaml = await ComposeAsync(ExampleEnv, [.. args, "config"]);
        Assert.True(yaml.ExitCode == 0, yaml.Output);
        var json = await Tool.RunAsync(Tool.StartInfo("python3", ["-c", "import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"]),
            "python3-yaml", yaml.StdOut);
        Assert.True(json.ExitCode == 0, json.Output);
        return JsonDocument.Parse(json.StdOut).RootElement.Clone();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Docker_compose_config_q_accepts_the_stack_with_the_example_env(bool tls)
    {
        var result = tls ? await ComposeAsync(ExampleEnv, "--tls", "config", "-q") : await ComposeAsync(ExampleEnv, "config", "-q");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task The_stack_refuses_to_start_without_a_database_password()
    {
        var empty = Path.Combine(Path.GetTempPath(), "cnht-tests", $"empty-{Guid.NewGuid():N}.env");
        Directory.CreateDirectory(Path.GetDirectoryName(empty)!);
        await File.WriteAllTextAsync(empty, "");
        try
        {
            var result = await ComposeAsync(empty, "config", "-q");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("set MSSQL_SA_PASSWORD in .env", result.Output);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task Web_nodes_can_be_scaled_and_wait_for_a_healthy_database_and_a_finished_migration()
    {
        var services = (await ModelAsync()).GetProperty("services");
        var web = services.GetProperty("web");

        // --scale web=3 needs no fixed container name and no host port on the nodes; nginx is the only way in.
        Assert.False(web.TryGetProperty("container_name", out _));
        Assert.False(web.TryGetProperty("ports", out _));
        Assert.Equal("service_healthy", web.GetProperty("depends_on").GetProperty("db").GetProperty("condition").GetString());
        Assert.Equal("service_completed_successfully", web.GetProperty("depends_on").GetProperty("migrate").GetProperty("condition").GetString());

        var env = web.GetProperty("environment");
        Assert.Equal("SqlServer", env.GetProperty("Database__Provider").GetString());
        Assert.Equal("false", env.GetProperty("Portal__MigrateOnStartup").GetString());
        Assert.Equal("json", env.GetProperty("Logging__Format").GetString());
        Assert.Equal("", env.GetProperty("Logging__File").GetString());
        Assert.Contains("Server=db;Database=Cnht;", env.GetProperty("ConnectionStrings__Cnht").GetString());

        // Read-only root file system; the data folder is a named volume shared by every node.
        Assert.True(web.GetProperty("read_only").GetBoolean());
        Assert.Contains(web.GetProperty("volumes").EnumerateArray(), v => v.GetString()!.StartsWith("portaldata:/app/App_Data", StringComparison.Ordinal));

        var migrate = services.GetProperty("migrate");
        Assert.Equal("migrate", Assert.Single(migrate.GetProperty("command").EnumerateArray()).GetString());
        Assert.Equal("service_healthy", migrate.GetProperty("depends_on").GetProperty("db").GetProperty("condition").GetString());
        Assert.Equal(web.GetProperty("image").GetString(), migrate.GetProperty("image").GetString());
        Assert.Equal("SqlServer", migrate.GetProperty("environment").GetProperty("Database__Provider").GetString());
    }

    [Fact]
    public async Task The_portal_trusts_forwarded_headers_from_exactly_the_proxy_network()
    {
        var model = await ModelAsync();
        var subnet = model.GetProperty("networks").GetProperty("frontend").GetProperty("ipam").GetProperty("config")[0].GetProperty("subnet").GetString();
        Assert.Equal("172.30.80.0/24", subnet);
        var web = model.GetProperty("services").GetProperty("web");
        Assert.Equal(subnet, web.GetProperty("environment").GetProperty("ForwardedHeaders__KnownNetworks__0").GetString());

        // The proxy sits on the front network only: it cannot reach the database.
        var proxyNetworks = model.GetProperty("services").GetProperty("proxy").GetProperty("networks").EnumerateObject().Select(n => n.Name);
        Assert.Equal(["frontend"], proxyNetworks);
        Assert.True(model.GetProperty("networks").GetProperty("backend").GetProperty("internal").GetBoolean());
    }

    [Fact]
    public async Task The_database_keeps_its_data_and_backups_in_named_volumes_and_reports_health_with_sqlcmd()
    {
        var db = (await ModelAsync()).GetProperty("services").GetProperty("db");
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", db.GetProperty("image").GetString());
        var volumes = db.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains(volumes, v => v!.StartsWith("sqldata:/var/opt/mssql", StringComparison.Ordinal));
        Assert.Contains(volumes, v => v!.StartsWith("sqlbackup:/var/opt/mssql/backup", StringComparison.Ordinal));
        Assert.False(db.TryGetProperty("ports", out _));
        var test = string.Join(" ", db.GetProperty("healthcheck").GetProperty("test").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("/opt/mssql-tools18/bin/sqlcmd", test);
        Assert.Contains("SELECT 1", test);
    }

    [Fact]
    public async Task With_tls_the_proxy_serves_https_with_the_certificates_folder()
    {
        var proxy = (await ModelAsync("--tls")).GetProperty("services").GetProperty("proxy");
        var volumes = proxy.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Contains(volumes, v => v.EndsWith("deploy/nginx/https.conf:/etc/nginx/conf.d/default.conf:ro", StringComparison.Ordinal));
        Assert.DoesNotContain(volumes, v => v.Contains("http.conf:", StringComparison.Ordinal));
        Assert.Contains(volumes, v => v.EndsWith("deploy/nginx/certs:/etc/nginx/certs:ro", StringComparison.Ordinal));
        // nginx's own Vietnamese error pages (413, 502-504) stay mounted with TLS on.
        Assert.Contains(volumes, v => v.EndsWith("deploy/nginx/errors:/etc/nginx/cnht/errors:ro", StringComparison.Ordinal));
        Assert.Contains(proxy.GetProperty("ports").EnumerateArray(), p => p.GetProperty("target").GetInt32() == 443);
    }
}
