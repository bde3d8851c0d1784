using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Search;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// Reads of proposals: the register (filtered, searched, sorted, paged and totalled in SQL), one
/// proposal with its history, files and ledger, and the choices the forms offer.
/// </summary>
public sealed class ProposalQueries(IAppDbContext db, VersionedCache cache, RegisterInputs? inputs = null, KeptRegisterFigures? kept = null, IServiceScopeFactory? scopes = null, KeptTitleOrder? titles = null, KeptCodeOrder? codes = null)
{
    public const int PageSize = 50;

    public async Task<RegisterPage> RegisterAsync(RegisterFilter filter, CancellationToken ct = default) =>
        (await RegisterWithChoicesAsync(filter, ct)).Page;

    /// <summary>The register page and the filter choices, of one data version (read once).</summary>
    /// <remarks>
    /// Kept under the register's own counter (ADR 0227) rather than the whole data version: a write that touches no
    /// proposal, no catalog and no lead unit (a posting, a message) leaves the choices, the totals and the pages kept.
    /// </remarks>
    public async Task<(RegisterPage Page, ProposalChoices Choices)> RegisterWithChoicesAsync(RegisterFilter filter, CancellationToken ct = default)
    {
        var snapshot = inputs is null ? await cache.SnapshotAsync(ct) : await cache.SnapshotUnderAsync("r", inputs.CounterAsync, ct);
        var choices = await snapshot.GetAsync(ChoicesKey, () => kept is not null && inputs is not null
            ? kept.ChoicesAsync(inputs.Log, () => BuildChoicesAsync(ct), ct)
            : BuildChoicesAsync(ct));
        // The filtered query is built only when a figure is not kept: building it touches the request's database
        // context, which a warm register page otherwise never builds (issue 21 § 4, ADR 0223).
        // Totals of the whole filtered set, never summed from a page: each proposal's part kept and taken in per changed
        // proposal (ADR 0237), or one aggregate where nothing is kept.
        // A filter's parts are read on the request only when they are kept already (a write taken in) or the page is
        // sorted by bucket (the counts per lead unit or item come from them); otherwise the first visit answers from one
        // aggregate and the parts are read off the request for the next write (ADR 0237). A page sorted by an amount or
        // by title is then found in the kept parts' orders, or on a first visit by title in the kept title order (ADR 0238).
        var filterKey = $"{filter with { Page = 1, Sort = RegisterSort.Code, Descending = false }}";
        var bucketSort = filter.Sort is RegisterSort.Organization or RegisterSort.Item;
        var view = kept is not null && inputs is not null && (bucketSort || kept.HasParts(filterKey))
            ? await snapshot.GetAsync("register-view:" + filterKey, () => kept.ViewAsync(filterKey, ReadsNames(filter), inputs.Log, ids => PartsAsync(filter, choices, snapshot, ids, ct), ct))
            : null;
        var totals = view?.Totals ?? await snapshot.GetAsync("register-totals:" + filterKey, async () =>
            await Totals(await FilteredAsync(filter, choices, snapshot, ct)).FirstOrDefaultAsync(ct));
        if (view is null && kept is not null && scopes is not null)
        {
            kept.BuildLater(filterKey, async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProposalQueries>().KeepPartsAsync(filter, filterKey);
            });
        }

