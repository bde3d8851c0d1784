using NgheAn.CNHT.Application.Disbursements;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// What the register keeps across writes to proposals (ADR 0237): its filter choices (programs, groups, items, lead units)
/// until the catalog or a lead unit is written, and, per filter, each matching proposal's part of the totals (its current
/// total cost and provincial share), taken in per changed proposal from the log the database writes (ADR 0226) instead of
/// summed again over the whole filtered set. At 100.000 proposals the register's first page after a write to one proposal
/// summed 100.000 rows (92-190 ms) and sorted 2.099 lead units through the SQL collation (49-100 ms); now it reads the
/// log's few new rows and the changed proposals by id.
/// <para>
/// The log names a proposal when any column the register filters, searches, sorts or sums by changed (its triggers,
/// whatever wrote it); a program, group or item as a row without a proposal; a lead unit as proposal 0. So for a filter:
/// rows naming proposals (at most <see cref="MostChangesTakenIn"/>) are taken out and read again through the filter by id;
/// a catalog row, or a lead unit's row when the filter reads names (a search, a lead unit typed), or more rows (an
/// import) build the filter's parts again in full. One state per process; a node sees another's write through the
/// shared log.
/// </para>
/// </summary>
public sealed class KeptRegisterFigures : IDisposable
{
    /// <summary>More new log rows than this (an import) and a kept filter is built again rather than taken in per proposal.</summary>
    public const int MostChangesTakenIn = 500;

    /// <summary>The most proposals' parts kept over every filter (about 50 bytes each): the least recently used filters go first.</summary>
    public int PartsBudget { get; init; } = 1_000_000;

    private sealed class Entry : IDisposable
    {
        public readonly SemaphoreSlim Gate = new(1, 1);

        public void Dispose() => Gate.Dispose();

        public Dictionary<int, RegisterPart>? Parts;

        public Dictionary<int, int> ByOrganization = [];
        public Dictionary<int, int> ByItem = [];
        public decimal Cost;
        public decimal Share;
        public long LogTop;
        public long LastUse;

        /// <summary>The parts in the order of their total cost (provincial share), made on the first sort after a change.</summary>
        public AmountOrder? ByCost;
        public AmountOrder? ByShare;

        /// <summary>The parts in title (code) order, both directions, picked from one version of the kept title (code) order.</summary>
        public Dictionary<KeptTextOrder, PickedOrder> Picked = [];
    }

    /// <summary>A filter's proposals by title (code) then id (ascending), and by title (code) descending then id.</summary>
    private sealed record PickedOrder(KeptTextOrder.State Source, int[] Ascending, int[] Descending);

    /// <summary>A filter's proposals in ascending order of one amount: the amounts and, at the same positions, the ids.</summary>
    private sealed record AmountOrder(decimal[] Amounts, int[] Ids);

    private sealed class KeptChoices
    {
        public ProposalChoices? Choices;
        public IReadOnlyList<int[]>? OrganizationBuckets;
        public long LogTop;
    }

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _choicesGate = new(1, 1);
    private KeptChoices _choices = new();
    private long _clock;

    public void Dispose()
    {
        _choicesGate.Dispose();
        lock (_entries)
        {
            foreach (var e in _entries.Values)
            {
                e.Dispose();
            }

            _entries.Clear();
        }
    }

    /// <summary>Full builds and per-proposal take-ins done (tests).</summary>
    public int Builds => Volatile.Read(ref _builds);

    public int TakeIns => Volatile.Read(ref _takeIns);

    /// <summary>Pages sorted by an amount answered from the kept order (tests).</summary>
    public int AmountSlices => Volatile.Read(ref _amountSlices);

    /// <summary>Pages sorted by title answered from the kept title order (tests).</summary>
    public int TitlePages => Volatile.Read(ref _titlePages);

    /// <summary>Pages in code order answered from the kept code order (tests).</summary>
    public int CodePages => Volatile.Read(ref _codePages);

    /// <summary>Times a filter's proposals were picked out of a kept text order again (tests: once per change of either).</summary>
    public int Picks => Volatile.Read(ref _picks);

    private int _titlePages;
    private int _codePages;
    private int _picks;

    private int _builds;
    private int _takeIns;
    private int _amountSlices;

