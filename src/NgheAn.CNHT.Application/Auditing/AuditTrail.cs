using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Application.Auditing;

/// <summary>One field as it was and as it is now, with the last person who changed it.</summary>
public sealed record RawChange(string Field, JsonElement Old, JsonElement New, string ChangedBy, DateTime ChangedAt);

/// <summary>
/// Reads the audit trail back. Every update of a stamped record renews its concurrency stamp and the
/// interceptor writes that change too, so the stamp a user's form carries marks exactly the version they
/// saw: the updates after it are what others changed meanwhile.
/// </summary>
public sealed class AuditTrail(IAppDbContext db)
{
    private const string StampField = "ConcurrencyStamp";

    /// <summary>
    /// What others changed since the user's version, as the user reads it: labelled fields, old → new,
    /// with names in place of ids. Technical fields (stamps, search text, who/when stamps) are left out.
    /// </summary>
    public async Task<IReadOnlyList<FieldChange>> DescribeChangesSinceAsync(string entityType, int id, Guid stamp, CancellationToken ct = default)
    {
        var raw = await ChangesSinceAsync(entityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), stamp, ct);
        var changes = new List<FieldChange>();
        foreach (var c in raw)
        {
            if (FieldText.Label(entityType, c.Field) is not { } label)
            {
                continue;
            }

            changes.Add(new FieldChange(label, await ValueAsync(entityType, c.Field, c.Old, ct), await ValueAsync(entityType, c.Field, c.New, ct), c.ChangedBy, c.ChangedAt));
        }

        return changes;
    }

    private async Task<string> ValueAsync(string entityType, string field, JsonElement value, CancellationToken ct)
    {
        var raw = value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
        if (raw is not null && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var refId))
        {
            switch (field)
            {
                case "ContentItemId":
                    return await db.ContentItems.AsNoTracking().Where(i => i.Id == refId).Select(i => i.Code + " " + i.Name).FirstOrDefaultAsync(ct) ?? raw;
                case "LeadOrganizationId":
                    return await db.Organizations.AsNoTracking().Where(o => o.Id == refId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? raw;
                default:
                    break;
            }
        }

        return FieldText.Value(entityType, field, raw);
    }

    public async Task<IReadOnlyList<RawChange>> ChangesSinceAsync(string entityType, string entityKey, Guid stamp, CancellationToken ct = default)
    {
        var text = stamp.ToString("D");
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == entityKey && a.Action == "Update")
            .Where(a => a.Id >= db.AuditEntries
                .Where(s => s.EntityType == entityType && s.EntityKey == entityKey && s.Changes.Contains(text))
                .Min(s => (long?)s.Id))
            .OrderBy(a => a.Id)
            .Select(a => new { a.UserName, a.At, a.Changes })
            .ToListAsync(ct);

        var result = new Dictionary<string, RawChange>();
        var started = false;
        foreach (var entry in entries)
        {
            using var json = JsonDocument.Parse(entry.Changes);
            var root = json.RootElement;
            if (!started)
            {
                // The first update that moved away from the user's stamp opens the window.
                started = root.TryGetProperty(StampField, out var s) && s.ValueKind == JsonValueKind.Array
                          && s[0].ValueKind == JsonValueKind.String && string.Equals(s[0].GetString(), text, StringComparison.OrdinalIgnoreCase);
                if (!started)
                {
                    continue;
                }
            }

            foreach (var field in root.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.Array || field.Value.GetArrayLength() != 2)
                {
                    continue;
                }

                var old = result.TryGetValue(field.Name, out var earlier) ? earlier.Old : field.Value[0].Clone();
                result[field.Name] = new RawChange(field.Name, old, field.Value[1].Clone(), entry.UserName, entry.At);
            }
        }

        return result.Values.Where(c => c.Old.ToString() != c.New.ToString()).ToList();
    }
}
