namespace NgheAn.CNHT.Domain.Common;

public abstract class Entity
{
    public int Id { get; protected set; }
}

/// <summary>
/// Business data whose every insert, update and delete is written to the audit trail, and which
/// carries who created and last changed it (filled by the persistence layer, not by pages).
/// </summary>
public interface IAuditable
{
    DateTime CreatedAt { get; }
    string CreatedBy { get; }
    DateTime? UpdatedAt { get; }
    string? UpdatedBy { get; }
}

public abstract class AuditableEntity : Entity, IAuditable
{
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    public void StampCreated(string user, DateTime utcNow)
    {
        CreatedBy = user;
        CreatedAt = utcNow;
    }

    public void StampUpdated(string user, DateTime utcNow)
    {
        UpdatedBy = user;
        UpdatedAt = utcNow;
    }
}

/// <summary>An entity edited in forms by several people: a stale save is refused, never silently overwritten.</summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; }
    void RenewConcurrencyStamp();
}
