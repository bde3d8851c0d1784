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
    public Task<long> CounterAsync(CancellationToken ct = default) => state.CounterAsync(version, log, ct);

    /// <summary>The log the counter follows (what the register's kept figures take in, ADR 0237).</summary>
    public IBalanceInputChanges Log => log;
}
