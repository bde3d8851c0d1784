using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Access;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, string CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt, string? RevokedBy);

/// <summary>A key just issued: the only moment its secret exists outside the caller's hands.</summary>
public sealed record IssuedApiKey(ApiKeyRow Key, string Secret);

/// <summary>The caller a valid key stands for.</summary>
public sealed record ApiKeyIdentity(int Id, string Name, string Prefix);

/// <summary>
/// Read-only API keys for other systems (docs/decisions/0043-api-keys.md): 32 random bytes, shown once,
/// stored only as their SHA-256 hash; an Admin issues and revokes them; a revoked key is refused at once.
/// </summary>
public sealed class ApiKeyService(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public const string SecretPrefix = "cnht_";
    private static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt, k.RevokedBy))
            .ToListAsync(ct);

    public async Task<IssuedApiKey> IssueAsync(string name, CancellationToken ct)
    {
        EnsureAdmin();
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey(name, secret[..12], Hash(secret), currentUser.Actor, clock.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(new ApiKeyRow(key.Id, key.Name, key.Prefix, key.CreatedBy, key.CreatedAt, null, null, null), secret);
    }

    public async Task RevokeAsync(int id, CancellationToken ct)
    {
        EnsureAdmin();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Không tìm thấy khóa API.");
        key.Revoke(currentUser.Actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The active key with this secret, or null. Notes the use (at most every few minutes, without the audit trail).</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret.Trim());
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Prefix, k.LastUsedAt })
            .FirstOrDefaultAsync(ct);
        if (key is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt.Value > UsageResolution)
        {
            // A usage stamp is not a business change: written directly, not through the audit trail.
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }

        return new ApiKeyIdentity(key.Id, key.Name, key.Prefix);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private void EnsureAdmin()
    {
        if (!currentUser.Actor.IsIn(Roles.Admin))
        {
            throw new DomainException("Chỉ Quản trị hệ thống được cấp và thu hồi khóa API.");
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
