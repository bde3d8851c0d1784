using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>backup --out FILE. SQLite: an online backup, safe while the portal runs. SQL Server: the native command to run instead.</summary>
internal static class BackupVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        var backup = v.Get<DatabaseBackup>();
        var output = v.Require("out");
        if (!backup.IsSqlite)
        {
            Console.WriteLine(backup.SqlServerBackupCommand(output));
            return Verbs.Fail("Cơ sở dữ liệu SQL Server được sao lưu bằng lệnh BACKUP DATABASE ở trên, chạy trên máy chủ SQL (xem docs/operations.md); lệnh backup không sao lưu gì.");
        }

        var result = await backup.BackupSqliteAsync(output);
        Console.WriteLine($"Đã sao lưu cơ sở dữ liệu vào {result.Path} ({result.Bytes:N0} byte, kiểm tra toàn vẹn: ok).");
        return 0;
    }
}
