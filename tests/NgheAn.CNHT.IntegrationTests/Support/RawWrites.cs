using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>A write path that says nothing of what it wrote (a bulk path, a command-line fix, another process).</summary>
internal static class RawWrites
{
    /// <summary>Runs <paramref name="sql"/> and raises the whole data version in one transaction; the rows it changed.</summary>
    public static Task<int> RunAsync(CnhtFactory portal, string sql) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var rows = await db.Database.ExecuteSqlRawAsync(sql);
            await db.Database.ExecuteSqlRawAsync(DataVersion.RaiseSql);
            await tx.CommitAsync();
            return rows;
        });
}
