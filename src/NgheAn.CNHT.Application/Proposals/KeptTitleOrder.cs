using System.Globalization;
using NgheAn.CNHT.Application.Disbursements;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// Every proposal's title in the register's Vietnamese order (ADR 0238), kept per process: each title's ICU sort key
/// (vi-VN, case ignored: the order of the <c>Vietnamese_CI_AS</c> collation the SQL sort uses), the proposals sorted by
/// key, then id. Built once off the request (reading every title and making its key, ~0,5 s at 100.000 proposals) and
/// taken in per changed proposal from the log the database writes (ADR 0226), so a page of the register sorted by title
/// is the kept filter's proposals picked out of this order (<see cref="KeptRegisterFigures.TitlePageAsync"/>), never a
/// sort of the whole filtered set through the collation callback (133-269 ms at national size).
/// </summary>
public sealed class KeptTitleOrder : IDisposable
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, byte[]> _keys = [];
    private State? _state;
    private long _logTop;

    /// <summary>One version of the order: the proposals by title key, then id. Never changed once made.</summary>
    public sealed class State(TitleKey[] sorted)
    {
        public TitleKey[] Sorted { get; } = sorted;

        /// <summary>Every proposal's id by title then id (ascending), and by title descending then id (made on first use).</summary>
        public int[] Ids(bool descending) => descending
            ? LazyInitializer.EnsureInitialized(ref _descending, () => Descending(Sorted))
            : LazyInitializer.EnsureInitialized(ref _ascending, () => Array.ConvertAll(Sorted, t => t.Id));

        private int[]? _ascending;
        private int[]? _descending;

        /// <summary>Groups of equal keys in reverse order, each group still in id order (as <c>ORDER BY Title DESC, Id</c>).</summary>
        private static int[] Descending(TitleKey[] sorted)
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

    /// <summary>A proposal's place in the order: its title's sort key and its id.</summary>
    public readonly record struct TitleKey(byte[] Key, int Id);

    /// <summary>Whether an order is kept (it may still have changes of the log to take in).</summary>
    public bool IsBuilt => Volatile.Read(ref _state) is not null;

    /// <summary>Full builds and per-proposal take-ins done (tests).</summary>
    public int Builds => Volatile.Read(ref _builds);

    public int TakeIns => Volatile.Read(ref _takeIns);

    /// <summary>First visits sorted by title answered by walking the order (tests).</summary>
    public int Walks => Volatile.Read(ref _walks);

    public void CountWalk() => Interlocked.Increment(ref _walks);

    private int _builds;
    private int _takeIns;
    private int _walks;

    public void Dispose() => _gate.Dispose();

    /// <summary>The key a title sorts by, as the collation compares it.</summary>
    public static byte[] KeyOf(string title) => Vietnamese.GetSortKey(title, CompareOptions.IgnoreCase).KeyData;

    /// <summary>Order of two keys (the sort keys' byte order), then of the ids.</summary>
    public static int Compare(TitleKey x, TitleKey y)
    {
        var byKey = x.Key.AsSpan().SequenceCompareTo(y.Key);
        return byKey != 0 ? byKey : x.Id.CompareTo(y.Id);
    }

    /// <summary>
    /// The order with every change the log shows taken in (the titles of the proposals it names read again by
    /// <paramref name="read"/>), or null while it is not built: then <paramref name="buildLater"/> is called to schedule
    /// <see cref="BuildAsync"/> off the request (at most one at a time, the caller's scheduler sees to it) and the caller
    /// sorts in SQL. More than <see cref="KeptRegisterFigures.MostChangesTakenIn"/> new rows (an import) drop it for a
    /// build again.
    /// </summary>
    public async Task<State?> CurrentAsync(
        IBalanceInputChanges log,
        Func<IReadOnlyCollection<int>?, Task<List<(int Id, string Title)>>> read,
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

    /// <summary>Reads every title (<paramref name="read"/> with null) and makes the order (in a scope of the caller's own).</summary>
    public async Task BuildAsync(IBalanceInputChanges log, Func<IReadOnlyCollection<int>?, Task<List<(int Id, string Title)>>> read)
    {
        // The log's top first, then the titles: a write committed in between is taken in again (idempotent).
        var top = await log.TopAsync();
        var titles = await read(null);
        var sorted = new TitleKey[titles.Count];
        var keys = new Dictionary<int, byte[]>(titles.Count);
        for (var i = 0; i < titles.Count; i++)
        {
            var key = KeyOf(titles[i].Title);
            sorted[i] = new TitleKey(key, titles[i].Id);
            keys[titles[i].Id] = key;
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
            _state = new State(sorted);
            Interlocked.Increment(ref _builds);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new order: the changed proposals out at their old keys, in again at their new titles' (if they still exist).</summary>
    private State TakeIn(State state, IReadOnlySet<int> ids, List<(int Id, string Title)> now)
    {
        var list = new List<TitleKey>(state.Sorted);
        foreach (var id in ids)
        {
            if (_keys.Remove(id, out var old))
            {
                var at = list.BinarySearch(new TitleKey(old, id), Comparer<TitleKey>.Create(Compare));
                if (at >= 0)
                {
                    list.RemoveAt(at);
                }
            }
        }

        foreach (var (id, title) in now)
        {
            var key = KeyOf(title);
            var entry = new TitleKey(key, id);
            var at = list.BinarySearch(entry, Comparer<TitleKey>.Create(Compare));
            list.Insert(at < 0 ? ~at : at, entry);
            _keys[id] = key;
        }

        return new State([.. list]);
    }
}
