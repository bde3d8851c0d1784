using Microsoft.Extensions.Caching.Memory;

namespace NgheAn.CNHT.Application.Common;

/// <summary>The database's data version: a counter every business write raises in the same transaction.</summary>
public interface IDataVersion
{
    Task<long> CurrentAsync(CancellationToken ct = default);
}

/// <summary>
/// How a write raises the data version (ADR 0214): a write that only adds ledger entries (a posting, a reversal) raises it by
/// <see cref="LedgerOnlyStep"/>, every other business write by <see cref="OtherStep"/>. The version's high part
/// (<see cref="OutsideLedger"/>) therefore changes with every write except a ledger-only one: models that read no ledger
/// entry (the program's grouping of proposals) or that add the new entries themselves (the balances' totals) are kept under
/// it and survive a posting. Any raise is a raise of the whole version, so every other cached model keeps its meaning; a
/// write path that does not know of the split raises by <see cref="OtherStep"/> (the constant the SQL uses), the safe side.
/// </summary>
public static class DataVersionSteps
{
    public const long LedgerOnlyStep = 1;

    public const long OtherStep = 1L << 32;

    /// <summary>The part of the version that only writes other than ledger-only ones raise.</summary>
    public static long OutsideLedger(long version) => version >> 32;
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

    /// <summary>See <see cref="Snapshot.GetOutsideLedgerAsync{T}"/> (ADR 0214).</summary>
    public async Task<T> GetOutsideLedgerAsync<T>(string key, Func<Task<T>> build, CancellationToken ct = default) =>
        await (await SnapshotAsync(ct)).GetOutsideLedgerAsync(key, build);

    /// <summary>
    /// The data version read once, for a read that uses several cached models (a page's filter choices and
    /// totals): one lookup instead of one per model, and all of them of the same version.
    /// </summary>
    public async Task<Snapshot> SnapshotAsync(CancellationToken ct = default) =>
        db.InTransaction ? new Snapshot(cache, null) : new Snapshot(cache, await version.CurrentAsync(ct));

    /// <summary>
    /// A snapshot keyed by a narrower counter than the data version (<paramref name="tag"/> keeps its keys apart from the
    /// version's): models that read only what that counter follows survive the writes it ignores (ADR 0227).
    /// </summary>
    public async Task<Snapshot> SnapshotUnderAsync(string tag, Func<CancellationToken, Task<long>> counter, CancellationToken ct = default) =>
        db.InTransaction ? new Snapshot(cache, null) : new Snapshot(cache, await counter(ct), tag);

    public readonly struct Snapshot
    {
        private readonly IMemoryCache _cache;
        private readonly long? _version;
        private readonly string _tag;

        internal Snapshot(IMemoryCache cache, long? version, string tag = "")
        {
            _cache = cache;
            _version = version;
            _tag = tag;
        }

        public Task<T> GetAsync<T>(string key, Func<Task<T>> build) =>
            _version is { } current ? KeepAsync($"{key}@{_tag}{current}", build) : build();

        /// <summary>
        /// A model that reads no ledger entry, kept under the version's part outside the ledger (ADR 0214): a posting or a
        /// reversal leaves it as it is, any other business write replaces it.
        /// </summary>
        public Task<T> GetOutsideLedgerAsync<T>(string key, Func<Task<T>> build) =>
            _version is { } current ? KeepAsync($"{key}@o{DataVersionSteps.OutsideLedger(current)}", build) : build();

        private async Task<T> KeepAsync<T>(string versionedKey, Func<Task<T>> build)
        {
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
