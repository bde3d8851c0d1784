namespace NgheAn.CNHT.Domain.Auditing;

/// <summary>One change to business data, written by the persistence layer for every insert, update and delete.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTime at, string userName, string entityType, string entityKey, string action, string changes)
    {
        At = at;
        UserName = userName;
        EntityType = entityType;
        EntityKey = entityKey;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string UserName { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityKey { get; private set; } = "";
    /// <summary>Insert, Update or Delete.</summary>
    public string Action { get; private set; } = "";
    /// <summary>JSON object: field → [old, new].</summary>
    public string Changes { get; private set; } = "";
}
