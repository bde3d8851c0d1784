using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Application.Dashboard;

/// <summary>
/// The newest lifecycle steps of each program (by time, then id), kept up to date incrementally as the ledger's sums are
/// (ADR 0104, issue 21): steps are append-only and their ids handed out in commit order (on SQL Server the interceptor
/// raises the data version before inserting steps, which orders the transactions that add them), so each read adds only
/// the steps above a watermark id (a primary-key range) to the kept list instead of sorting the program's 400.000 steps
/// after every business write. One instance per process (a singleton); inside an open transaction computed afresh.
/// </summary>
public sealed class NewestSteps : IDisposable
{
    /// <summary>How many steps are kept per program: more than the dashboard shows.</summary>
    public const int Kept = 20;

    /// <summary>Above this many new ids (a bulk import) the program's steps are sorted again by the database.</summary>
    private const int BulkThreshold = 5_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, State> _programs = [];

    private sealed class State
    {
        public int Watermark;
        public List<(DateTime At, int Id)> Newest = [];
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The ids of the program's <paramref name="count"/> newest steps (at most <see cref="Kept"/>), newest first.</summary>
    public async Task<IReadOnlyList<int>> IdsAsync(IAppDbContext db, int programId, int count, CancellationToken ct = default)
    {
        if (db.InTransaction)
        {
            return (await SortedAsync(db, programId, ct)).Take(count).Select(x => x.Id).ToList();
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (!_programs.TryGetValue(programId, out var state))
            {
                state = new State();
                _programs[programId] = state;
            }

            var top = await db.ProposalTransitions.AsNoTracking().MaxAsync(t => (int?)t.Id, ct) ?? 0;
            if (top > state.Watermark)
            {
                if (state.Watermark == 0 || top - state.Watermark > BulkThreshold)
                {
                    state.Newest = await SortedAsync(db, programId, ct);
                }
                else
                {
                    // Read by the primary key's range alone, then filtered here (the planner cannot prefer the program's rows).
                    var added = await db.ProposalTransitions.AsNoTracking()
                        .Where(t => t.Id > state.Watermark && t.Id <= top)
                        .Select(t => new { t.At, t.Id, t.Proposal.ProgramId })
                        .ToListAsync(ct);
                    state.Newest = state.Newest.Concat(added.Where(a => a.ProgramId == programId).Select(a => (a.At, a.Id)))
                        .OrderByDescending(x => x.At).ThenByDescending(x => x.Id)
                        .Take(Kept)
                        .ToList();
                }

                state.Watermark = top;
            }

            return state.Newest.Take(count).Select(x => x.Id).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<List<(DateTime At, int Id)>> SortedAsync(IAppDbContext db, int programId, CancellationToken ct) =>
        (await db.ProposalTransitions.AsNoTracking()
            .Where(t => t.Proposal.ProgramId == programId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Take(Kept)
            .Select(t => new { t.At, t.Id })
            .ToListAsync(ct))
        .Select(x => (x.At, x.Id))
        .ToList();
}