        var count = totals?.Count ?? 0;
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);

        // A search that matches many rows, in code order: the page walks the code index and probes the matches
        // instead of reading and sorting every match (ADR 0209).
        var probeMatches = filter.Sort == RegisterSort.Code && count > ProbeMatchesAbove && FullTextQuery.Terms(filter.Query).Count > 0;

        // The page's rows too are kept per data version: paging back and forth, or many people on the same page,
        // costs no query until the next business write.
        var rows = await snapshot.GetAsync($"register-page:{filter with { Page = page }}", async () => filter.Sort is RegisterSort.Organization or RegisterSort.Item
            ? await BucketPageAsync(filter, filterKey, view, choices, snapshot, (page - 1) * PageSize, ct)
            : (view is not null
                  ? await KeptOrderPageAsync(filter, filterKey, (page - 1) * PageSize, ct)
                  : await TitleWalkPageAsync(filter, choices, snapshot, (page - 1) * PageSize, ct))
              ?? await RowsOf(Sorted(await FilteredAsync(filter, choices, snapshot, ct, probeMatches), filter.Sort, filter.Descending)
                .Skip((page - 1) * PageSize)
                .Take(PageSize))
                .ToListAsync(ct));

        return (new RegisterPage(rows, count, totals?.TotalCost ?? 0, totals?.ProvincialShare ?? 0, page, PageSize), choices);
    }

    /// <summary>Reads and keeps a filter's parts (<see cref="KeptRegisterFigures.BuildLater"/>, in a scope of its own).</summary>
    private async Task KeepPartsAsync(RegisterFilter filter, string filterKey)
    {
        if (kept is null || inputs is null)
        {
            return;
        }

        var snapshot = await cache.SnapshotUnderAsync("r", inputs.CounterAsync, CancellationToken.None);
        var choices = await snapshot.GetAsync(ChoicesKey, () => kept.ChoicesAsync(inputs.Log, () => BuildChoicesAsync(CancellationToken.None), CancellationToken.None));
        await kept.ViewAsync(filterKey, ReadsNames(filter), inputs.Log, ids => PartsAsync(filter, choices, snapshot, ids, CancellationToken.None), CancellationToken.None);
    }

    private IQueryable<ProposalRow> RowsOf(IQueryable<Proposal> q) => q.Select(p => new ProposalRow(
        p.Id, p.Code, p.Title,
        db.Programs.Where(pr => pr.Id == p.ProgramId).Select(pr => pr.Code).First(),
        p.ContentItemId, p.ContentItem.Code, p.ContentItem.Name,
        p.LeadOrganizationId, p.LeadOrganization.Name,
        p.StartYear, p.EndYear,
        p.EffectiveTotalCost(),
        p.EffectiveProvincialShare(),
        p.Status, p.StatusChangedAt, p.IsSample));

    /// <summary>
    /// A page of the register sorted by lead unit or by item, read by buckets (ADR 0237). The filtered set's count per
    /// lead unit (per item) is kept with its totals (or, where nothing is kept, one grouped aggregate); the buckets' order
    /// is known without SQL (lead units in Vietnamese order in the kept choices, items in catalog order), so the rows of
    /// the page are found by walking the counts and read from the one to three segments the page falls in, in code
    /// order: by the kept ids of their proposals, or through the filter. SQL never sorts the whole filtered set by a
    /// joined name (247-628 ms at 100.000 proposals). Lead units whose names are equal in Vietnamese order (items with the
    /// same group and item position) form one bucket, so ties still fall by code as the plain ORDER BY had them.
    /// </summary>
    private async Task<List<ProposalRow>> BucketPageAsync(RegisterFilter filter, string filterKey, KeptRegisterView? view, ProposalChoices choices, VersionedCache.Snapshot snapshot, int skip, CancellationToken ct)
    {
        var byOrganization = filter.Sort == RegisterSort.Organization;
        var buckets = byOrganization
            ? kept?.OrganizationBuckets(choices) ?? RegisterBuckets.ByName(choices.Organizations)
            : await snapshot.GetAsync("register-item-buckets", () => ItemBucketsAsync(ct));
        var counts = (byOrganization ? view?.ByOrganization : view?.ByItem)
            ?? await snapshot.GetAsync($"register-bucket-counts:{filter.Sort}:{filterKey}", async () =>
            {
                var filtered = await FilteredAsync(filter, choices, snapshot, ct);
                var grouped = byOrganization
                    ? filtered.GroupBy(p => p.LeadOrganizationId).Select(g => new { g.Key, Count = g.Count() })
                    : filtered.GroupBy(p => p.ContentItemId).Select(g => new { g.Key, Count = g.Count() });
                return (IReadOnlyDictionary<int, int>)(await grouped.ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);
            });

        // Lead unit descending is by name descending, then code ascending (as the plain sort was); item descending is all descending.
        var codeDescending = !byOrganization && filter.Descending;
        var rows = new List<ProposalRow>(PageSize);
        foreach (var segment in RegisterBuckets.Segments(buckets, counts, filter.Descending, skip, PageSize))
        {
            var keys = segment.Keys;
            var ids = kept is null ? null : await kept.IdsAsync(filterKey, byOrganization, keys.ToHashSet(), ct);
            IQueryable<Proposal> inBucket;
            if (ids is not null)
            {
                inBucket = db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id));
            }
            else
            {
                var filtered = await FilteredAsync(filter, choices, snapshot, ct);
                inBucket = byOrganization
                    ? filtered.Where(p => keys.Contains(p.LeadOrganizationId))
                    : filtered.Where(p => keys.Contains(p.ContentItemId));
            }

            if (!segment.IsWhole)
            {
                var ordered = codeDescending ? inBucket.OrderByDescending(p => p.Code) : inBucket.OrderBy(p => p.Code);
                rows.AddRange(await RowsOf(ordered.Skip(segment.Skip).Take(segment.Take)).ToListAsync(ct));
                continue;
            }

            // Several whole buckets: exactly their rows (no more than a page), put in bucket order, then code order.
            var rank = new Dictionary<int, int>();
            for (var b = 0; b < segment.Buckets.Count; b++)
            {
                foreach (var key in segment.Buckets[b])
                {
                    rank[key] = b;
                }
            }

            var read = await RowsOf(inBucket).ToListAsync(ct);
            var sign = codeDescending ? -1 : 1;
            read.Sort((x, y) =>
            {
                var byBucket = rank[byOrganization ? x.OrganizationId : x.ContentItemId].CompareTo(rank[byOrganization ? y.OrganizationId : y.ContentItemId]);
                return byBucket != 0 ? byBucket : sign * string.CompareOrdinal(x.Code, y.Code);
            });
            rows.AddRange(read);
        }

        return rows;
    }

    /// <summary>
    /// Above this many proposals sharing the page's amounts, a page sorted by an amount is sorted in SQL as before: reading
    /// them by id and sorting them would cost about as much.
    /// </summary>
    public const int MostAmountSliceIds = 2000;

    /// <summary>
    /// A page of a kept filter sorted by title (<c>TitlePageAsync</c>) or by total cost or provincial share: the kept
    /// parts, ordered by that amount in memory
    /// (once per change), name the few proposals whose amounts the page spans; SQL reads those by id and orders them by
    /// amount, then code, exactly as the plain ORDER BY over the whole filtered set did (171-269 ms at 100.000 proposals).
    /// Null when the filter's parts are not kept (the first visit; the caller sorts in SQL and the parts are read later).
    /// </summary>
    private async Task<List<ProposalRow>?> KeptOrderPageAsync(RegisterFilter filter, string filterKey, int skip, CancellationToken ct)
    {
        if (kept is null)
        {
            return null;
        }

        if (filter.Sort == RegisterSort.Title)
        {
            return await PickedPageAsync(filter, filterKey, await TitleOrderAsync(ct), skip, ct);
        }

        // A search (or a lead unit typed) in code order: its kept matches picked out of the kept code order (ADR 0244),
        // not the match set sorted by code again after every write to a proposal. Other filters' pages walk the code
        // index in SQL, which costs no more.
        if (filter.Sort == RegisterSort.Code && ReadsNames(filter))
        {
            return await PickedPageAsync(filter, filterKey, await CodeOrderAsync(ct), skip, ct);
        }

        if (filter.Sort is not (RegisterSort.TotalCost or RegisterSort.ProvincialShare))
        {
            return null;
        }

        var slice = await kept.AmountSliceAsync(filterKey, filter.Sort == RegisterSort.ProvincialShare, filter.Descending, skip, PageSize, MostAmountSliceIds, ct);
        if (slice is null)
        {
            return null;
        }

        if (slice.Ids.Length == 0)
        {
            return [];
        }

        var ids = slice.Ids;
        return await RowsOf(Sorted(db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)), filter.Sort, filter.Descending)
                .Skip(slice.Skip)
                .Take(PageSize))
            .ToListAsync(ct);
    }

    /// <summary>
    /// A page of a kept filter sorted by title (ADR 0238) or, for a search, by code (ADR 0244): its ids picked out of the
    /// kept order, the 50 rows read by id and put in that order. Null while the order is not built (its build then
    /// scheduled off the request) or the filter is not kept.
    /// </summary>
    private async Task<List<ProposalRow>?> PickedPageAsync(RegisterFilter filter, string filterKey, KeptTextOrder.State? order, int skip, CancellationToken ct)
    {
        if (kept is null || order is null)
        {
            return null;
        }

        var ids = await kept.PickedPageAsync(filterKey, order, filter.Descending, skip, PageSize, ct);
        if (ids is null)
        {
            return null;
        }

        if (ids.Length == 0)
        {
            return [];
        }

        var rows = (await RowsOf(db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private const string TitleOrderBuild = "title-order";
    private const string CodeOrderBuild = "code-order";

    /// <summary>The kept title order with the log's changes taken in; null while it is not built (its build then scheduled).</summary>
    private Task<KeptTextOrder.State?> TitleOrderAsync(CancellationToken ct) =>
        KeptOrderAsync(titles, TitlesAsync, TitleOrderBuild, q => q.BuildTitleOrderAsync(), ct);

    /// <summary>The kept code order with the log's changes taken in; null while it is not built (its build then scheduled).</summary>
    private Task<KeptTextOrder.State?> CodeOrderAsync(CancellationToken ct) =>
        KeptOrderAsync(codes, CodesAsync, CodeOrderBuild, q => q.BuildCodeOrderAsync(), ct);

    /// <summary>A kept text order (<paramref name="order"/>) with the log's changes taken in, its build scheduled as <paramref name="build"/> when it is not kept.</summary>
    private Task<KeptTextOrder.State?> KeptOrderAsync(
        KeptTextOrder? order,
        Func<IReadOnlyCollection<int>?, Task<List<(int Id, string Value)>>> read,
        string build,
        Func<ProposalQueries, Task> buildIn,
        CancellationToken ct) =>
        order is null || kept is null || inputs is null || scopes is null
            ? Task.FromResult<KeptTextOrder.State?>(null)
            : order.CurrentAsync(inputs.Log, read, () => kept.BuildLater(build, async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await buildIn(scope.ServiceProvider.GetRequiredService<ProposalQueries>());
            }), ct);

    /// <summary>The most proposals of the title order a first visit asks about before it reads the filter's parts instead.</summary>
    public const int MostTitleWalk = 16_384;

    /// <summary>
    /// A first visit of a filter sorted by title (its parts not kept yet, their reading scheduled off the request), with the
    /// title order kept (ADR 0238): the order is walked from the page's end of it in growing chunks (256, 512, … ids), SQL
    /// saying which of each chunk's proposals the filter holds (by id, one JSON-array parameter), until the page is found;
    /// so page 1 of a program's register asks about a few hundred proposals instead of sorting 78.000 through the
    /// collation. Null (the plain sort answers) for a search or a lead unit typed (their matches are few: the sort is
    /// cheap) and when the page lies beyond <see cref="MostTitleWalk"/> proposals of the order.
    /// </summary>
    private async Task<List<ProposalRow>?> TitleWalkPageAsync(RegisterFilter filter, ProposalChoices choices, VersionedCache.Snapshot snapshot, int skip, CancellationToken ct)
    {
        if (filter.Sort != RegisterSort.Title || kept is null || titles is null || inputs is null || scopes is null || !titles.IsBuilt
            || FullTextQuery.Terms(filter.Query).Count > 0 || SearchText.Terms(filter.Lead).Count > 0)
        {
            return null;
        }

        var order = await TitleOrderAsync(ct);
        if (order is null)
        {
            return null;
        }

        titles.CountWalk();

        var sequence = order.Ids(filter.Descending);
        var found = new List<int>(skip + PageSize);
        var chunk = 256;
        var start = 0;
        while (found.Count < skip + PageSize && start < sequence.Length)
        {
            if (start >= MostTitleWalk)
            {
                return null;
            }

            var asked = sequence[start..Math.Min(sequence.Length, start + chunk)];
            var held = (await (await FilteredAsync(filter, choices, snapshot, ct, among: asked)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            found.AddRange(asked.Where(held.Contains));
            start += asked.Length;
            chunk = Math.Min(chunk * 2, 4096);
        }

        var ids = found.Skip(skip).Take(PageSize).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var rows = (await RowsOf(db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    /// <summary>Builds the kept title order (<see cref="KeptRegisterFigures.BuildLater"/> or the start's warm-up, in a scope of its own).</summary>
    public Task BuildTitleOrderAsync() => titles is null || inputs is null ? Task.CompletedTask : titles.BuildAsync(inputs.Log, TitlesAsync);

    /// <summary>Builds the kept code order (<see cref="KeptRegisterFigures.BuildLater"/> or the start's warm-up, in a scope of its own).</summary>
    public Task BuildCodeOrderAsync() => codes is null || inputs is null ? Task.CompletedTask : codes.BuildAsync(inputs.Log, CodesAsync);

    private async Task<List<(int Id, string Value)>> TitlesAsync(IReadOnlyCollection<int>? ids)
    {
        var read = await Among(ids).Select(p => new { p.Id, p.Title }).ToListAsync();
        return read.ConvertAll(r => (r.Id, r.Title));
    }

    private async Task<List<(int Id, string Value)>> CodesAsync(IReadOnlyCollection<int>? ids)
    {
        var read = await Among(ids).Select(p => new { p.Id, p.Code }).ToListAsync();
        return read.ConvertAll(r => (r.Id, r.Code));
    }

    /// <summary>Every proposal, or those of <paramref name="ids"/> (one JSON-array parameter).</summary>
    private IQueryable<Proposal> Among(IReadOnlyCollection<int>? ids)
    {
        var q = db.Proposals.AsNoTracking();
        if (ids is not null)
        {
            var some = ids.ToArray();
            q = q.Where(p => some.Contains(p.Id));
        }

        return q;
    }

    /// <summary>Items by their group's position, then their own (across programs, as the plain sort had them).</summary>
    private async Task<IReadOnlyList<int[]>> ItemBucketsAsync(CancellationToken ct)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Select(i => new { i.Id, Group = i.Group.SortOrder, Item = i.SortOrder })
            .ToListAsync(ct);
        return items
            .GroupBy(i => (i.Group, i.Item))
            .OrderBy(g => g.Key.Group).ThenBy(g => g.Key.Item)
            .Select(g => g.Select(i => i.Id).ToArray())
            .ToList();
    }

    /// <summary>Whether a filter matches lead units' names or tax codes (so a lead unit's change may change what it finds).</summary>
    private static bool ReadsNames(RegisterFilter f) => FullTextQuery.Terms(f.Query).Count > 0 || SearchText.Terms(f.Lead).Count > 0;

    /// <summary>Each proposal's part of the filter's figures: every match, or the matches among <paramref name="ids"/>.</summary>
    private async Task<List<(int Id, RegisterPart Part)>> PartsAsync(RegisterFilter filter, ProposalChoices choices, VersionedCache.Snapshot snapshot, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var filtered = await FilteredAsync(filter, choices, snapshot, ct, among: ids);
        var parts = await filtered
            .Select(p => new { p.Id, Cost = p.EffectiveTotalCost(), Share = p.EffectiveProvincialShare(), p.LeadOrganizationId, p.ContentItemId })
            .ToListAsync(ct);
        return parts.ConvertAll(p => (p.Id, new RegisterPart(p.Cost, p.Share, p.LeadOrganizationId, p.ContentItemId)));
    }

    /// <summary>
    /// The count and sums of a filtered set, in one aggregate. Every column it reads is in
    /// <c>IX_Proposals_SearchTotals</c> (id first), so the totals of a search look each match up in that narrow index
    /// rather than in its row (ADR 0218).
    /// </summary>
    public static IQueryable<RegisterTotals> Totals(IQueryable<Proposal> filtered) => filtered
        .GroupBy(_ => 1)
        .Select(g => new RegisterTotals(
            g.Count(),
            g.Sum(p => p.EffectiveTotalCost()),
            g.Sum(p => p.EffectiveProvincialShare())));

    /// <summary>
    /// Above this many matches a search's page in code order probes the match set while walking the code index
    /// (ADR 0209): at one proposal in eight matching, a page of 50 visits about 400 index entries instead of reading
    /// and sorting 10.000 rows; below it, reading the few matches by id is cheaper than any walk.
    /// </summary>
    public const int ProbeMatchesAbove = 1000;

    private async Task<IQueryable<Proposal>> FilteredAsync(RegisterFilter f, ProposalChoices choices, VersionedCache.Snapshot snapshot, CancellationToken ct, bool probeMatches = false, IReadOnlyCollection<int>? among = null)
    {
        var query = db.Proposals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.ProgramCode))
        {
            // The program's id from the cached choices: codes are unique; an unknown code matches nothing.
            var programId = choices.Programs.FirstOrDefault(p => p.Code == f.ProgramCode)?.Id ?? -1;
            query = query.Where(p => p.ProgramId == programId);
        }

        if (f.Year is { } year)
        {
            query = query.Where(p => p.StartYear <= year && p.EndYear >= year);
        }

        if (f.ItemId is { } itemId)
        {
            query = query.Where(p => p.ContentItemId == itemId);
        }
        else if (f.GroupId is { } groupId)
        {
            query = query.Where(p => p.ContentItem.GroupId == groupId);
        }

        if (f.OrganizationId is { } orgId)
        {
            query = query.Where(p => p.LeadOrganizationId == orgId);
        }

        var leadTerms = SearchText.Terms(f.Lead);
        if (leadTerms.Count > 0)
        {
            var leadUnits = await LeadUnitsMatchingAsync(leadTerms, choices, snapshot);
            query = query.Where(p => leadUnits.Contains(p.LeadOrganizationId));
        }

        if (f.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (f.CountedOnly)
        {
            var counted = ProposalStatusText.Counted.ToArray();
            query = query.Where(p => counted.Contains(p.Status));
        }

        // Each word must start a word of the code, title, lead unit or tax code, with or without diacritics:
        // "dao tao" finds "Đào tạo", "th-2024" the codes TH-2024-… (full-text index, ADR 0106).
        if (among is not null)
        {
            var some = among.ToArray();
            query = query.Where(p => some.Contains(p.Id));
        }

        return query.Matching(db, f.Query, probeMatches, among);
    }

    private static IQueryable<Proposal> Sorted(IQueryable<Proposal> q, RegisterSort sort, bool desc) => sort switch
    {
        RegisterSort.Title => q.OrderByVietnamese(p => p.Title, desc).ThenBy(p => p.Id),
        RegisterSort.Item => desc
            ? q.OrderByDescending(p => p.ContentItem.Group.SortOrder).ThenByDescending(p => p.ContentItem.SortOrder).ThenByDescending(p => p.Code)
            : q.OrderBy(p => p.ContentItem.Group.SortOrder).ThenBy(p => p.ContentItem.SortOrder).ThenBy(p => p.Code),
        RegisterSort.Organization => q.OrderByVietnamese(p => p.LeadOrganization.Name, desc).ThenBy(p => p.Code),
        RegisterSort.Year => desc ? q.OrderByDescending(p => p.StartYear).ThenByDescending(p => p.Code) : q.OrderBy(p => p.StartYear).ThenBy(p => p.Code),
        RegisterSort.Status => desc ? q.OrderByDescending(p => p.Status).ThenBy(p => p.Code) : q.OrderBy(p => p.Status).ThenBy(p => p.Code),
        RegisterSort.TotalCost => desc
            ? q.OrderByDescending(p => p.EffectiveTotalCost()).ThenBy(p => p.Code)
            : q.OrderBy(p => p.EffectiveTotalCost()).ThenBy(p => p.Code),
        RegisterSort.ProvincialShare => desc
            ? q.OrderByDescending(p => p.EffectiveProvincialShare()).ThenBy(p => p.Code)
            : q.OrderBy(p => p.EffectiveProvincialShare()).ThenBy(p => p.Code),
        RegisterSort.Changed => desc ? q.OrderByDescending(p => p.StatusChangedAt).ThenByDescending(p => p.Id) : q.OrderBy(p => p.StatusChangedAt).ThenBy(p => p.Id),
        _ => desc ? q.OrderByDescending(p => p.Code) : q.OrderBy(p => p.Code),
    };

    /// <summary>
    /// The lead units whose folded name and tax code contain every word typed: "cong ty co khi" finds
    /// "Công ty Cơ khí …", "2900" finds the tax codes starting so. Matched against the folded names kept
    /// with the data version, so a register request never folds the whole list.
    /// </summary>
    /// <summary>
    /// The lead units matching what was typed in a lead-unit search box (name words or tax code), or null when
    /// nothing was typed. For lists other than the register (the disbursement register).
    /// </summary>
    public async Task<int[]?> LeadUnitIdsAsync(string? typed, CancellationToken ct = default)
    {
        var terms = SearchText.Terms(typed);
        if (terms.Count == 0)
        {
            return null;
        }

        var snapshot = await cache.SnapshotAsync(ct);
        var choices = await snapshot.GetAsync(ChoicesKey, () => BuildChoicesAsync(ct));
        return await LeadUnitsMatchingAsync(terms, choices, snapshot);
    }

    private static async Task<int[]> LeadUnitsMatchingAsync(IReadOnlyList<string> terms, ProposalChoices choices, VersionedCache.Snapshot snapshot)
    {
        var units = await snapshot.GetAsync("lead-unit-search", () =>
            Task.FromResult(choices.Organizations.Select(o => (o.Id, Text: SearchText.For(int.MaxValue, o.Name, o.TaxCode))).ToArray()));
        return units.Where(u => terms.All(t => u.Text.Contains(t, StringComparison.Ordinal))).Select(u => u.Id).ToArray();
    }

    /// <summary>Programs, their groups and items (in catalog order) and every lead unit, for selects.</summary>
    public Task<ProposalChoices> ChoicesAsync(CancellationToken ct = default) => cache.GetAsync(ChoicesKey, () => BuildChoicesAsync(ct), ct);

    private const string ChoicesKey = "proposal-choices";

    private async Task<ProposalChoices> BuildChoicesAsync(CancellationToken ct)
    {
        var programs = await db.Programs.AsNoTracking()
            .OrderBy(p => p.StartYear)
            .Select(p => new ProgramOption(p.Id, p.Code, p.Name, p.StartYear, p.EndYear, p.Status))
            .ToListAsync(ct);
        var groups = await db.ContentGroups.AsNoTracking()
            .OrderBy(g => g.Program.StartYear).ThenBy(g => g.SortOrder)
            .Select(g => new { g.Id, g.ProgramId, ProgramCode = g.Program.Code, g.Code, g.Name })
            .ToListAsync(ct);
        var items = await db.ContentItems.AsNoTracking()
            .OrderBy(i => i.SortOrder)
            .Select(i => new { i.GroupId, Item = new ItemOption(i.Id, i.Code, i.Name) })
            .ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking()
            .OrderByVietnamese(o => o.Name)
            .Select(o => new OrganizationOption(o.Id, o.Name, o.TaxCode))
            .ToListAsync(ct);
        return new ProposalChoices(
            programs,
            groups.Select(g => new GroupOption(g.Id, g.ProgramId, g.ProgramCode, g.Code, g.Name,
                items.Where(i => i.GroupId == g.Id).Select(i => i.Item).ToList())).ToList(),
            organizations);
    }

    public async Task<ProposalDetails?> DetailsAsync(int id, CancellationToken ct = default)
    {
        var details = await db.Proposals.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ProposalDetails(
                p.Id, p.Code, p.Title, p.Objectives, p.ExpectedOutputs,
                db.Programs.Where(pr => pr.Id == p.ProgramId).Select(pr => pr.Code).First(),
                db.Programs.Where(pr => pr.Id == p.ProgramId).Select(pr => pr.Name).First(),
                p.ContentItemId, p.ContentItem.Code, p.ContentItem.Name, p.ContentItem.Group.Code, p.ContentItem.Group.Name,
                p.LeadOrganizationId, p.LeadOrganization.Name, p.LeadOrganization.TaxCode,
                p.StartYear, p.EndYear,
                p.RequestedTotalCost, p.RequestedProvincialShare,
                p.AppraisalDate, p.AppraisalOpinion, p.RecommendedTotalCost, p.RecommendedProvincialShare,
                p.DecisionNumber, p.DecisionDate, p.ApprovedTotalCost, p.ApprovedProvincialShare,
                p.AcceptanceDate, p.AcceptanceResult,
                p.SettlementDecisionNumber, p.SettlementDate, p.SettledTotalCost, p.SettledProvincialShare,
                p.ClosingReason, p.Status, p.StatusChangedAt, p.IsSample, p.ConcurrencyStamp,
                p.CreatedBy, p.CreatedAt, p.UpdatedBy, p.UpdatedAt)
            {
                ItemProgramId = p.ContentItem.Group.ProgramId,
                OrganizationKind = p.LeadOrganization.Kind,
            })
            .FirstOrDefaultAsync(ct);
        if (details is null)
        {
            return null;
        }

        var transitions = await db.ProposalTransitions.AsNoTracking()
            .Where(t => t.ProposalId == id)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new TransitionRow(t.Action, t.FromStatus, t.ToStatus, t.UserName, t.UserDisplayName, t.At, t.Comment))
            .ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.ProposalId == id)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.DocumentType, a.FileName, a.ContentType, a.Size, a.Sha256, a.Description,
                a.UploadedBy, a.UploadedAt, a.IsDeleted, a.DeletedBy, a.DeletedAt))
            .ToListAsync(ct);
        return details with
        {
            Transitions = transitions,
            Attachments = attachments,
            Disbursements = await DisbursementsAsync(id, details.SettledProvincialShare ?? details.ApprovedProvincialShare, ct),
        };
    }

    /// <summary>The proposal's ledger lines and sums; recording them is the disbursement feature's.</summary>
    /// <remarks>
    /// The sums are taken from the lines just read (every line of the proposal is on the page, whole đồng, exact decimal):
    /// a second query of the same rows would cost a round trip and, on the page's first visit, a query compilation (ADR 0235).
    /// </remarks>
    public async Task<DisbursementSummary> DisbursementsAsync(int proposalId, decimal? provincialCeiling, CancellationToken ct = default)
    {
        var entries = await db.DisbursementEntries.AsNoTracking()
            .Where(e => e.ProposalId == proposalId)
            .OrderBy(e => e.EntryDate).ThenBy(e => e.Id)
            .Select(e => new DisbursementRow(e.Id, e.EntryDate, e.Kind, e.Source, e.VoucherNumber, e.Amount, e.Note, e.RecordedBy, e.ReversesEntryId))
            .ToListAsync(ct);
        return new DisbursementSummary(entries, provincialCeiling,
            entries.Where(e => e.Source == FundingSource.ProvincialBudget).Sum(e => e.Amount),
            entries.Where(e => e.Source != FundingSource.ProvincialBudget).Sum(e => e.Amount));
    }

    public async Task<ProposalForm?> FormAsync(int id, CancellationToken ct = default) =>
        await db.Proposals.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ProposalForm(p.Id, p.Code, p.ProgramId, p.ContentItemId, p.LeadOrganizationId, p.Title, p.Objectives, p.ExpectedOutputs,
                p.StartYear, p.EndYear, p.RequestedTotalCost, p.RequestedProvincialShare, p.Status, p.ConcurrencyStamp))
            .FirstOrDefaultAsync(ct);
}
