using Microsoft.Extensions.Caching.Memory;

namespace NgheAn.CNHT.Application.Common;

/// <summary>The database's data version: a counter every business write raises in the same transaction.</summary>
public interface IDataVersion
{
    Task<long> CurrentAsync(CancellationToken ct = default);
}

/// <summary>
/// Caches read models keyed by the data version: an entry is reused only while no business write has
/// happened since it was built, on any node (the version lives in the database), so cached figures are
/// never stale. Each use reads the version (one primary-key lookup). Inside an open transaction nothing
/// is cached: what it sees may never be committed.
/// </summary>
public sealed class VersionedCache(IDataVersion version, IMemoryCache cache, IAppDbContext db)
{
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> build, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await build();
        }

        var current = await version.CurrentAsync(ct);
        var versionedKey = $"{key}@{current}";
        if (cache.TryGetValue(versionedKey, out T? hit) && hit is not null)
        {
            return hit;
        }

        var value = await build();
        cache.Set(versionedKey, value, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5), Size = 1 });
        return value;
    }
}
