using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// Registers <see cref="Collations.Vietnamese"/> on every SQLite connection as it opens, with .NET's vi-VN
/// comparison (ICU): case-insensitive, accent-sensitive, Đ after D, Ă and Â after A. SQL Server has the
/// collation of that name built in, so the interceptor leaves other connections alone.
/// </summary>
public sealed class VietnameseCollationInterceptor : DbConnectionInterceptor
{
    public static VietnameseCollationInterceptor Instance { get; } = new();

    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The order of the collation, also for sorting in memory the same way.</summary>
    public static int Compare(string? x, string? y) => Vietnamese.Compare(x, y, CompareOptions.IgnoreCase);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateCollation(Collations.Vietnamese, Compare);
        }
    }
}
