using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Disbursements;

/// <summary>
/// The balances' totals of the ledger page (<see cref="LedgerQueries.BalanceTotalsAsync"/>), kept per filter and brought up
/// to date per posting (ADR 0214) and per changed proposal (ADR 0226): they depend on the proposals (which are balanced,
/// which are still open, their approved or settled figures), on the catalog (which programs and items a filter selects)
/// and on the ledger entries of the balanced proposals. Ledger entries are append-only with ids in commit order (ADR 0104),
/// and a write that only adds entries leaves the data version's part outside the ledger
/// (<see cref="DataVersionSteps.OutsideLedger"/>) as it was: while that part is unchanged, the entries above the
/// watermark the totals were built at (a primary-key range, a handful of rows) are added to them, each to the balanced
/// proposal it belongs to, and its advances to the outstanding ones while the proposal is open. When that part changed,
/// the log of changes to the inputs (<see cref="IBalanceInputChanges"/>, written by triggers) says what changed since: no
/// row, or only lead units' (a write that touched no proposal and no catalog: a message, an account, a notification, a
/// raw raise of the version) keeps the totals as they are; rows naming proposals (a status change, a settlement, an
/// approval, an edit) take each one's old share out and put its new one in (its figures from its row, its ledger from its few entries); a change of the catalog, or more than
/// <see cref="ProposalLimit"/> rows (an import), builds them again in full. One instance per process; each node reads
/// the version, the log and the new entries from the shared database, so it never shows a figure older than the last
/// commit it has seen (ADR 0216: its own at once, another node's within the watch's second).
/// </summary>
public sealed class KeptBalanceTotals : IDisposable
{
    /// <summary>Above this many new ids (a bulk posting) the totals are built again rather than read entry by entry.</summary>
    private const int DeltaLimit = 5_000;

    /// <summary>Above this many rows of the log since the last reading (an import, a bulk fix) the totals are built again.</summary>
    public const int ProposalLimit = 500;

    /// <summary>
    /// The filters are typed into the address (a program and a group code): at most this many are kept, so made-up codes
    /// cannot grow the process. A program and its real groups are a few dozen.
    /// </summary>
    private const int MaxKept = 128;

