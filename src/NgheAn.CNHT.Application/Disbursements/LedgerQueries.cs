using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Disbursements;

public sealed record LedgerFilter(
    string? ProgramCode = null,
    int? Year = null,
    FundingSource? Source = null,
    DisbursementKind? Kind = null,
    string? GroupCode = null,
    int? ProposalId = null,
    int? LeadOrganizationId = null,
    int Page = 1,
    int PageSize = 50,
    int? EntryId = null,
    IReadOnlyCollection<int>? LeadUnitIds = null);

public sealed record LedgerRow(int Id, DateOnly EntryDate, int ProposalId, string ProposalCode, string ProposalTitle, string LeadUnit,
    string ItemCode, DisbursementKind Kind, FundingSource Source, string VoucherNumber, string? Note, decimal Amount, int? ReversesEntryId,
    bool IsReversed, string RecordedBy, DateTime RecordedAt, bool IsSample, bool LedgerOpen = true);

/// <summary>Totals of the balances table: every filtered proposal, not only the page shown.</summary>
public sealed record BalanceTotals(int Count, decimal ApprovedProvincialShare, decimal ApprovedOtherSources, decimal DisbursedProvincial, decimal DisbursedNonProvincial, decimal OutstandingAdvances)
{
    public decimal RemainingProvincial => ApprovedProvincialShare - DisbursedProvincial;
}

public sealed record LedgerTotals(int Count, decimal Provincial, decimal Counterpart, decimal Other)
{
    public decimal All => Provincial + Counterpart + Other;
}

public sealed record LedgerPage(IReadOnlyList<LedgerRow> Rows, LedgerTotals Totals, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Totals.Count + PageSize - 1) / PageSize);
}

/// <summary>
/// One proposal's balance: approved (or settled) amounts against the ledger. "Outstanding advances"
/// are the advances (net of their reversals) of a proposal not yet settled.
/// </summary>
public sealed record ProposalBalance(
    int ProposalId, string Code, string Title, string LeadUnit, ProposalStatus Status,
    decimal ApprovedProvincialShare, decimal ApprovedOtherSources,
    decimal DisbursedProvincial, decimal DisbursedCounterpart, decimal DisbursedOther, decimal Advances)
{
    public decimal RemainingProvincial => ApprovedProvincialShare - DisbursedProvincial;
    public decimal DisbursedNonProvincial => DisbursedCounterpart + DisbursedOther;
    public decimal? PercentDisbursed => ApprovedProvincialShare == 0 ? null : DisbursedProvincial / ApprovedProvincialShare;
    public decimal OutstandingAdvances => Status == ProposalStatus.Settled ? 0 : Advances;
}

