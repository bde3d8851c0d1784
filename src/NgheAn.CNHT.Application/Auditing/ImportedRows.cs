using System.Globalization;

namespace NgheAn.CNHT.Application.Auditing;

/// <summary>
/// The audit trail of the rows an import writes in bulk (ADR 0212): one row per table per import, with the action
/// <see cref="Action"/>, the entity type of the table and the key "import:FIRST-LAST" (the ids the import gave that table,
/// contiguous), recording who, when, the file's name and SHA-256, and the count. An entity whose id falls in such a range
/// was created by that import: its audit history shows the import's row first.
/// </summary>
public static class ImportedRows
{
    public const string Action = "Import";
    public const string KeyPrefix = "import:";

    public const string FileField = "ImportFile";
    public const string Sha256Field = "ImportFileSha256";
    public const string FirstIdField = "FirstId";
    public const string LastIdField = "LastId";
    public const string CountField = "RowCount";

    /// <summary>The first and last ids of an import row's key, or false for any other key.</summary>
    public static bool TryRange(string entityKey, out long first, out long last)
    {
        first = last = 0;
        if (!entityKey.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var range = entityKey.AsSpan(KeyPrefix.Length);
        var dash = range.IndexOf('-');
        return dash > 0
            && long.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && long.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out last);
    }

    /// <summary>How the audit page shows an entry's key: "#12", or for an import row "#1–77.943 (77.943 bản ghi)".</summary>
    public static string KeyDisplay(string entityKey) =>
        TryRange(entityKey, out var first, out var last)
            ? $"#{first.ToString(CultureInfo.InvariantCulture)}–{last.ToString(CultureInfo.InvariantCulture)}"
            : "#" + entityKey;
}
