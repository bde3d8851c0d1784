namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Opens a writer that appends new rows straight to the database inside the import's open transaction (ADR 0200), or
/// answers null where the provider has no such path (SQL Server): the import then saves through EF in chunks.
/// </summary>
public interface IBulkRowWriter
{
    /// <summary>Opens the writer for the rows of <paramref name="file"/> (named in the import's audit rows, ADR 0212).</summary>
    IBulkRows? Open(ImportedFile file);
}

/// <summary>The file an import saves: its name and the SHA-256 of its bytes (lowercase hex; null when the stream could not be read again).</summary>
public sealed record ImportedFile(string Name, string? Sha256);

/// <summary>
/// New entities written row by row with prepared INSERTs, with the created stamps the audit interceptor would set and no
/// change tracker. Their audit trail is one row per table per import (ADR 0212): who, when, the file's name and SHA-256,
/// and the range of ids the import gave that table (contiguous: numbered here, one after the other). Keys are numbered here, above every id the table has used,
/// while the transaction holds the database's write lock; a failed insert is a <c>DbUpdateException</c>, and the
/// transaction (the caller's) then saves nothing.
/// </summary>
public interface IBulkRows : IDisposable
{
    /// <summary>Gives <paramref name="entity"/> its id now (the next free one of its table) if it has none yet.</summary>
    void AssignKey(object entity);

    /// <summary>Inserts <paramref name="entity"/> and the dependents in its collections (a proposal's history).</summary>
    void Insert(object entity);

    /// <summary>
    /// Ends the writing before the transaction commits: writes each audited table's import row (ADR 0212) and builds again the secondary indexes of each table that was empty
    /// when the writer first wrote to it (set aside while its rows went in, ADR 0213). A failure here (a unique index the
    /// rows break) is a <c>DbUpdateException</c>. A writer disposed without this leaves its transaction fit only to be
    /// rolled back, which gives the indexes back as they were.
    /// </summary>
    void Complete();
}
