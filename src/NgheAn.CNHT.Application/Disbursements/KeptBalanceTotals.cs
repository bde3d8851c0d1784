using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;

namespace NgheAn.CNHT.Application.Disbursements;

/// <summary>
/// The balances' totals of the ledger page (<see cref="LedgerQueries.BalanceTotalsAsync"/>), kept per filter and brought up
/// to date per posting (ADR 0214): they depend on the proposals (which are balanced, which are still open, their approved
/// or settled figures) and on the ledger entries of the balanced ones. Ledger entries are append-only with ids in commit
/// order (ADR 0104), and a write that only adds entries leaves the data version's part outside the ledger
/// (<see cref="DataVersionSteps.OutsideLedger"/>) as it was: while that part is unchanged, the entries above the
/// watermark the totals were built at (a primary-key range, a handful of rows) are added to them, each to the balanced
/// proposal it belongs to, and its advances to the outstanding ones while the proposal is open. Any other write (a status
/// change, a settlement, an import, a catalog edit) builds them again in full. One instance per process; each node reads
/// the version and the new entries from the shared database, so it never shows a figure older than the last commit.
/// </summary>
public sealed class KeptBalanceTotals : IDisposable
{
    /// <summary>Above this many new ids (a bulk posting) the totals are built again rather than read entry by entry.</summary>
    private const int DeltaLimit = 5_000;

    /// <summary>
    /// The filters are typed into the address (a program and a group code): at most this many are kept, so made-up codes
    /// cannot grow the process. A program and its real groups are a few dozen.
    /// </summary>
    private const int MaxKept = 128;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Kept> _kept = [];

    /// <summary>
    /// A full build: the totals, the balanced proposals of the filter (id → still open, i.e. not settled) with their
    /// program, and per program the ledger id up to which its entries are counted.
    /// </summary>
    public sealed record Build(BalanceTotals Totals, IReadOnlyDictionary<int, bool> Balanced, IReadOnlyDictionary<int, int> UpToIdByProgram);

    private sealed class Kept(long outside, Build build)
    {
        public readonly long Outside = outside;
        public readonly IReadOnlyDictionary<int, bool> Balanced = build.Balanced;
        public readonly Dictionary<int, int> UpTo = new(build.UpToIdByProgram);
        public BalanceTotals Totals = build.Totals;
    }

    /// <summary>How many times totals were built in full (every filter and program); a posting builds none (tests).</summary>
    public int FullBuilds => Volatile.Read(ref _fullBuilds);

    private int _fullBuilds;

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The totals kept under <paramref name="key"/> (the filter without year, source and kind), the new entries added;
    /// built by <paramref name="build"/> when none are kept or anything outside the ledger changed since.
    /// </summary>
    public async Task<BalanceTotals> GetAsync(IAppDbContext db, IDataVersion version, string key, Func<Task<Build>> build, CancellationToken ct)
    {
        // Inside an open transaction the rows read may never commit: computed afresh and not kept (as VersionedCache does).
        if (db.Database.CurrentTransaction is not null)
        {
            return (await build()).Totals;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var outside = DataVersionSteps.OutsideLedger(await version.CurrentAsync(ct));
            if (_kept.TryGetValue(key, out var kept) && kept.Outside == outside && await AddNewEntriesAsync(db, kept, ct))
            {
                return kept.Totals;
            }

            // Read the version first, then build: a write committed in between is of a newer version, and only makes the next
            // request build again.
            kept = new Kept(outside, await build());
            Interlocked.Increment(ref _fullBuilds);
            if (_kept.Count >= MaxKept && !_kept.ContainsKey(key))
            {
                _kept.Clear();
            }

            _kept[key] = kept;
            return kept.Totals;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Adds the entries committed since the totals were built or last brought up to date (ids above each program's
    /// watermark). False when there are too many to read one by one: the caller builds the totals again.
    /// </summary>
    private static async Task<bool> AddNewEntriesAsync(IAppDbContext db, Kept kept, CancellationToken ct)
    {
        if (kept.UpTo.Count == 0)
        {
            return true;
        }

        var from = kept.UpTo.Values.Min();
        var top = await db.DisbursementEntries.AsNoTracking().MaxAsync(e => (int?)e.Id, ct) ?? 0;
        if (top <= from)
        {
            return true;
        }

        if (top - from > DeltaLimit)
        {
            return false;
        }

        // By the primary key's range alone (as LedgerItemSums reads its new entries): a reversal's reversed entry by its key.
        var rows = await db.DisbursementEntries.AsNoTracking()
            .Where(e => e.Id > from && e.Id <= top)
            .Select(e => new
            {
                e.Id, e.ProgramId, e.ProposalId, e.Source, e.Kind, e.Amount,
                ReversesAdvance = e.ReversesEntryId != null && db.DisbursementEntries.Any(o => o.Id == e.ReversesEntryId && o.Kind == DisbursementKind.Advance),
            })
            .ToListAsync(ct);
        var t = kept.Totals;
        decimal provincial = t.DisbursedProvincial, nonProvincial = t.DisbursedNonProvincial, outstanding = t.OutstandingAdvances;
        foreach (var e in rows)
        {
            // A program the filter does not select has no watermark; an entry already counted by the build is at or below it.
            if (!kept.UpTo.TryGetValue(e.ProgramId, out var upTo) || e.Id <= upTo || !kept.Balanced.TryGetValue(e.ProposalId, out var open))
            {
                continue;
            }

            if (e.Source == FundingSource.ProvincialBudget)
            {
                provincial += e.Amount;
            }
            else
            {
                nonProvincial += e.Amount;
            }

            if (open && (e.Kind == DisbursementKind.Advance || e.ReversesAdvance))
            {
                outstanding += e.Amount;
            }
        }

        kept.Totals = t with { DisbursedProvincial = provincial, DisbursedNonProvincial = nonProvincial, OutstandingAdvances = outstanding };
        foreach (var programId in kept.UpTo.Keys.ToList())
        {
            kept.UpTo[programId] = Math.Max(kept.UpTo[programId], top);
        }

        return true;
    }
}
