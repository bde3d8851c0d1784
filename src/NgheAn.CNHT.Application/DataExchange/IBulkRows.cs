namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Opens a writer that appends new rows straight to the database inside the import's open transaction (ADR 0200), or
/// answers null where the provider has no such path (SQL Server): the import then saves through EF in chunks.
/// </summary>
public interface IBulkRowWriter
{
    IBulkRows? Open();
}

/// <summary>
/// New entities written row by row with prepared INSERTs, each with the audit row the audit interceptor would write and
/// the created stamps it would set, with no change tracker. Keys are numbered here, above every id the table has used,
/// while the transaction holds the database's write lock; a failed insert is a <c>DbUpdateException</c>, and the
/// transaction (the caller's) then saves nothing.
/// </summary>
public interface IBulkRows : IDisposable
{
    /// <summary>Gives <paramref name="entity"/> its id now (the next free one of its table) if it has none yet.</summary>
    void AssignKey(object entity);

    /// <summary>Inserts <paramref name="entity"/> and the dependents in its collections (a proposal's history), each with its audit row.</summary>
    void Insert(object entity);

    /// <summary>
    /// Ends the writing before the transaction commits: builds again the secondary indexes of each table that was empty
    /// when the writer first wrote to it (set aside while its rows went in, ADR 0212). A failure here (a unique index the
    /// rows break) is a <c>DbUpdateException</c>. A writer disposed without this leaves its transaction fit only to be
    /// rolled back, which gives the indexes back as they were.
    /// </summary>
    void Complete();
}
