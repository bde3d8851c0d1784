using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>SQLite's plan of a query EF builds, for the tests that prove which index a page or a total reads.</summary>
internal static class QueryPlans
{
    /// <summary>EXPLAIN QUERY PLAN of a query as EF prints it (<c>.param set</c> lines, then the SQL).</summary>
    public static async Task<string> OfAsync(AppDbContext db, string printed)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new List<string>();
            foreach (var line in printed.Split('\n'))
            {
                if (line.StartsWith(".param set ", StringComparison.Ordinal))
                {
                    var parts = line[".param set ".Length..].Trim().Split(' ', 2);
                    var raw = parts[1];
                    object value = raw.StartsWith('\'') ? raw[1..^1].Replace("''", "'", StringComparison.Ordinal) : long.Parse(raw, CultureInfo.InvariantCulture);
                    command.Parameters.AddWithValue(parts[0], value);
                }
                else
                {
                    sql.Add(line);
                }
            }

            command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql).Trim();
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(3));
            }

            return string.Join("\n", rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