    private static readonly ProposalStatus[] WithLedger =
        [ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Kept> _kept = [];

    /// <summary>A balanced proposal's own part of the totals: still open (not settled), its counted figures.</summary>
    public readonly record struct Head(bool Open, decimal Share, decimal Total);

    /// <summary>
    /// A full build: the totals, the balanced proposals of the filter (id → open, figures), per program the ledger id up to
    /// which its entries are counted, and the programs and items (null: every item) the filter selects.
    /// </summary>
    public sealed record Build(
        BalanceTotals Totals, Dictionary<int, Head> Balanced, IReadOnlyDictionary<int, int> UpToIdByProgram,
        IReadOnlySet<int> ProgramIds, IReadOnlySet<int>? Items);

    private sealed class Kept(long outside, long logTop, Build build)
    {
        public long Outside = outside;
        public long LogTop = logTop;
        public readonly Dictionary<int, Head> Balanced = build.Balanced;
        public readonly Dictionary<int, int> UpTo = new(build.UpToIdByProgram);
        public readonly IReadOnlySet<int> ProgramIds = build.ProgramIds;
        public readonly IReadOnlySet<int>? Items = build.Items;
        public BalanceTotals Totals = build.Totals;
    }

    /// <summary>How many times totals were built in full (every filter and program); a posting builds none (tests).</summary>
    public int FullBuilds => Volatile.Read(ref _fullBuilds);

    /// <summary>How many times a changed proposal's part was taken out and put in again instead of a build (tests).</summary>
    public int ProposalUpdates => Volatile.Read(ref _proposalUpdates);

    private int _fullBuilds;
    private int _proposalUpdates;

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The totals kept under <paramref name="key"/> (the filter without year, source and kind), the new entries and the
    /// changed proposals taken in; built by <paramref name="build"/> when none are kept, the catalog changed or too much did.
    /// </summary>
    public async Task<BalanceTotals> GetAsync(IAppDbContext db, IDataVersion version, IBalanceInputChanges changes, string key, Func<Task<Build>> build, CancellationToken ct)
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
            if (_kept.TryGetValue(key, out var kept)
                && (kept.Outside == outside || await TakeChangesAsync(db, changes, kept, outside, ct))
                && await AddNewEntriesAsync(db, kept, ct))
            {
                return kept.Totals;
            }

            // Read the version and the log's top first, then build: a write committed in between is of a newer version with
            // rows above that top, taken in again on the next request (a proposal's part is replaced, never added twice).
            var logTop = await changes.TopAsync(ct);
            kept = new Kept(outside, logTop, await build());
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
    /// Takes in the changes logged since the totals were built or last brought up to date (ADR 0226): each changed
    /// proposal's old part out, its new part in. False when the catalog changed or too many rows were logged: the caller
    /// builds the totals again.
    /// </summary>
    private async Task<bool> TakeChangesAsync(IAppDbContext db, IBalanceInputChanges changes, Kept kept, long outside, CancellationToken ct)
    {
        var rows = await changes.AfterAsync(kept.LogTop, ProposalLimit + 1, ct);
        if (rows.Count > ProposalLimit || rows.Any(r => r.ProposalId is null))
        {
            return false;
        }

        // 0: a lead unit changed, which no total reads.
        var ids = rows.Select(r => r.ProposalId!.Value).Where(id => id != 0).Distinct().ToList();
        if (ids.Count > 0)
        {
            await ReplaceProposalsAsync(db, kept, ids, ct);
        }

        if (rows.Count > 0)
        {
            kept.LogTop = rows[^1].Id;
        }

        kept.Outside = outside;
        return true;
    }

    /// <summary>
    /// For each proposal: its part as the totals count it now (its kept figures and open state, and its ledger up to the
    /// watermark of each entry's program) taken out, then its part as the database holds it put in, if the filter still
    /// selects it. Entries above the watermark are added afterwards by <see cref="AddNewEntriesAsync"/>, with the proposal's
    /// new open state, as a full build at that moment would count them.
    /// </summary>
    private async Task ReplaceProposalsAsync(IAppDbContext db, Kept kept, List<int> ids, CancellationToken ct)
    {
        var current = await db.Proposals.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.ProgramId, p.ContentItemId, p.Status,
                Share = p.CountedProvincialShare(),
                Total = p.CountedTotalCost(),
            })
            .ToDictionaryAsync(p => p.Id, ct);
        var entries = await db.DisbursementEntries.AsNoTracking()
            .Where(e => ids.Contains(e.ProposalId))
            .Select(e => new
            {
                e.Id, e.ProgramId, e.ProposalId, e.Source, e.Amount,
                Advance = e.Kind == DisbursementKind.Advance
                          || (e.ReversesEntryId != null && db.DisbursementEntries.Any(o => o.Id == e.ReversesEntryId && o.Kind == DisbursementKind.Advance)),
            })
            .ToListAsync(ct);
        var ledger = entries
            .Where(e => kept.UpTo.TryGetValue(e.ProgramId, out var upTo) && e.Id <= upTo)
            .GroupBy(e => e.ProposalId)
            .ToDictionary(g => g.Key, g => (
                Provincial: g.Where(e => e.Source == FundingSource.ProvincialBudget).Sum(e => e.Amount),
                NonProvincial: g.Where(e => e.Source != FundingSource.ProvincialBudget).Sum(e => e.Amount),
                Advances: g.Where(e => e.Advance).Sum(e => e.Amount)));

        var t = kept.Totals;
        int count = t.Count;
        decimal share = t.ApprovedProvincialShare, other = t.ApprovedOtherSources, provincial = t.DisbursedProvincial,
            nonProvincial = t.DisbursedNonProvincial, outstanding = t.OutstandingAdvances;
        foreach (var id in ids)
        {
            var (p, n, a) = ledger.GetValueOrDefault(id);
            if (kept.Balanced.Remove(id, out var old))
            {
                count--;
                share -= old.Share;
                other -= old.Total - old.Share;
                provincial -= p;
                nonProvincial -= n;
                outstanding -= old.Open ? a : 0;
            }

            if (current.TryGetValue(id, out var now) && WithLedger.Contains(now.Status)
                && kept.ProgramIds.Contains(now.ProgramId) && (kept.Items is null || kept.Items.Contains(now.ContentItemId)))
            {
                var head = new Head(now.Status != ProposalStatus.Settled, now.Share, now.Total);
                kept.Balanced[id] = head;
                count++;
                share += head.Share;
                other += head.Total - head.Share;
                provincial += p;
                nonProvincial += n;
                outstanding += head.Open ? a : 0;
            }
        }

        kept.Totals = new BalanceTotals(count, share, other, provincial, nonProvincial, outstanding);
        Interlocked.Increment(ref _proposalUpdates);
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
            if (!kept.UpTo.TryGetValue(e.ProgramId, out var upTo) || e.Id <= upTo || !kept.Balanced.TryGetValue(e.ProposalId, out var head))
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

            if (head.Open && (e.Kind == DisbursementKind.Advance || e.ReversesAdvance))
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
