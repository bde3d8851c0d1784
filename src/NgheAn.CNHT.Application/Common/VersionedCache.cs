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
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> build, CancellationToken ct = default) =>
        await (await SnapshotAsync(ct)).GetAsync(key, build);

    /// <summary>
    /// The data version read once, for a read that uses several cached models (a page's filter choices and
    /// totals): one lookup instead of one per model, and all of them of the same version.
    /// </summary>
    public async Task<Snapshot> SnapshotAsync(CancellationToken ct = default) =>
        db.InTransaction ? new Snapshot(cache, null) : new Snapshot(cache, await version.CurrentAsync(ct));

    public readonly struct Snapshot
    {
        private readonly IMemoryCache _cache;
        private readonly long? _version;

        internal Snapshot(IMemoryCache cache, long? version)
        {
            _cache = cache;
            _version = version;
        }

        public async Task<T> GetAsync<T>(string key, Func<Task<T>> build)
        {
            if (_version is not { } current)
            {
                return await build();
            }

            var versionedKey = $"{key}@{current}";
            if (_cache.TryGetValue(versionedKey, out T? hit) && hit is not null)
            {
                return hit;
            }

            var value = await build();
            _cache.Set(versionedKey, value, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5), Size = 1 });
            return value;
        }
    }
}
