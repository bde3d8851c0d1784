using Microsoft.EntityFrameworkCore;
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
public sealed class ProposalQueries(IAppDbContext db, VersionedCache cache, RegisterInputs? inputs = null)
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
        var choices = await snapshot.GetAsync(ChoicesKey, () => BuildChoicesAsync(ct));
        // The filtered query is built only when a figure is not kept: building it touches the request's database
        // context, which a warm register page otherwise never builds (issue 21 § 4, ADR 0223).
        // Totals of the whole filtered set: one aggregate, never summed from a page.
        var totals = await snapshot.GetAsync($"register-totals:{filter with { Page = 1, Sort = RegisterSort.Code, Descending = false }}", async () =>
            await Totals(await FilteredAsync(filter, choices, snapshot, ct)).FirstOrDefaultAsync(ct));
        var count = totals?.Count ?? 0;
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);

        // A search that matches many rows, in code order: the page walks the code index and probes the matches
        // instead of reading and sorting every match (ADR 0209).
        var probeMatches = filter.Sort == RegisterSort.Code && count > ProbeMatchesAbove && FullTextQuery.Terms(filter.Query).Count > 0;

        // The page's rows too are kept per data version: paging back and forth, or many people on the same page,
        // costs no query until the next business write.
        var rows = await snapshot.GetAsync($"register-page:{filter with { Page = page }}", async () => await Sorted(await FilteredAsync(filter, choices, snapshot, ct, probeMatches), filter.Sort, filter.Descending)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new ProposalRow(
                p.Id, p.Code, p.Title,
                db.Programs.Where(pr => pr.Id == p.ProgramId).Select(pr => pr.Code).First(),
                p.ContentItem.Code, p.ContentItem.Name,
                p.LeadOrganizationId, p.LeadOrganization.Name,
                p.StartYear, p.EndYear,
                p.EffectiveTotalCost(),
                p.EffectiveProvincialShare(),
                p.Status, p.StatusChangedAt, p.IsSample))
            .ToListAsync(ct));

        return (new RegisterPage(rows, count, totals?.TotalCost ?? 0, totals?.ProvincialShare ?? 0, page, PageSize), choices);
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

    private async Task<IQueryable<Proposal>> FilteredAsync(RegisterFilter f, ProposalChoices choices, VersionedCache.Snapshot snapshot, CancellationToken ct, bool probeMatches = false)
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
        return query.Matching(db, f.Query, probeMatches);
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
