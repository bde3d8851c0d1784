namespace NgheAn.CNHT.Application.Disbursements;

/// <summary>One row of the log of changes to the proposals, the catalog and the lead units (ADR 0226, 0227).</summary>
/// <param name="Id">The row's id: handed out in commit order.</param>
/// <param name="ProposalId">The proposal added, written or deleted; null for a change of the catalog (a program, a group,
/// an item); 0 for a change of a lead unit (an organization).</param>
public sealed record BalanceInputChange(long Id, int? ProposalId);

/// <summary>
/// The log of changes to the proposals, the catalog and the lead units, written by database triggers in the same
/// statement as the change (migration <c>Issue21LedgerAfterChange</c>, ADR 0226): every write path (a form, an import's
/// bulk rows, a command-line fix, raw SQL) is in it, so a kept figure that reads it can tell a write that changed none of
/// them (a posting, a message, an account, a notification) from one that did, and which proposals it touched.
/// </summary>
public interface IBalanceInputChanges
{
    /// <summary>The newest row's id (0 while the log is empty).</summary>
    Task<long> TopAsync(CancellationToken ct = default);

    /// <summary>The rows after <paramref name="afterId"/>, oldest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<BalanceInputChange>> AfterAsync(long afterId, int take, CancellationToken ct = default);
}
