using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>The <c>backup</c> verb: SQLite's online backup taken from a separate process while the portal writes.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cnht-tests", $"backup-{Guid.NewGuid():N}");

    public BackupTests() => Directory.CreateDirectory(_folder);

    /// <summary>The appendix as JSON, without the moment it was generated.</summary>
    private static async Task<string> AppendixJson(CnhtFactory portal)
    {
        var report = await portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        var json = JsonNode.Parse(ReportJson.Serialize(report))!.AsObject();
        json.Remove("generatedAtUtc");
        return json.ToJsonString();
    }

    [Fact]
    public async Task A_backup_taken_while_the_portal_writes_restores_to_the_same_appendix()
    {
        using var live = new CnhtFactory();
        var appendix = await AppendixJson(live);
        Assert.Contains("\"proposalCount\":23", appendix);

        // The portal keeps writing (a lead unit a time, each with its audit entry) during the whole backup.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await live.ScopedAsync(async sp =>
                {
                    var db = sp.GetRequiredService<AppDbContext>();
                    db.Organizations.Add(new Organization($"Đơn vị ghi đồng thời {written + 1}", OrganizationKind.StateAgency, null));
                    return await db.SaveChangesAsync();
                });
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 5)
        {
            await Task.Delay(20);
        }

        var backupFile = Path.Combine(_folder, "cnht-sao-luu.db");
        var backup = await PortalProcess.RunAsync(live.DatabasePath, "Production", "backup", "--out", backupFile);
        var writtenDuringBackup = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;

        Assert.True(backup.ExitCode == 0, backup.StdErr + backup.StdOut);
        Assert.Contains("kiểm tra toàn vẹn: ok", backup.StdOut);
        Assert.False(File.Exists(backupFile + ".partial"));
        Assert.False(File.Exists(backupFile + "-wal"));

        // Restore = put the backup file where the portal expects its database (docs/operations.md).
        var restoredFile = Path.Combine(_folder, "cnht.db");
        File.Copy(backupFile, restoredFile);
        using var restored = new CnhtFactory(seedDemoData: false, databasePath: restoredFile);
        Assert.Equal(appendix, await AppendixJson(restored));

        var organizations = await restored.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Organizations
            .CountAsync(o => o.Name.StartsWith("Đơn vị ghi đồng thời")));
        // A snapshot: what was written before the backup began is in it, what came after it ended is not.
        Assert.InRange(organizations, 5, writtenDuringBackup + 1);
    }

    [Fact]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        using var live = new CnhtFactory(seedDemoData: false);
        _ = live.Server;
        var existing = Path.Combine(_folder, "da-co.db");
        await File.WriteAllTextAsync(existing, "không được ghi đè");

        var result = await PortalProcess.RunAsync(live.DatabasePath, "Production", "backup", "--out", existing);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("đã tồn tại", result.StdErr);
        Assert.Equal("không được ghi đè", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task On_sql_server_the_verb_prints_the_native_backup_command_and_backs_up_nothing()
    {
        var result = await PortalProcess.RunWithEnvironmentAsync(Path.Combine(_folder, "none.db"), "Production",
            new Dictionary<string, string?>
            {
                ["Database__Provider"] = "SqlServer",
                ["ConnectionStrings__Cnht"] = "Server=db;Database=Cnht;User Id=sa;Password=x;TrustServerCertificate=True",
            },
            "backup", "--out", "/var/opt/mssql/backup/cnht.bak");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BACKUP DATABASE [Cnht] TO DISK = N'/var/opt/mssql/backup/cnht.bak' WITH COPY_ONLY, CHECKSUM", result.StdOut);
        Assert.Contains("BACKUP DATABASE", result.StdErr);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
