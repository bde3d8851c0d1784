using Microsoft.Extensions.Caching.Memory;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>A VersionedCache with an empty cache of its own, for queries built by hand in tests: every query runs.</summary>
public static class FreshCache
{
    public static VersionedCache For(IAppDbContext db) => new(new Fixed(), new MemoryCache(new MemoryCacheOptions()), db);

    private sealed class Fixed : IDataVersion
    {
        public Task<long> CurrentAsync(CancellationToken ct = default) => Task.FromResult(0L);
    }
}
