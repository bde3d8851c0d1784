using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Access;

/// <summary>A read-only API key for another system. Only its SHA-256 hash is stored; the key is shown once.</summary>
public sealed class ApiKey : Entity
{
    private ApiKey() { }

    public ApiKey(string name, string prefix, string hash, Actor actor, DateTime utcNow)
    {
        Name = Guard.Required(name, "Tên khóa", 200, nameof(Name));
        Prefix = prefix;
        Hash = hash;
        CreatedBy = actor.UserName;
        CreatedAt = utcNow;
    }

    public string Name { get; private set; } = "";
    /// <summary>The first characters of the key, to recognise it in lists.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(Actor actor, DateTime utcNow)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("Khóa đã bị thu hồi trước đó.");
        }

        RevokedAt = utcNow;
        RevokedBy = actor.UserName;
    }
}
