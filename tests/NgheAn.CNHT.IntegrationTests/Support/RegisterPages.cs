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