    /// <summary>The filter choices, built again only when the log shows a change to the catalog or a lead unit.</summary>
    public async Task<ProposalChoices> ChoicesAsync(IBalanceInputChanges log, Func<Task<ProposalChoices>> build, CancellationToken ct)
    {
        await _choicesGate.WaitAsync(ct);
        try
        {
            var kept = _choices;
            if (kept.Choices is not null)
            {
                var changes = await log.AfterAsync(kept.LogTop, MostChangesTakenIn + 1, ct);
                if (changes.Count == 0)
                {
                    return kept.Choices;
                }

                if (changes.Count <= MostChangesTakenIn && changes.All(c => c.ProposalId is > 0))
                {
                    _choices = new KeptChoices { Choices = kept.Choices, OrganizationBuckets = kept.OrganizationBuckets, LogTop = changes[^1].Id };
                    return kept.Choices;
                }
            }

            // The log's top first, then the build: a write committed in between is read again next time (idempotent).
            var top = await log.TopAsync(ct);
            var choices = await build();
            _choices = new KeptChoices { Choices = choices, LogTop = top };
            return choices;
        }
        finally
        {
            _choicesGate.Release();
        }
    }

    /// <summary>Lead units in the choices' Vietnamese order, equal names in one bucket (ADR 0237), kept with the choices.</summary>
    public IReadOnlyList<int[]> OrganizationBuckets(ProposalChoices choices)
    {
        var kept = _choices;
        if (ReferenceEquals(kept.Choices, choices) && kept.OrganizationBuckets is { } ready)
        {
            return ready;
        }

        var buckets = RegisterBuckets.ByName(choices.Organizations);
        if (ReferenceEquals(kept.Choices, choices))
        {
            kept.OrganizationBuckets = buckets;
        }

        return buckets;
    }

