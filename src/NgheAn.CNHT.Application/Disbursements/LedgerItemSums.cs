using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;

namespace NgheAn.CNHT.Application.Disbursements;

/// <summary>Signed ledger entries of one content item, one funding source and one voucher year.</summary>
public sealed record ItemYearAmount(int ContentItemId, int Year, FundingSource Source, decimal Amount);

/// <summary>How many entries and their signed sum, per content item, voucher year, funding source and kind.</summary>
public sealed record LedgerSumRow(int ContentItemId, int Year, FundingSource Source, DisbursementKind Kind, int Count, decimal Amount);

/// <summary>
/// The ledger of a set of proposals: disbursed per source, and advances net of their reversals, of every entry up to
/// <paramref name="UpToId"/> (the kept sums' watermark when they were read; ADR 0214 adds the entries above it).
/// </summary>
public sealed record ProposalLedgerSums(decimal Provincial, decimal NonProvincial, decimal AdvancesNet, int UpToId);

/// <summary>
/// The ledger of each program summed per content item, voucher year, funding source and kind (with a count), and per
/// proposal (per source, and the advances net of their reversals), kept up to date incrementally (ADR 0104): the ledger
/// is append-only (triggers refuse UPDATE and DELETE) and its ids are handed out in commit order, so the sums of every
/// entry up to a watermark never change; each read adds only the entries above the watermark (a primary-key range,
/// usually empty or a handful of rows) instead of regrouping the program's million entries after every business write.
/// The dashboard (per group and year), the annual report and the reconciliation (per item over years), the ledger page's
/// totals and its balances' totals (per proposal) are sums of these rows. One instance per process (a singleton); each
/// node keeps its own sums, read from the shared database, so no node ever shows a figure older than the last committed
/// entry.
/// </summary>
public sealed class LedgerItemSums : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, ProgramSums> _programs = [];

    private sealed class ProgramSums
    {
        public int Watermark;
        public readonly Dictionary<Key, (int Count, decimal Amount)> Sums = [];
        public readonly Dictionary<int, PerProposal> Proposals = [];
    }

    private readonly record struct Key(int Item, int Year, FundingSource Source, DisbursementKind Kind);

    private sealed class PerProposal
    {
        public decimal Provincial;
        public decimal NonProvincial;
        public decimal AdvancesNet;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The sums of every committed entry of the program, per item, voucher year and source.</summary>
    public async Task<IReadOnlyList<ItemYearAmount>> ByItemYearAndSourceAsync(IAppDbContext db, int programId, CancellationToken ct = default) =>
        (await RowsAsync(db, programId, ct))
            .GroupBy(r => (r.ContentItemId, r.Year, r.Source))
            .Select(g => new ItemYearAmount(g.Key.ContentItemId, g.Key.Year, g.Key.Source, g.Sum(r => r.Amount)))
            .ToList();

    /// <summary>The count and sum of every committed entry of the program per item, voucher year, source and kind (issue 21).</summary>
    public Task<IReadOnlyList<LedgerSumRow>> RowsAsync(IAppDbContext db, int programId, CancellationToken ct = default) =>
        ReadAsync(db, programId, state => (IReadOnlyList<LedgerSumRow>)state.Sums
            .Select(s => new LedgerSumRow(s.Key.Item, s.Key.Year, s.Key.Source, s.Key.Kind, s.Value.Count, s.Value.Amount)).ToList(), ct);

    /// <summary>
    /// The ledger of the given proposals of the program (disbursed per source), and the advances net of their reversals of
    /// those among them that are open (issue 21: the ledger page's balance totals).
    /// </summary>
    public Task<ProposalLedgerSums> OfProposalsAsync(IAppDbContext db, int programId, IEnumerable<(int Id, bool Open)> proposals, CancellationToken ct = default) =>
        ReadAsync(db, programId, state =>
        {
            decimal provincial = 0, nonProvincial = 0, advances = 0;
            foreach (var (id, open) in proposals)
            {
                if (state.Proposals.TryGetValue(id, out var p))
                {
                    provincial += p.Provincial;
                    nonProvincial += p.NonProvincial;
                    if (open)
                    {
                        advances += p.AdvancesNet;
                    }
                }
            }

            return new ProposalLedgerSums(provincial, nonProvincial, advances, state.Watermark);
        }, ct);

    /// <summary>
    /// The provincial budget's signed sum of each given proposal's entries, added up per the key it comes with (issue 21:
    /// next year's funding request deducts what was paid of the proposals running into the year, per content item). A
    /// proposal without entries adds nothing.
    /// </summary>
    public Task<Dictionary<int, decimal>> ProvincialByKeyAsync(IAppDbContext db, int programId, IEnumerable<(int Id, int Key)> proposals, CancellationToken ct = default) =>
        ReadAsync(db, programId, state =>
        {
            var sums = new Dictionary<int, decimal>();
            foreach (var (id, key) in proposals)
            {
                if (state.Proposals.TryGetValue(id, out var p))
                {
                    sums[key] = sums.GetValueOrDefault(key) + p.Provincial;
                }
            }

            return sums;
        }, ct);

    /// <summary>How many times a program's sums were grouped from the first entry (once per program and process, ADR 0104 addendum 2).</summary>
    public int Builds => Volatile.Read(ref _builds);

    private int _builds;

    /// <summary>
    /// Brings the program's sums up to the newest committed entry without reading them: the start-up warm-up
    /// (<c>KeptSumsWarmUp</c>, ADR 0104 addendum 2) calls it once the database is ready, so no request pays the first build.
    /// </summary>
    public Task WarmAsync(IAppDbContext db, int programId, CancellationToken ct = default) =>
        ReadAsync(db, programId, _ => true, ct, buildToken: ct);

    /// <summary>
    /// Brings the program's sums up to the newest committed entry, then reads them (under the gate). One build at a time:
    /// a request that arrives while the sums are built (by the warm-up or another request) waits for that build and then
    /// finds them up to date. The work done under the gate is not cancelled with the request that happens to do it
    /// (<paramref name="buildToken"/>, none for a request): the requests waiting behind it would only start it again.
    /// </summary>
    private async Task<T> ReadAsync<T>(IAppDbContext db, int programId, Func<ProgramSums, T> read, CancellationToken ct, CancellationToken buildToken = default)
    {
        // Inside an open transaction the rows read may never commit: computed afresh and not kept (as VersionedCache does).
        if (db.InTransaction)
        {
            var fresh = new ProgramSums();
            await AddGroupedAsync(db, fresh, programId, 0, int.MaxValue, ct);
            return read(fresh);
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (!_programs.TryGetValue(programId, out var state))
            {
                state = new ProgramSums();
                _programs[programId] = state;
            }

            var top = await db.DisbursementEntries.AsNoTracking().MaxAsync(e => (int?)e.Id, buildToken) ?? 0;
            if (top > state.Watermark)
            {
                if (state.Watermark == 0 || top - state.Watermark > BulkThreshold)
                {
                    // Grouped into a fresh set, then added: a build that fails half-way (a database error, the host stopping)
                    // leaves the kept sums as they were, never with part of the range counted and the watermark unmoved.
                    var added = new ProgramSums();
                    await AddGroupedAsync(db, added, programId, state.Watermark, top, buildToken);
                    if (state.Watermark == 0)
                    {
                        Interlocked.Increment(ref _builds);
                    }

                    Merge(state, added);
                }
                else
                {
                    await AddRecentAsync(db, state, programId, state.Watermark, top, buildToken);
                }

                state.Watermark = top;
            }

            return read(state);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds the sums of <paramref name="added"/> (a range above the watermark) to the kept ones.</summary>
    private static void Merge(ProgramSums state, ProgramSums added)
    {
        foreach (var (key, (count, amount)) in added.Sums)
        {
            AddToItem(state, key, count, amount);
        }

        foreach (var (id, sums) in added.Proposals)
        {
            var p = Proposal(state, id);
            p.Provincial += sums.Provincial;
            p.NonProvincial += sums.NonProvincial;
            p.AdvancesNet += sums.AdvancesNet;
        }
    }

    /// <summary>The provincial budget's sums per item and voucher year.</summary>
    public async Task<IReadOnlyList<ItemYearAmount>> ProvincialByItemAndYearAsync(IAppDbContext db, int programId, CancellationToken ct = default) =>
        (await ByItemYearAndSourceAsync(db, programId, ct)).Where(x => x.Source == FundingSource.ProvincialBudget).ToList();

    /// <summary>Per item, the provincial budget's sum over the voucher years from <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    public async Task<Dictionary<int, decimal>> ProvincialByItemAsync(IAppDbContext db, int programId, int fromYear, int toYear, CancellationToken ct = default) =>
        (await ProvincialByItemAndYearAsync(db, programId, ct))
            .Where(x => x.Year >= fromYear && x.Year <= toYear)
            .GroupBy(x => x.ContentItemId)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));

    /// <summary>On the first read, or above this many new ids (a bulk import), the sums are grouped in SQL.</summary>
    private const int BulkThreshold = 5_000;

    private static void AddToItem(ProgramSums state, Key key, int count, decimal amount)
    {
        var (c, a) = state.Sums.GetValueOrDefault(key);
        state.Sums[key] = (c + count, a + amount);
    }

    private static PerProposal Proposal(ProgramSums state, int proposalId)
    {
        if (!state.Proposals.TryGetValue(proposalId, out var p))
        {
            p = new PerProposal();
            state.Proposals[proposalId] = p;
        }

        return p;
    }

    /// <summary>
    /// A few new entries: read by the primary key's range alone, then filtered and summed here, so the planner cannot prefer
    /// the program's index (every entry of the program) over the range of new ids. A reversal's reversed entry is looked up
    /// by its primary key to tell whether it reverses an advance.
    /// </summary>
    private static async Task AddRecentAsync(IAppDbContext db, ProgramSums state, int programId, int afterId, int upToId, CancellationToken ct)
    {
        var rows = await db.DisbursementEntries.AsNoTracking()
            .Where(e => e.Id > afterId && e.Id <= upToId)
            .Select(e => new
            {
                e.ProgramId, e.ProposalId, e.Source, e.Proposal.ContentItemId, e.EntryDate, e.Kind, e.Amount,
                ReversesAdvance = e.ReversesEntryId != null && db.DisbursementEntries.Any(o => o.Id == e.ReversesEntryId && o.Kind == DisbursementKind.Advance),
            })
            .ToListAsync(ct);
        foreach (var e in rows.Where(e => e.ProgramId == programId))
        {
            AddToItem(state, new Key(e.ContentItemId, e.EntryDate.Year, e.Source, e.Kind), 1, e.Amount);
            var p = Proposal(state, e.ProposalId);
            if (e.Source == FundingSource.ProvincialBudget)
            {
                p.Provincial += e.Amount;
            }
            else
            {
                p.NonProvincial += e.Amount;
            }

            if (e.Kind == DisbursementKind.Advance || e.ReversesAdvance)
            {
                p.AdvancesNet += e.Amount;
            }
        }
    }

    /// <summary>
    /// Entries with <paramref name="afterId"/> &lt; Id ≤ <paramref name="upToId"/> (the primary key's range), grouped in SQL:
    /// by item, year, source and kind; by proposal and source; and the advances and the reversals of advances (a join on
    /// the reversed id) by proposal.
    /// </summary>
    private static async Task AddGroupedAsync(IAppDbContext db, ProgramSums state, int programId, int afterId, int upToId, CancellationToken ct)
    {
        var range = db.DisbursementEntries.AsNoTracking().Where(e => e.Id > afterId && e.Id <= upToId && e.ProgramId == programId);
        var items = await range
            .GroupBy(e => new { e.Proposal.ContentItemId, e.EntryDate.Year, e.Source, e.Kind })
            .Select(g => new { g.Key.ContentItemId, g.Key.Year, g.Key.Source, g.Key.Kind, Count = g.Count(), Sum = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        foreach (var i in items)
        {
            AddToItem(state, new Key(i.ContentItemId, i.Year, i.Source, i.Kind), i.Count, i.Sum);
        }

        var bySource = await range
            .GroupBy(e => new { e.ProposalId, Provincial = e.Source == FundingSource.ProvincialBudget })
            .Select(g => new { g.Key.ProposalId, g.Key.Provincial, Sum = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        foreach (var s in bySource)
        {
            var p = Proposal(state, s.ProposalId);
            if (s.Provincial)
            {
                p.Provincial += s.Sum;
            }
            else
            {
                p.NonProvincial += s.Sum;
            }
        }

        var advances = await range.Where(e => e.Kind == DisbursementKind.Advance)
            .GroupBy(e => e.ProposalId)
            .Select(g => new { ProposalId = g.Key, Sum = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        var reversals = await (
                from r in range.Where(e => e.Kind == DisbursementKind.Reversal)
                join o in db.DisbursementEntries.AsNoTracking() on r.ReversesEntryId equals (int?)o.Id
                where o.Kind == DisbursementKind.Advance
                group r by r.ProposalId into g
                select new { ProposalId = g.Key, Sum = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        foreach (var a in advances.Concat(reversals))
        {
            Proposal(state, a.ProposalId).AdvancesNet += a.Sum;
        }
    }
}
