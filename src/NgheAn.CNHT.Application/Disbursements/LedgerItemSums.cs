using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;

namespace NgheAn.CNHT.Application.Disbursements;

/// <summary>Signed ledger entries of one content item, one funding source and one voucher year.</summary>
public sealed record ItemYearAmount(int ContentItemId, int Year, FundingSource Source, decimal Amount);

/// <summary>
/// The ledger of each program summed per content item, funding source and voucher year, kept up to date incrementally
/// (ADR 0104): the ledger is append-only (triggers refuse UPDATE and DELETE) and its ids are handed out in commit order,
/// so the sums of every entry up to a watermark never change; each read adds only the entries above the watermark (a
/// primary-key range, usually empty or a handful of rows) instead of regrouping the program's million entries after every
/// business write. The dashboard (per group and year), the annual report and the reconciliation (per item over years)
/// are sums of these few hundred rows. One instance per process (a singleton); each node keeps its own sums, read from
/// the shared database, so no node ever shows a figure older than the last committed entry.
/// </summary>
public sealed class LedgerItemSums : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, ProgramSums> _programs = [];

    private sealed class ProgramSums
    {
        public int Watermark;
        public readonly Dictionary<(int Item, int Year, FundingSource Source), decimal> Sums = [];
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The sums of every committed entry of the program, per item, voucher year and source.</summary>
    public async Task<IReadOnlyList<ItemYearAmount>> ByItemYearAndSourceAsync(IAppDbContext db, int programId, CancellationToken ct = default)
    {
        // Inside an open transaction the rows read may never commit: computed afresh and not kept (as VersionedCache does).
        if (db.Database.CurrentTransaction is not null)
        {
            return (await Grouped(db, programId, 0, int.MaxValue).ToListAsync(ct))
                .Select(x => new ItemYearAmount(x.Item, x.Year, x.Source, x.Sum)).ToList();
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (!_programs.TryGetValue(programId, out var state))
            {
                state = new ProgramSums();
                _programs[programId] = state;
            }

            var top = await db.DisbursementEntries.AsNoTracking().MaxAsync(e => (int?)e.Id, ct) ?? 0;
            if (top > state.Watermark)
            {
                var delta = state.Watermark == 0 || top - state.Watermark > BulkThreshold
                    ? await Grouped(db, programId, state.Watermark, top).ToListAsync(ct)
                    : await RecentAsync(db, programId, state.Watermark, top, ct);
                foreach (var d in delta)
                {
                    var key = (d.Item, d.Year, d.Source);
                    state.Sums[key] = state.Sums.GetValueOrDefault(key) + d.Sum;
                }

                state.Watermark = top;
            }

            return state.Sums.Select(s => new ItemYearAmount(s.Key.Item, s.Key.Year, s.Key.Source, s.Value)).ToList();
        }
        finally
        {
            _gate.Release();
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

    private sealed record Row(int Item, int Year, FundingSource Source, decimal Sum);

    /// <summary>
    /// A few new entries: read by the primary key's range alone, then filtered and grouped here, so the planner cannot prefer
    /// the program's index (every entry of the program) over the range of new ids.
    /// </summary>
    private static async Task<List<Row>> RecentAsync(IAppDbContext db, int programId, int afterId, int upToId, CancellationToken ct)
    {
        var rows = await db.DisbursementEntries.AsNoTracking()
            .Where(e => e.Id > afterId && e.Id <= upToId)
            .Select(e => new { e.ProgramId, e.Source, e.Proposal.ContentItemId, e.EntryDate, e.Amount })
            .ToListAsync(ct);
        return rows.Where(e => e.ProgramId == programId)
            .GroupBy(e => (e.ContentItemId, e.EntryDate.Year, e.Source))
            .Select(g => new Row(g.Key.ContentItemId, g.Key.Year, g.Key.Source, g.Sum(e => e.Amount)))
            .ToList();
    }

    /// <summary>Entries with <paramref name="afterId"/> &lt; Id ≤ <paramref name="upToId"/> (the primary key's range).</summary>
    private static IQueryable<Row> Grouped(IAppDbContext db, int programId, int afterId, int upToId) =>
        db.DisbursementEntries.AsNoTracking()
            .Where(e => e.Id > afterId && e.Id <= upToId && e.ProgramId == programId)
            .GroupBy(e => new { e.Proposal.ContentItemId, e.EntryDate.Year, e.Source })
            .Select(g => new Row(g.Key.ContentItemId, g.Key.Year, g.Key.Source, g.Sum(e => e.Amount)));
}