/// <summary>Reads of the ledger: the register, its totals and per-proposal balances, all aggregated in SQL.</summary>
public sealed class LedgerQueries(
    IAppDbContext db, VersionedCache cache, LedgerItemSums kept, KeptBalanceTotals keptBalances, IDataVersion version, IBalanceInputChanges balanceInputs)
{
    private static readonly ProposalStatus[] WithLedger =
        [ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled];


    /// <summary>
    /// From this many entries in a program's group, a page of the group's entries walks the program's entries newest first
    /// and asks of each whether its proposal is in the group (<see cref="InGroupWalked"/>); below it the planner starts from
    /// the group's proposals, which is then cheaper than a walk that finds few.
    /// </summary>
    public int GroupWalkFrom { get; set; } = 2000;

    public async Task<LedgerPage> RegisterAsync(LedgerFilter filter, CancellationToken ct = default)
    {
        var programId = await ProgramIdAsync(filter, ct);
        var query = Filtered(filter, programId);
        // Filtered by program, year, source, kind or group only: the kept sums answer (ADR 0104, issue 21), a few hundred rows.
        // Otherwise (a proposal, a lead unit, an entry) the filter bounds the entries through an index; kept until the next
        // business write.
        var totals = await KeptTotalsAsync(filter, ct) ?? await Cached("totals", filter, async () =>
        {
            var sums = await query.GroupBy(e => e.Source)
                .Select(g => new { Source = g.Key, Count = g.Count(), Sum = g.Sum(e => e.Amount) })
                .ToListAsync(ct);
            decimal Of(FundingSource s) => sums.FirstOrDefault(x => x.Source == s)?.Sum ?? 0m;
            return new LedgerTotals(sums.Sum(s => s.Count), Of(FundingSource.ProvincialBudget), Of(FundingSource.Counterpart), Of(FundingSource.Other));
        }, ct);

        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 10, 200);
        var rowsQuery = programId is not null && !string.IsNullOrEmpty(filter.GroupCode) && totals.Count >= GroupWalkFrom
            ? InGroupWalked(Filtered(filter with { GroupCode = null }, programId), filter.GroupCode)
            : query;
        var rows = await rowsQuery
            .OrderByDescending(e => e.EntryDate).ThenByDescending(e => e.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(e => new LedgerRow(e.Id, e.EntryDate, e.ProposalId, e.Proposal.Code, e.Proposal.Title, e.Proposal.LeadOrganization.Name,
                e.Proposal.ContentItem.Code, e.Kind, e.Source, e.VoucherNumber, e.Note, e.Amount, e.ReversesEntryId,
                db.DisbursementEntries.Any(r => r.ReversesEntryId == e.Id), e.RecordedBy, e.RecordedAt, e.IsSample,
                // Settled or cancelled proposals take no entry, not even a reversal.
                e.Proposal.Status != ProposalStatus.Settled && e.Proposal.Status != ProposalStatus.Cancelled))
            .ToListAsync(ct);
        return new LedgerPage(rows, totals, page, size);
    }

    /// <summary>
    /// Balances of the proposals that can carry ledger entries (approved and later), filtered like the
    /// register, one page at a time in code order; sums come from two grouped aggregates over the page's ids.
    /// </summary>
    public async Task<IReadOnlyList<ProposalBalance>> BalancesAsync(LedgerFilter filter, int page = 1, int pageSize = int.MaxValue, CancellationToken ct = default)
    {
        // By the program's id (as the ledger's rows): the page is a walk of (ProgramId, Code) whatever the planner's statistics say.
        var query = BalanceProposals(filter, await ProgramIdAsync(filter, ct)).OrderBy(p => p.Code).AsQueryable();
        if (pageSize != int.MaxValue)
        {
            query = query.Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize);
        }

        var heads = await query
            .Select(p => new
            {
                p.Id, p.Code, p.Title, Lead = p.LeadOrganization.Name, p.Status,
                Share = p.CountedProvincialShare(),
                Total = p.CountedTotalCost(),
            })
            .ToListAsync(ct);
        var ids = heads.Select(h => h.Id).ToList();
        var sums = (await db.DisbursementEntries.AsNoTracking()
                .Where(e => ids.Contains(e.ProposalId))
                .GroupBy(e => new { e.ProposalId, e.Source })
                .Select(g => new { g.Key.ProposalId, g.Key.Source, Sum = g.Sum(e => e.Amount) })
                .ToListAsync(ct))
            .ToDictionary(x => (x.ProposalId, x.Source), x => x.Sum);
        var advances = await AdvanceEntries(db.DisbursementEntries.AsNoTracking().Where(e => ids.Contains(e.ProposalId)))
            .GroupBy(e => e.ProposalId)
            .Select(g => new { ProposalId = g.Key, Sum = g.Sum(e => e.Amount) })
            .ToDictionaryAsync(x => x.ProposalId, x => x.Sum, ct);

        decimal Sum(int proposalId, FundingSource s) => sums.GetValueOrDefault((proposalId, s));
        return heads.Select(h => new ProposalBalance(h.Id, h.Code, h.Title, h.Lead, h.Status, h.Share, h.Total - h.Share,
                Sum(h.Id, FundingSource.ProvincialBudget), Sum(h.Id, FundingSource.Counterpart), Sum(h.Id, FundingSource.Other),
                advances.GetValueOrDefault(h.Id)))
            .ToList();
    }

    /// <summary>Totals of every balance the filter selects (not only a page), by SQL aggregates and the kept ledger sums.</summary>
    /// <remarks>
    /// When the kept sums can answer, the totals are kept per filter and brought up to date per posting
    /// (<see cref="KeptBalanceTotals"/>, ADR 0214) and per changed proposal (ADR 0226): built in full (the balanced
    /// proposals' ids, statuses and figures, their kept sums: 110–150 ms at national size) only after a change of the
    /// catalog or a bulk write (an import).
    /// The year, source and kind select no proposals: one figure serves them all. Otherwise kept under the data version.
    /// </remarks>
    public async Task<BalanceTotals> BalanceTotalsAsync(LedgerFilter filter, CancellationToken ct = default)
    {
        if (!KeptSumsAnswer(filter))
        {
            return await Cached("balance-totals", filter, () => ComputeBalanceTotalsAsync(filter, ct), ct);
        }

        var f = filter with { Year = null, Source = null, Kind = null, Page = 1 };
        return await keptBalances.GetAsync(db, version, balanceInputs, $"{f.ProgramCode}:{f.GroupCode}", () => KeptBalanceTotalsAsync(f, ct), ct);
    }

    /// <summary>Whether the kept sums can answer: they know the program, item, voucher year, source and kind of each entry.</summary>
    private static bool KeptSumsAnswer(LedgerFilter f) =>
        f.ProposalId is null && f.LeadOrganizationId is null && f.LeadUnitIds is null && f.EntryId is null;

    /// <summary>The programs and the items (of the group, if one is named) the filter selects.</summary>
    private sealed record Scope(IReadOnlyList<int> ProgramIds, HashSet<int>? Items)
    {
        public bool Has(int item) => Items is null || Items.Contains(item);
    }

    private async Task<Scope> ScopeAsync(LedgerFilter f, CancellationToken ct)
    {
        var programs = db.Programs.AsNoTracking();
        if (!string.IsNullOrEmpty(f.ProgramCode))
        {
            programs = programs.Where(p => p.Code == f.ProgramCode);
        }

        var ids = await programs.Select(p => p.Id).ToListAsync(ct);
        var items = string.IsNullOrEmpty(f.GroupCode)
            ? null
            : (await db.ContentItems.AsNoTracking().Where(i => i.Group.Code == f.GroupCode).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        return new Scope(ids, items);
    }

    /// <summary>The kept sums (<see cref="LedgerItemSums"/>) of the programs and the group the filter names.</summary>
    private async Task<List<LedgerSumRow>> KeptRowsAsync(Scope scope, CancellationToken ct)
    {
        var rows = new List<LedgerSumRow>();
        foreach (var programId in scope.ProgramIds)
        {
            rows.AddRange((await kept.RowsAsync(db, programId, ct)).Where(r => scope.Has(r.ContentItemId)));
        }

        return rows;
    }

    private async Task<LedgerTotals?> KeptTotalsAsync(LedgerFilter f, CancellationToken ct)
    {
        if (!KeptSumsAnswer(f))
        {
            return null;
        }

        var rows = await KeptRowsAsync(await ScopeAsync(f, ct), ct);

        var year = f.Year is { } y ? Math.Clamp(y, 1, 9998) : (int?)null;
        var chosen = rows.Where(r => (year is null || r.Year == year) && (f.Source is null || r.Source == f.Source) && (f.Kind is null || r.Kind == f.Kind)).ToList();
        decimal Of(FundingSource s) => chosen.Where(r => r.Source == s).Sum(r => r.Amount);
        return new LedgerTotals(chosen.Sum(r => r.Count), Of(FundingSource.ProvincialBudget), Of(FundingSource.Counterpart), Of(FundingSource.Other));
    }

    /// <summary>
    /// The balances' totals when the kept sums can answer (a program and a group, whatever the year, source or kind, which
    /// do not select proposals): the proposals' figures and statuses read once from the program's covering index
    /// (<c>IX_Proposals_Figures</c>) and kept per proposal, so a changed proposal's part can be taken out again (ADR 0226);
    /// the ledger's from the sums kept per proposal, added over the balanced proposals.
    /// </summary>
    private async Task<KeptBalanceTotals.Build> KeptBalanceTotalsAsync(LedgerFilter filter, CancellationToken ct)
    {
        var scope = await ScopeAsync(filter, ct);
        // Read once per change of the catalog: the postings and the changed proposals after it are taken in by the kept totals.
        var balanced = await BalanceProposals(filter, await ProgramIdAsync(filter, ct))
            .Select(p => new BalancedProposal(p.Id, p.ProgramId, p.Status != ProposalStatus.Settled, p.CountedProvincialShare(), p.CountedTotalCost()))
            .ToListAsync(ct);
        decimal provincial = 0, nonProvincial = 0, outstanding = 0;
        var upTo = new Dictionary<int, int>();
        foreach (var programId in scope.ProgramIds)
        {
            var sums = await kept.OfProposalsAsync(db, programId, balanced.Where(b => b.ProgramId == programId).Select(b => (b.Id, b.Open)), ct);
            provincial += sums.Provincial;
            nonProvincial += sums.NonProvincial;
            outstanding += sums.AdvancesNet;
            upTo[programId] = sums.UpToId;
        }

        var share = balanced.Sum(h => h.Share);
        return new KeptBalanceTotals.Build(
            new BalanceTotals(balanced.Count, share, balanced.Sum(h => h.Total) - share, provincial, nonProvincial, outstanding),
            balanced.ToDictionary(b => b.Id, b => new KeptBalanceTotals.Head(b.Open, b.Share, b.Total)), upTo,
            scope.ProgramIds.ToHashSet(), scope.Items);
    }

    private sealed record BalancedProposal(int Id, int ProgramId, bool Open, decimal Share, decimal Total);

    /// <summary>
    /// A figure over every filtered row, under the data version (ADR 0100): the same for every user until the next business
    /// write. A filter by a long list of lead units (a broad name search) is computed each time rather than kept.
    /// </summary>
    private Task<T> Cached<T>(string name, LedgerFilter f, Func<Task<T>> build, CancellationToken ct)
    {
        if (f.LeadUnitIds is { Count: > 50 })
        {
            return build();
        }

        var units = f.LeadUnitIds is null ? "-" : string.Join(',', f.LeadUnitIds.Order());
        return cache.GetAsync($"ledger:{name}:{f.ProgramCode}:{f.Year}:{f.Source}:{f.Kind}:{f.GroupCode}:{f.ProposalId}:{f.LeadOrganizationId}:{f.EntryId}:{units}", build, ct);
    }

    private async Task<BalanceTotals> ComputeBalanceTotalsAsync(LedgerFilter filter, CancellationToken ct)
    {
        var proposals = BalanceProposals(filter);
        var heads = await proposals
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Share = g.Sum(p => p.CountedProvincialShare()),
                Total = g.Sum(p => p.CountedTotalCost()),
            })
            .FirstOrDefaultAsync(ct);
        var ids = proposals.Select(p => p.Id);
        var bySource = await db.DisbursementEntries.AsNoTracking()
            .Where(e => ids.Contains(e.ProposalId))
            .GroupBy(e => e.Source == FundingSource.ProvincialBudget)
            .Select(g => new { Provincial = g.Key, Sum = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        var open = proposals.Where(p => p.Status != ProposalStatus.Settled).Select(p => p.Id);
        var advances = await AdvanceEntries(db.DisbursementEntries.AsNoTracking().Where(e => open.Contains(e.ProposalId)))
            .SumAsync(e => e.Amount, ct);
        return new BalanceTotals(heads?.Count ?? 0, heads?.Share ?? 0, (heads?.Total ?? 0) - (heads?.Share ?? 0),
            bySource.Where(x => x.Provincial).Sum(x => x.Sum), bySource.Where(x => !x.Provincial).Sum(x => x.Sum), advances);
    }

    /// <summary>Advances net of their reversals: a reversal of an advance points at it.</summary>
    private IQueryable<DisbursementEntry> AdvanceEntries(IQueryable<DisbursementEntry> entries) =>
        entries.Where(e => e.Kind == DisbursementKind.Advance
                           || (e.Kind == DisbursementKind.Reversal && db.DisbursementEntries.Any(o => o.Id == e.ReversesEntryId && o.Kind == DisbursementKind.Advance)));

    private IQueryable<Proposal> BalanceProposals(LedgerFilter filter, int? programId = null) => ProposalsOf(filter, programId).Where(p => WithLedger.Contains(p.Status));

    /// <summary>The proposals the filter selects, in any status (<paramref name="programId"/>: see <see cref="Filtered"/>).</summary>
    private IQueryable<Proposal> ProposalsOf(LedgerFilter filter, int? programId = null)
    {
        var proposals = db.Proposals.AsNoTracking();
        if (programId is { } id)
        {
            proposals = proposals.Where(p => p.ProgramId == id);
        }
        else if (!string.IsNullOrEmpty(filter.ProgramCode))
        {
            var program = db.Programs.Where(x => x.Code == filter.ProgramCode).Select(x => x.Id);
            proposals = proposals.Where(p => program.Contains(p.ProgramId));
        }

        if (!string.IsNullOrEmpty(filter.GroupCode))
        {
            proposals = proposals.Where(p => p.ContentItem.Group.Code == filter.GroupCode);
        }

        if (filter.ProposalId is { } proposalId)
        {
            proposals = proposals.Where(p => p.Id == proposalId);
        }

        if (filter.LeadOrganizationId is { } org)
        {
            proposals = proposals.Where(p => p.LeadOrganizationId == org);
        }

        if (filter.LeadUnitIds is { } units)
        {
            proposals = proposals.Where(p => units.Contains(p.LeadOrganizationId));
        }

        return proposals;
    }

    public async Task<ProposalBalance?> BalanceAsync(int proposalId, CancellationToken ct = default) =>
        (await BalancesAsync(new LedgerFilter(ProposalId: proposalId), ct: ct)).SingleOrDefault();

    /// <summary>
    /// The program's id when the rows are best walked down the program's own indexes (issue 21): null when the filter names
    /// no program, or names a proposal or lead units, whose few entries are best reached from the proposals' side.
    /// </summary>
    private async Task<int?> ProgramIdAsync(LedgerFilter f, CancellationToken ct) =>
        string.IsNullOrEmpty(f.ProgramCode) || f.ProposalId is not null || f.LeadOrganizationId is not null || f.LeadUnitIds is not null
            ? null
            // An unknown code matches nothing, as the subquery does.
            : await db.Programs.AsNoTracking().Where(x => x.Code == f.ProgramCode).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct) ?? -1;

    /// <summary>
    /// The entries whose proposal is in the group, asked per entry (a correlated <c>EXISTS</c> by the proposal's id): SQLite
    /// then walks <c>(Source, ProgramId, EntryDate, Id)</c> (or the program's own index) newest first and stops after the
    /// page. Through the joins of <see cref="Filtered"/> the planner started from the group's proposals and sorted all
    /// their entries (125.000 for a group's provincial payments at national size: 157-260 ms a page; 10 ms walked; ADR 0239).
    /// </summary>
    private IQueryable<DisbursementEntry> InGroupWalked(IQueryable<DisbursementEntry> q, string groupCode) =>
        q.Where(e => db.Proposals.Any(p => p.Id == e.ProposalId && p.ContentItem.Group.Code == groupCode));

    /// <summary>
    /// The entries the filter selects. With <paramref name="programId"/> the program is an equality on the entry's own
    /// column, so SQLite walks <c>(ProgramId, EntryDate, Id)</c>, <c>(Kind, ProgramId, EntryDate, Id)</c> or
    /// <c>(Source, ProgramId, EntryDate, Id)</c> newest first and stops after the page (docs/performance.md, issue 21 item 2,
    /// third round); through the program's code (<c>IN (SELECT …)</c>) it sorted every entry of the program that passed the
    /// other filters (8 s for a group at national size). A proposal or lead-unit filter keeps the subquery: the planner
    /// then starts from those proposals' entries, a few hundred at most.
    /// </summary>
    private IQueryable<DisbursementEntry> Filtered(LedgerFilter f, int? programId = null)
    {
        var q = db.DisbursementEntries.AsNoTracking();
        if (programId is { } id)
        {
            q = q.Where(e => e.ProgramId == id);
        }
        else if (!string.IsNullOrEmpty(f.ProgramCode))
        {
            var program = db.Programs.Where(x => x.Code == f.ProgramCode).Select(x => x.Id);
            q = q.Where(e => program.Contains(e.ProgramId));
        }

        if (f.Year is { } year)
        {
            // A year no voucher can have (a hand-edited address) matches nothing rather than failing.
            year = Math.Clamp(year, 1, 9998);
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(e => e.EntryDate >= from && e.EntryDate <= to);
        }

        if (f.Source is { } source)
        {
            q = q.Where(e => e.Source == source);
        }

        if (f.Kind is { } kind)
        {
            q = q.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrEmpty(f.GroupCode))
        {
            q = q.Where(e => e.Proposal.ContentItem.Group.Code == f.GroupCode);
        }

        if (f.ProposalId is { } proposalId)
        {
            q = q.Where(e => e.ProposalId == proposalId);
        }

        if (f.LeadOrganizationId is { } org)
        {
            q = q.Where(e => e.Proposal.LeadOrganizationId == org);
        }

        if (f.LeadUnitIds is { } units)
        {
            q = q.Where(e => units.Contains(e.Proposal.LeadOrganizationId));
        }

        if (f.EntryId is { } entryId)
        {
            q = q.Where(e => e.Id == entryId);
        }

        return q;
    }
}