    /// <summary>
    /// The count and sums of the filter <paramref name="key"/>'s proposals, with their count per lead unit and per item.
    /// <paramref name="read"/> reads the filter's proposals' parts: all of them (null), or those among the ids given (a
    /// changed proposal the filter may have gained or lost). <paramref name="readsNames"/>: the filter matches lead units'
    /// names or tax codes (a search, a lead unit typed), so a lead unit's change builds it again.
    /// </summary>
    public async Task<KeptRegisterView> ViewAsync(
        string key,
        bool readsNames,
        IBalanceInputChanges log,
        Func<IReadOnlyCollection<int>?, Task<List<(int Id, RegisterPart Part)>>> read,
        CancellationToken ct)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.LastUse = ++_clock;
        }

        await entry.Gate.WaitAsync(ct);
        try
        {
            if (entry.Parts is { } parts)
            {
                var changes = await log.AfterAsync(entry.LogTop, MostChangesTakenIn + 1, ct);
                if (changes.Count == 0)
                {
                    return View(entry, parts.Count);
                }

                if (changes.Count <= MostChangesTakenIn && changes.All(c => c.ProposalId is > 0 || (c.ProposalId == 0 && !readsNames)))
                {
                    var ids = changes.Where(c => c.ProposalId is > 0).Select(c => c.ProposalId!.Value).ToHashSet();
                    if (ids.Count > 0)
                    {
                        var before = new Dictionary<int, RegisterPart>();
                        foreach (var id in ids)
                        {
                            if (parts.Remove(id, out var old))
                            {
                                before[id] = old;
                                Count(entry, old, -1);
                            }
                        }

                        var after = await read(ids);
                        foreach (var (id, part) in after)
                        {
                            parts[id] = part;
                            Count(entry, part, +1);
                        }

                        // The kept orders stay while what they order stayed: the same proposals (for the orders picked from
                        // the kept title and code orders, which are checked against those orders' versions themselves), with
                        // the same amounts (for the amount orders). Most writes (an edit, a status) change neither.
                        var sameMembers = before.Count == after.Count && after.TrueForAll(a => before.ContainsKey(a.Id));
                        if (!sameMembers || after.Exists(a => before[a.Id].Cost != a.Part.Cost))
                        {
                            entry.ByCost = null;
                        }

                        if (!sameMembers || after.Exists(a => before[a.Id].Share != a.Part.Share))
                        {
                            entry.ByShare = null;
                        }

                        if (!sameMembers)
                        {
                            entry.Picked.Clear();
                        }

                        Interlocked.Increment(ref _takeIns);
                    }

                    entry.LogTop = changes[^1].Id;
                    return View(entry, parts.Count);
                }
            }

            var top = await log.TopAsync(ct);
            var all = await read(null);
            var built = new Dictionary<int, RegisterPart>(all.Count);
            entry.Cost = 0;
            entry.Share = 0;
            entry.ByOrganization = [];
            entry.ByItem = [];
            foreach (var (id, part) in all)
            {
                built[id] = part;
                Count(entry, part, +1);
            }

            Interlocked.Increment(ref _builds);
            entry.LogTop = top;
            entry.ByCost = null;
            entry.ByShare = null;
            entry.Picked.Clear();
            entry.Parts = built.Count <= PartsBudget ? built : null;
            Trim(key);
            return View(entry, built.Count);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Whether the filter's parts are kept (so a write is taken in rather than summed again).</summary>
    public bool HasParts(string key)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(key, out var entry) && Volatile.Read(ref entry.Parts) is not null;
        }
    }

    private readonly Dictionary<string, Task> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the filter's parts off the request (ADR 0237): the first visit of a filter answers from one aggregate (a
    /// covering index's scan, ~10 ms at national size) and leaves the reading of every proposal's part (~100-200 ms) to
    /// this, so the next visit after a write takes the write in. At most one build per filter at a time; a failure only
    /// leaves the filter unkept (the next visit schedules it again).
    /// </summary>
    public void BuildLater(string key, Func<Task> build)
    {
        lock (_pending)
        {
            if (_pending.ContainsKey(key) || HasParts(key))
            {
                return;
            }

            _pending[key] = Task.Run(async () =>
            {
                try
                {
                    await build();
                }
                catch (Exception)
                {
                    // Nothing kept: the register answers from the aggregate and schedules the build again.
                }
                finally
                {
                    lock (_pending)
                    {
                        _pending.Remove(key);
                    }
                }
            });
        }
    }

    /// <summary>Completes when no build scheduled by <see cref="BuildLater"/> is running (tests, shutdown).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] running;
            lock (_pending)
            {
                running = [.. _pending.Values];
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running);
        }
    }

    /// <summary>
    /// The ids of the filter's kept proposals whose lead unit (or item) is among <paramref name="keys"/>, as of the
    /// newest kept state; null when the filter is not kept (the caller reads through SQL).
    /// </summary>
    public Task<int[]?> IdsAsync(string key, bool byOrganization, IReadOnlySet<int> keys, CancellationToken ct) =>
        WithPartsAsync(key, (_, parts) => parts.Where(p => keys.Contains(byOrganization ? p.Value.OrganizationId : p.Value.ItemId)).Select(p => p.Key).ToArray(), ct);

    /// <summary>
    /// Where a page of the filter sorted by total cost (or provincial share) lies (issue 21 § 2): the ids of the kept
    /// proposals whose amount lies between the page's first and last amount, and how many of them, in the page's order
    /// (amount, then code), come before the page. The caller reads those few proposals by id and lets SQL order them by
    /// amount and code, so ties fall by code as the plain ORDER BY had them, and SQL never sorts the whole filtered set.
    /// Null when the filter is not kept, or when so many proposals share the page's amounts (more than
    /// <paramref name="mostIds"/>) that reading them by id would cost more than the plain sort.
    /// </summary>
    public Task<AmountSlice?> AmountSliceAsync(string key, bool share, bool descending, int skip, int take, int mostIds, CancellationToken ct) =>
        WithPartsAsync(key, (entry, parts) =>
        {
            var order = share ? entry.ByShare : entry.ByCost;
            if (order is null)
            {
                var amounts = new decimal[parts.Count];
                var ids = new int[parts.Count];
                var i = 0;
                foreach (var (id, part) in parts)
                {
                    amounts[i] = share ? part.Share : part.Cost;
                    ids[i++] = id;
                }

                Array.Sort(amounts, ids);
                order = new AmountOrder(amounts, ids);
                if (share)
                {
                    entry.ByShare = order;
                }
                else
                {
                    entry.ByCost = order;
                }
            }

            var slice = Slice(order, descending, skip, take, mostIds);
            if (slice is not null)
            {
                Interlocked.Increment(ref _amountSlices);
            }

            return slice;
        }, ct);

    /// <summary>
    /// The ids of a page of the filter sorted by title (then id, ascending in both directions, as the plain
    /// <c>ORDER BY Title COLLATE Vietnamese_CI_AS, Id</c>) or by code (unique): the kept parts picked, in order, out of the
    /// kept title (code) order (once per change of either), then the page's positions. Null when the filter is not kept.
    /// </summary>
    public Task<int[]?> PickedPageAsync(string key, KeptTextOrder.State source, bool descending, int skip, int take, CancellationToken ct) =>
        WithPartsAsync(key, (entry, parts) =>
        {
            if (!entry.Picked.TryGetValue(source.Owner, out var order) || !ReferenceEquals(order.Source, source))
            {
                order = PickedOrderOf(parts, source);
                if (order is null)
                {
                    return null;
                }

                entry.Picked[source.Owner] = order;
                Interlocked.Increment(ref _picks);
            }

            var ids = descending ? order.Descending : order.Ascending;
            if (source.Owner is KeptCodeOrder)
            {
                Interlocked.Increment(ref _codePages);
            }
            else
            {
                Interlocked.Increment(ref _titlePages);
            }

            return skip >= ids.Length ? [] : ids[skip..Math.Min(ids.Length, skip + take)];
        }, ct);

    /// <summary>Runs <paramref name="use"/> on the filter's kept entry and parts under the entry's gate; null when not kept.</summary>
    private async Task<T?> WithPartsAsync<T>(string key, Func<Entry, Dictionary<int, RegisterPart>, T?> use, CancellationToken ct)
        where T : class
    {
        Entry? entry;
        lock (_entries)
        {
            _entries.TryGetValue(key, out entry);
        }

        if (entry is null)
        {
            return null;
        }

        await entry.Gate.WaitAsync(ct);
        try
        {
            return entry.Parts is { } parts ? use(entry, parts) : null;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static PickedOrder? PickedOrderOf(Dictionary<int, RegisterPart> parts, KeptTextOrder.State source)
    {
        // Ascending: the kept order's entries that are the filter's. Groups of equal values (equal keys) stay in id order
        // when the groups are reversed for descending. A part missing from the kept order (a proposal written between
        // the two reads of the log) leaves the page to the plain sort.
        var ascending = new List<int>(parts.Count);
        var groupStarts = new List<int>();
        byte[]? previous = null;
        foreach (var t in source.Sorted)
        {
            if (!parts.ContainsKey(t.Id))
            {
                continue;
            }

            if (previous is null || !t.Key.AsSpan().SequenceEqual(previous))
            {
                groupStarts.Add(ascending.Count);
                previous = t.Key;
            }

            ascending.Add(t.Id);
        }

        if (ascending.Count < parts.Count)
        {
            return null;
        }

        var descending = new int[ascending.Count];
        var at = 0;
        for (var g = groupStarts.Count - 1; g >= 0; g--)
        {
            var end = g + 1 < groupStarts.Count ? groupStarts[g + 1] : ascending.Count;
            for (var i = groupStarts[g]; i < end; i++)
            {
                descending[at++] = ascending[i];
            }
        }

        return new PickedOrder(source, [.. ascending], descending);
    }

    private static AmountSlice? Slice(AmountOrder order, bool descending, int skip, int take, int mostIds)
    {
        var n = order.Amounts.Length;
        if (skip >= n || take <= 0)
        {
            return new AmountSlice([], 0);
        }

        var end = Math.Min(skip + take, n);

        // The page's positions in ascending order: [skip, end) ascending, or [n - end, n - skip) when descending.
        var low = order.Amounts[descending ? n - end : skip];
        var high = order.Amounts[descending ? n - 1 - skip : end - 1];
        var first = LowerBound(order.Amounts, low);
        var last = UpperBound(order.Amounts, high);
        if (last - first > mostIds)
        {
            return null;
        }

        // Before the page in its own order: the amounts below its lowest (ascending) or above its highest (descending).
        var before = descending ? n - last : first;
        return new AmountSlice(order.Ids[first..last], skip - before);
    }

    private static int LowerBound(decimal[] sorted, decimal value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(decimal[] sorted, decimal value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static KeptRegisterView View(Entry entry, int count) =>
        new(new RegisterTotals(count, entry.Cost, entry.Share), new Dictionary<int, int>(entry.ByOrganization), new Dictionary<int, int>(entry.ByItem));

    private static void Count(Entry entry, RegisterPart part, int sign)
    {
        entry.Cost += sign * part.Cost;
        entry.Share += sign * part.Share;
        Add(entry.ByOrganization, part.OrganizationId, sign);
        Add(entry.ByItem, part.ItemId, sign);

        static void Add(Dictionary<int, int> counts, int key, int sign)
        {
            var now = counts.GetValueOrDefault(key) + sign;
            if (now == 0)
            {
                counts.Remove(key);
            }
            else
            {
                counts[key] = now;
            }
        }
    }

    /// <summary>Drops the least recently used filters' parts until the kept parts fit the budget (the newest stays).</summary>
    private void Trim(string newest)
    {
        lock (_entries)
        {
            var total = _entries.Values.Sum(e => (long)(e.Parts?.Count ?? 0));
            foreach (var (k, e) in _entries.Where(p => p.Key != newest).OrderBy(p => p.Value.LastUse).ToList())
            {
                if (total <= PartsBudget)
                {
                    break;
                }

                total -= e.Parts?.Count ?? 0;
                _entries.Remove(k);
            }
        }
    }
}

/// <summary>A proposal's part of a register filter's figures: its current amounts, its lead unit and its item.</summary>
public readonly record struct RegisterPart(decimal Cost, decimal Share, int OrganizationId, int ItemId);

/// <summary>
/// The kept proposals a page sorted by an amount falls among (<see cref="KeptRegisterFigures.AmountSliceAsync"/>): read
/// them by id, order them by the amount and the code, skip <paramref name="Skip"/>, take the page.
/// </summary>
public sealed record AmountSlice(int[] Ids, int Skip);

/// <summary>A register filter's totals with its count per lead unit and per item (ADR 0237).</summary>
public sealed record KeptRegisterView(RegisterTotals Totals, IReadOnlyDictionary<int, int> ByOrganization, IReadOnlyDictionary<int, int> ByItem);
