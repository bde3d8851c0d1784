using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NgheAn.CNHT.Infrastructure.Persistence;

public sealed record BackupResult(string Path, long Bytes);

/// <summary>
/// Online backup of the SQLite database with SQLite's own backup API: it copies a consistent snapshot
/// while the portal keeps reading and writing (WAL mode never blocks the writer). SQL Server is backed up
/// with its native BACKUP DATABASE (docs/operations.md); attachments live in the database, so one backup holds everything.
/// </summary>
public sealed class DatabaseBackup(AppDbContext db)
{
    public bool IsSqlite => db.Database.IsSqlite();

    public async Task<BackupResult> BackupSqliteAsync(string destination, CancellationToken ct = default)
    {
        if (!IsSqlite)
        {
            throw new InvalidOperationException("Sao lưu trực tuyến chỉ dùng cho SQLite; SQL Server dùng lệnh BACKUP DATABASE.");
        }

        destination = Path.GetFullPath(destination);
        if (File.Exists(destination))
        {
            throw new InvalidOperationException($"Tệp {destination} đã tồn tại; chọn tên tệp khác.");
        }

        var folder = Path.GetDirectoryName(destination);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Written beside the target and renamed at the end, so a failed run never leaves a file that looks like a backup.
        var partial = destination + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);

                // A self-contained file (no -wal beside it) that can be copied anywhere; the portal turns WAL back on at start.
                await ExecuteAsync(target, "PRAGMA journal_mode=DELETE;", ct);
                var check = await ExecuteAsync(target, "PRAGMA integrity_check;", ct);
                if (!string.Equals(check, "ok", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"Bản sao lưu không toàn vẹn: {check}");
                }
            }

            File.Move(partial, destination);
            return new BackupResult(destination, new FileInfo(destination).Length);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The native T-SQL backup of the portal's SQL Server database to a file on the server.</summary>
    public string SqlServerBackupCommand(string file)
    {
        var name = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(db.Database.GetConnectionString()).InitialCatalog;
        if (string.IsNullOrEmpty(name))
        {
            name = "Cnht";
        }

        return $"BACKUP DATABASE [{name.Replace("]", "]]", StringComparison.Ordinal)}] TO DISK = N'{file.Replace("'", "''", StringComparison.Ordinal)}' WITH COPY_ONLY, CHECKSUM, INIT, STATS = 10;";
    }

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }
}
