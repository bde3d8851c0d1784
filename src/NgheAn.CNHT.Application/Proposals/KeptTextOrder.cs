using NgheAn.CNHT.Application.Disbursements;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// Every proposal in the order of one of its text columns, kept per process (ADR 0238, 0244): each value's sort key (the
/// bytes the column's SQL order compares), the proposals sorted by key, then id. Built once off the request (reading every
/// value and making its key) and taken in per changed proposal from the log the database writes (ADR 0226), so a page of
/// the register in that order is the kept filter's proposals picked out of it (<see cref="KeptRegisterFigures.PickedPageAsync"/>),
/// never a sort of the whole filtered set. <see cref="KeptTitleOrder"/> keeps the titles, <see cref="KeptCodeOrder"/> the codes.
/// </summary>
public abstract class KeptTextOrder : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, byte[]> _keys = [];
    private State? _state;
    private long _logTop;

    /// <summary>One version of the order: the proposals by key, then id. Never changed once made.</summary>
    public sealed class State(KeptTextOrder owner, SortedKey[] sorted)
    {
        /// <summary>The order this is a version of (a filter keeps what it picked from each order apart).</summary>
        public KeptTextOrder Owner { get; } = owner;

        public SortedKey[] Sorted { get; } = sorted;

        /// <summary>Every proposal's id by value then id (ascending), and by value descending then id (made on first use).</summary>
        public int[] Ids(bool descending) => descending
            ? LazyInitializer.EnsureInitialized(ref _descending, () => Descending(Sorted))
            : LazyInitializer.EnsureInitialized(ref _ascending, () => Array.ConvertAll(Sorted, t => t.Id));

        private int[]? _ascending;
        private int[]? _descending;

        /// <summary>Groups of equal keys in reverse order, each group still in id order (as <c>ORDER BY Title DESC, Id</c>; a unique column's are single ids, so this is the reverse).</summary>
        private static int[] Descending(SortedKey[] sorted)
        {
            var ids = new int[sorted.Length];
            var at = 0;
            var end = sorted.Length;
            while (end > 0)
            {
                var start = end - 1;
                while (start > 0 && sorted[start - 1].Key.AsSpan().SequenceEqual(sorted[end - 1].Key))
                {
                    start--;
                }

                for (var i = start; i < end; i++)
                {
                    ids[at++] = sorted[i].Id;
                }

                end = start;
            }

            return ids;
        }
    }

    /// <summary>A proposal's place in the order: its value's sort key and its id.</summary>
    public readonly record struct SortedKey(byte[] Key, int Id);

    /// <summary>Whether an order is kept (it may still have changes of the log to take in).</summary>
    public bool IsBuilt => Volatile.Read(ref _state) is not null;

    /// <summary>Full builds and per-proposal take-ins done (tests).</summary>
    public int Builds => Volatile.Read(ref _builds);

    public int TakeIns => Volatile.Read(ref _takeIns);

    /// <summary>New versions a take-in made because a key changed (tests: a write that leaves every key makes none).</summary>
    public int Versions => Volatile.Read(ref _versions);

    private int _builds;
    private int _takeIns;
    private int _versions;

    public void Dispose()
    {
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The key a value sorts by, as the column's SQL order compares it.</summary>
    protected abstract byte[] KeyOf(string value);

    /// <summary>Order of two keys (the sort keys' byte order), then of the ids.</summary>
    public static int Compare(SortedKey x, SortedKey y)
    {
        var byKey = x.Key.AsSpan().SequenceCompareTo(y.Key);
        return byKey != 0 ? byKey : x.Id.CompareTo(y.Id);
    }

    /// <summary>
    /// The order with every change the log shows taken in (the values of the proposals it names read again by
    /// <paramref name="read"/>), or null while it is not built: then <paramref name="buildLater"/> is called to schedule
    /// <see cref="BuildAsync"/> off the request (at most one at a time, the caller's scheduler sees to it) and the caller
    /// sorts in SQL. More than <see cref="KeptRegisterFigures.MostChangesTakenIn"/> new rows (an import) drop it for a
    /// build again.
    /// </summary>
    public async Task<State?> CurrentAsync(
        IBalanceInputChanges log,
        Func<IReadOnlyCollection<int>?, Task<List<(int Id, string Value)>>> read,
        Action buildLater,
        CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_state is { } state)
            {
                var changes = await log.AfterAsync(_logTop, KeptRegisterFigures.MostChangesTakenIn + 1, ct);
                if (changes.Count == 0)
                {
                    return state;
                }

                if (changes.Count <= KeptRegisterFigures.MostChangesTakenIn)
                {
                    var ids = changes.Where(c => c.ProposalId is > 0).Select(c => c.ProposalId!.Value).ToHashSet();
                    if (ids.Count > 0)
                    {
                        _state = TakeIn(state, ids, await read(ids));
                        Interlocked.Increment(ref _takeIns);
                    }

                    _logTop = changes[^1].Id;
                    return _state;
                }

                _state = null;
            }

            buildLater();
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads every value (<paramref name="read"/> with null) and makes the order (in a scope of the caller's own).</summary>
    public async Task BuildAsync(IBalanceInputChanges log, Func<IReadOnlyCollection<int>?, Task<List<(int Id, string Value)>>> read)
    {
        // The log's top first, then the values: a write committed in between is taken in again (idempotent).
        var top = await log.TopAsync();
        var values = await read(null);
        var sorted = new SortedKey[values.Count];
        var keys = new Dictionary<int, byte[]>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var key = KeyOf(values[i].Value);
            sorted[i] = new SortedKey(key, values[i].Id);
            keys[values[i].Id] = key;
        }

        Array.Sort(sorted, Compare);
        await _gate.WaitAsync();
        try
        {
            _keys.Clear();
            foreach (var (id, key) in keys)
            {
                _keys[id] = key;
            }

            _logTop = top;
            _state = new State(this, sorted);
            Interlocked.Increment(ref _builds);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A new order: the proposals whose key changed (a new value, a new proposal, a deleted one) out at their old keys and
    /// in again at their new ones. A write that left every named proposal's value as it was (most writes: a status, an
    /// amount, an edit of another field) keeps this version, and with it what every filter picked out of it.
    /// </summary>
    private State TakeIn(State state, IReadOnlySet<int> ids, List<(int Id, string Value)> now)
    {
        var current = new Dictionary<int, byte[]>(now.Count);
        foreach (var (id, value) in now)
        {
            current[id] = KeyOf(value);
        }

        var moved = new List<(int Id, byte[]? Old, byte[]? New)>();
        foreach (var id in ids)
        {
            _keys.TryGetValue(id, out var old);
            current.TryGetValue(id, out var key);
            if (old is null ? key is not null : key is null || !old.AsSpan().SequenceEqual(key))
            {
                moved.Add((id, old, key));
            }
        }

        if (moved.Count == 0)
        {
            return state;
        }

        Interlocked.Increment(ref _versions);
        var comparer = Comparer<SortedKey>.Create(Compare);
        var list = new List<SortedKey>(state.Sorted);
        foreach (var (id, old, _) in moved)
        {
            if (old is not null)
            {
                _keys.Remove(id);
                var at = list.BinarySearch(new SortedKey(old, id), comparer);
                if (at >= 0)
                {
                    list.RemoveAt(at);
                }
            }
        }

        foreach (var (id, _, key) in moved)
        {
            if (key is not null)
            {
                var entry = new SortedKey(key, id);
                var at = list.BinarySearch(entry, comparer);
                list.Insert(at < 0 ? ~at : at, entry);
                _keys[id] = key;
            }
        }

        return new State(this, [.. list]);
    }
}
