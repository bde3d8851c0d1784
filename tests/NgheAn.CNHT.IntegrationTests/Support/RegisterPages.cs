using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>What the register's sort tests share: a table's columns (to copy rows with raw SQL), every page's codes.</summary>
internal static partial class RegisterPages
{
    /// <summary>The columns of <paramref name="table"/>, as SQLite lists them (for copying rows with raw SQL).</summary>
    public static Task<List<string>> ColumnsAsync(CnhtFactory portal, string table) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var names = new List<string>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        });

    /// <summary>
    /// One <c>INSERT … SELECT</c> per copy of a proposal (raw SQL, as any writer makes it): every column but the id copied
    /// from the proposal <c>Source</c>, except those <c>Value</c> gives (an SQL literal or expression, null to copy); each
    /// copy gets a new concurrency stamp unless <c>Value</c> gives one.
    /// </summary>
    public static string CopyProposalsSql(IReadOnlyList<string> columns, IEnumerable<(int Source, Func<string, string?> Value)> copies)
    {
        var copied = columns.Where(c => c is not "Id").ToList();
        var names = string.Join(", ", copied.Select(c => $"\"{c}\""));
        var sql = new System.Text.StringBuilder();
        foreach (var (source, value) in copies)
        {
            var values = copied.Select(c => value(c) ?? (c == "ConcurrencyStamp" ? $"'{Guid.NewGuid():N}'" : $"\"{c}\""));
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO \"Proposals\" ({names}) SELECT {string.Join(", ", values)} FROM \"Proposals\" WHERE \"Id\" = {source};");
        }

        return sql.ToString();
    }

    /// <summary>The codes of every page of the register at <paramref name="query"/>, in order, until a page is not full.</summary>
    public static async Task<List<string>> EveryPageAsync(HttpClient client, string query)
    {
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = await client.GetStringAsync($"/Proposals?{query}&page={page}");
            var rows = RowRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
            codes.AddRange(rows);
            if (rows.Count < ProposalQueries.PageSize)
            {
                return codes;
            }
        }
    }

    [GeneratedRegex("<tr data-code=\"([^\"]+)\"")]
    private static partial Regex RowRegex();
}
