using System.Text.Json;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>Containers log compact JSON to the console and write no file; elsewhere a daily rolling file is kept.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cnht-tests", $"logs-{Guid.NewGuid():N}");

    /// <summary>
    /// A database file the test process already migrated: `migrate` then logs its start (the database in use) and
    /// finds nothing to apply, which is what these tests read, without a process of its own applying every migration.
    /// </summary>
    private string MigratedDatabase()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "cnht.db");
        CnhtFactory.CopyTemplate(path, seedDemoData: false);
        return path;
    }

    [Fact]
    public async Task Json_format_writes_one_json_event_per_line_to_the_console_and_no_file()
    {
        var database = MigratedDatabase();
        var result = await PortalProcess.RunWithEnvironmentAsync(database, "Production",
            new Dictionary<string, string?> { ["Logging__Format"] = "json", ["Logging__File"] = "" }, "migrate");
        Assert.True(result.ExitCode == 0, result.StdErr);

        var events = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        Assert.Contains(events, e => e.TryGetProperty("@mt", out var mt) && mt.GetString() == "Database: {Provider}, {Location}"
            && e.GetProperty("Location").GetString() == $"file {database}");
        Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _)));
        Assert.False(Directory.Exists(Path.Combine(_folder, "logs")));
    }

    [Fact]
    public async Task Text_format_keeps_a_daily_rolling_file()
    {
        var file = Path.Combine(_folder, "logs", "cnht-.log");
        var database = MigratedDatabase();
        var result = await PortalProcess.RunWithEnvironmentAsync(database, "Production",
            new Dictionary<string, string?> { ["Logging__File"] = file }, "migrate");
        Assert.True(result.ExitCode == 0, result.StdErr);

        var written = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "logs"), "cnht-*.log"));
        Assert.Matches(@"cnht-\d{8}\.log$", written);
        var text = await File.ReadAllTextAsync(written);
        Assert.Contains("[INF] Database: \"Sqlite\", file ", text);
        Assert.Contains(database, text);
        Assert.DoesNotContain("\"@mt\"", result.StdOut);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
