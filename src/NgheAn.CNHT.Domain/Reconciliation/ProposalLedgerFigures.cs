using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Domain.Reconciliation;

/// <summary>
/// What the reconciliation needs to know of one proposal's ledger, kept by the database in the same statement as every
/// write that changes it (ADR 0220): triggers on the ledger (an insert adds the entry; a reversal recomputes the live
/// advance and final dates from the proposal's entries) and on the proposal (its status and ceilings are copied here).
/// A row exists for every proposal with at least one ledger entry. Nothing in the application writes it.
/// <see cref="OverCeiling"/> and <see cref="OpenAdvance"/> are computed columns, so each check reads only the proposals
/// that fail it, from an index, instead of summing every proposal's entries after a change.
/// </summary>
public sealed class ProposalLedgerFigures
{
    private ProposalLedgerFigures() { }

    public int ProposalId { get; private set; }
    public int ProgramId { get; private set; }

    /// <summary>The proposal's status (copied from the proposal).</summary>
    public ProposalStatus Status { get; private set; }

    /// <summary>The counted provincial share: settled, else approved, else 0 (copied from the proposal).</summary>
    public decimal ProvincialCeiling { get; private set; }

    /// <summary>The counted total cost less the counted provincial share (copied from the proposal).</summary>
    public decimal OtherCeiling { get; private set; }

    /// <summary>How many entries of the provincial budget (every kind, reversals and recoveries included).</summary>
    public int ProvincialCount { get; private set; }

    /// <summary>The signed sum of those entries.</summary>
    public decimal Provincial { get; private set; }

    /// <summary>How many entries of the other sources (counterpart, other).</summary>
    public int OtherCount { get; private set; }

    /// <summary>The signed sum of those entries.</summary>
    public decimal Other { get; private set; }

    /// <summary>The date of the last live advance (not reversed), if any.</summary>
    public DateOnly? LastAdvanceDate { get; private set; }

    /// <summary>The sum of the live advances.</summary>
    public decimal Advanced { get; private set; }

    /// <summary>The date of the last live payment or settlement entry, if any.</summary>
    public DateOnly? LastFinalDate { get; private set; }

    /// <summary>1 when a source's entries sum above its ceiling, else 0 (computed by the database).</summary>
    public int OverCeiling { get; private set; }

    /// <summary>1 when settled with a live advance after the last live payment or settlement entry, else 0 (computed by the database).</summary>
    public int OpenAdvance { get; private set; }
}
