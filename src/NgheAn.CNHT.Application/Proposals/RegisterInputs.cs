using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// The counter the register's kept models (its choices, totals and pages, ADR 0100) are keyed by instead of the whole data
/// version (ADR 0227): it moves only when a proposal, the catalog or a lead unit was written, which the log the database
/// writes says (<see cref="IBalanceInputChanges"/>, ADR 0226). A posting (the version's ledger part), a message, a
/// notification, an account or a raw raise of the version leave it as it is, so the first search after such a write is
/// served from what was kept. One state per process; the version is read through the node's watch (ADR 0216) and the log
/// only when the version's part outside the ledger moved: a change on this node shows at once, one on another node within
/// the watch's second.
/// </summary>
public sealed class RegisterInputsState : IDisposable
{
    private sealed record State(long Outside, long LogTop, long Counter);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private State? _state;

    public void Dispose() => _gate.Dispose();

    /// <summary>How many times the counter moved (tests).</summary>
    public int Moves => Volatile.Read(ref _moves);

    private int _moves;

    public async Task<long> CounterAsync(IDataVersion version, IBalanceInputChanges log, CancellationToken ct)
    {
        var outside = DataVersionSteps.OutsideLedger(await version.CurrentAsync(ct));
        if (Volatile.Read(ref _state) is { } known && known.Outside == outside)
        {
            return known.Counter;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_state is { } again && again.Outside == outside)
            {
                return again.Counter;
            }

            // The version first, then the log: a write committed in between moves both, and is in what is built next.
            var top = await log.TopAsync(ct);
            var counter = _state is { } last && last.LogTop == top ? last.Counter : outside;
            if (_state is null || counter != _state.Counter)
            {
                Interlocked.Increment(ref _moves);
            }

            Volatile.Write(ref _state, new State(outside, top, counter));
            return counter;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The register's counter for this request's scope (<see cref="RegisterInputsState"/>).</summary>
public sealed class RegisterInputs(RegisterInputsState state, IDataVersion version, IBalanceInputChanges log)
{
    private readonly RequestLog _log = new(log, version);

    public Task<long> CounterAsync(CancellationToken ct = default) => state.CounterAsync(version, _log, ct);

    /// <summary>The log the counter follows (what the register's kept figures take in, ADR 0237), read once per request.</summary>
    public IBalanceInputChanges Log => _log;

    /// <summary>Reads of the log answered from what this scope read before (tests).</summary>
    public int LogReadsSaved => _log.Saved;
}

/// <summary>
/// The log as one request reads it (ADR 0244 addendum 2): after a write, the register's counter reads the log's top and its
/// kept parts (the filter choices, the filter's figures, the kept title or code order) each ask for the rows after what
/// they last took in, nearly always the same rows; a read that came back whole answers the later ones. What was read is
/// kept only while the data version is the one read before it, so a scope that lives across a write (a job, a test)
/// reads the log again; within a request, a write committed after the read is taken in by the next request, as before.
/// </summary>
internal sealed class RequestLog(IBalanceInputChanges log, IDataVersion version) : IBalanceInputChanges
{
    private long _version;
    private long _from;
    private List<BalanceInputChange>? _rows;

    public int Saved { get; private set; }

    public async Task<long> TopAsync(CancellationToken ct = default)
    {
        var current = await version.CurrentAsync(ct);
        var top = await log.TopAsync(ct);
        if (!Known(current) || top != KnownTop)
        {
            // Nothing after the top, as of this read; what was kept before ended elsewhere, so it is dropped.
            Keep(current, top, []);
        }

        return top;
    }

    public async Task<IReadOnlyList<BalanceInputChange>> AfterAsync(long afterId, int take, CancellationToken ct = default)
    {
        var current = await version.CurrentAsync(ct);
        if (Known(current) && afterId >= _from)
        {
            Saved++;
            var kept = new List<BalanceInputChange>(Math.Min(take, _rows!.Count));
            foreach (var row in _rows)
            {
                if (row.Id > afterId && kept.Count < take)
                {
                    kept.Add(row);
                }
            }

            return kept;
        }

        var rows = await log.AfterAsync(afterId, take, ct);
        if (rows.Count < take)
        {
            // Every row after afterId as of this read.
            Keep(current, afterId, [.. rows]);
        }

        return rows;
    }

    private bool Known(long current) => _rows is not null && _version == current;

    private long KnownTop => _rows is { Count: > 0 } rows ? rows[^1].Id : _from;

    private void Keep(long current, long from, List<BalanceInputChange> rows)
    {
        _version = current;
        _from = from;
        _rows = rows;
    }
}
