using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Seeding;

/// <summary>Applies migrations and the reference catalog. Safe to run any number of times.</summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    CatalogSeeder catalog,
    IKeyManager keyManager,
    IOptions<KeyManagementOptions> keyOptions,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never block the writer, and a crash loses no committed write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // Refresh the planner's statistics where they are stale, so it keeps choosing the covering indexes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", ct);
        }

        await catalog.EnsureAsync(ct);
        await Geography.AdministrativeMapSeeder.EnsureAsync(db, logger, ct);
        await RequiredDocumentSeeder.EnsureAsync(db, logger, ct);
        await FillSearchTextAsync(ct);
        EnsureDataProtectionKey();
    }

    /// <summary>
    /// Rows written before migration ProposalSearch have an empty search column; the folding is C#
    /// (no SQL function strips Vietnamese marks on both providers), so it is filled here, once.
    /// </summary>
    private async Task FillSearchTextAsync(CancellationToken ct)
    {
        var proposals = await db.Proposals.Where(p => p.SearchText == "").ToListAsync(ct);
        var organizations = await db.Organizations.Where(o => o.SearchText == "").ToListAsync(ct);
        if (proposals.Count + organizations.Count == 0)
        {
            return;
        }

        proposals.ForEach(p => p.RefreshSearchText());
        organizations.ForEach(o => o.RefreshSearchText());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Search text filled for {Proposals} proposal(s) and {Organizations} organization(s)", proposals.Count, organizations.Count);
    }

    /// <summary>
    /// Creates the first data-protection key (cookies, antiforgery) here, before any web node starts. Nodes
    /// started together against an empty key table would otherwise each create a key of their own, and a
    /// cookie issued by one would be refused by the others until their key rings refresh (ADR 0051).
    /// </summary>
    private void EnsureDataProtectionKey()
    {
        var now = clock.GetUtcNow();
        if (keyManager.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now))
        {
            return;
        }

        var key = keyManager.CreateNewKey(now, now + keyOptions.Value.NewKeyLifetime);
        logger.LogInformation("Created data-protection key {KeyId}, valid until {Expiration:yyyy-MM-dd}", key.KeyId, key.ExpirationDate);
    }
}
