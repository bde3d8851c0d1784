using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.SupportRules;

namespace NgheAn.CNHT.Application.SupportRules;

/// <summary>
/// The checker's entry point for an online application (issue 16) or any other input that is not yet a proposal.
/// <paramref name="ReferenceDate"/> picks the rule set version (submission date; for imports the decision date);
/// <paramref name="Year"/> is the year the support counts in (default: the reference date's year);
/// <paramref name="Counterpart"/> null means "the rest of the cost"; <paramref name="Size"/> and <paramref name="InProvince"/>
/// are what the application states (null: unknown, a warning where a rule asks for them).
/// </summary>
public sealed record ApplicationCheckInput(
    int ContentItemId,
    int OrganizationId,
    DateOnly ReferenceDate,
    decimal TotalCost,
    decimal RequestedProvincialSupport,
    decimal? Counterpart,
    IReadOnlyList<CostLine> CostLines,
    int? Year = null,
    EnterpriseSize? Size = null,
    bool? InProvince = null,
    int? ExcludeProposalId = null);

public sealed record RuleFlagRow(RuleFlagKind Kind, string Violations, string Reason, string RecordedBy, DateTime RecordedAt)
{
    public string KindName => ProposalRuleFlag.KindDisplayName(Kind);
}

/// <summary>The rules panel of a proposal page: which figures were checked, the result, and any recorded override or flag.</summary>
public sealed record ProposalRulePanel(string Stage, decimal TotalCost, decimal ProvincialShare, RuleCheckResult Result, IReadOnlyList<RuleFlagRow> Flags);

/// <summary>
/// What the rules panel needs of a proposal: its item's program, item, lead unit, start year, last submission and figures.
/// A page that has read the proposal already passes them (<see cref="SupportRuleChecks.PanelAsync(ProposalRuleSubject, CancellationToken)"/>)
/// instead of having the panel read the proposal, its unit, its item and its history again (ADR 0235).
/// </summary>
public sealed record ProposalRuleSubject(
    int ProposalId,
    int ProgramId,
    int ContentItemId,
    int OrganizationId,
    string OrganizationName,
    OrganizationKind OrganizationKind,
    int StartYear,
    DateTime? LastSubmittedAt,
    decimal RequestedTotalCost,
    decimal RequestedProvincialShare,
    decimal? RecommendedTotalCost,
    decimal? RecommendedProvincialShare,
    decimal? ApprovedTotalCost,
    decimal? ApprovedProvincialShare,
    decimal? SettledTotalCost,
    decimal? SettledProvincialShare)
{
    /// <summary>The subject of a proposal's details as its page read them.</summary>
    public static ProposalRuleSubject Of(ProposalDetails d) => new(
        d.Id, d.ItemProgramId, d.ContentItemId, d.LeadOrganizationId, d.OrganizationName, d.OrganizationKind, d.StartYear, d.LastSubmittedAt,
        d.RequestedTotalCost, d.RequestedProvincialShare, d.RecommendedTotalCost, d.RecommendedProvincialShare,
        d.ApprovedTotalCost, d.ApprovedProvincialShare, d.SettledTotalCost, d.SettledProvincialShare);
}

/// <summary>
/// Gathers what the domain checker needs from the database (the rule set in force on the reference date, the lead unit,
/// what the enterprise already has approved) and calls <see cref="SupportRuleChecker"/>. Nothing here judges a rule.
/// </summary>
public sealed class SupportRuleChecks(IAppDbContext db, TimeProvider clock)
{
    /// <summary>The statuses whose provincial support counts against the per-enterprise caps.</summary>
    public static readonly ProposalStatus[] CountedStatuses =
        [ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled];

    /// <summary>Checks an application-like input (content item, enterprise, reference date, amounts, cost lines).</summary>
    public async Task<RuleCheckResult> CheckApplicationAsync(ApplicationCheckInput input, CancellationToken ct = default)
    {
        var programId = await db.ContentItems.AsNoTracking().Where(i => i.Id == input.ContentItemId).Select(i => (int?)i.Group.ProgramId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Không tìm thấy nội dung hỗ trợ trong danh mục.", nameof(input.ContentItemId));
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == input.OrganizationId).Select(o => new { o.Id, o.Name, o.Kind }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Không tìm thấy đơn vị đề nghị hỗ trợ.", nameof(input.OrganizationId));
        return await CheckAsync(programId, new RuleApplicant(org.Id, org.Name, org.Kind, input.Size, input.InProvince), input, ct);
    }

    /// <summary>The check once the item's program and the applicant are known: the enterprise's history, the rule set, the domain's checker.</summary>
    private async Task<RuleCheckResult> CheckAsync(int programId, RuleApplicant applicant, ApplicationCheckInput input, CancellationToken ct)
    {
        var year = input.Year ?? input.ReferenceDate.Year;
        var history = applicant.IsEnterprise
            ? await HistoryAsync(input.OrganizationId, input.ContentItemId, year, input.ExcludeProposalId, ct)
            : EnterpriseHistory.None;
        var set = await RuleSetInForceAsync(programId, input.ReferenceDate, ct);
        return SupportRuleChecker.Check(
            new RuleCheckInput(programId, input.ContentItemId, applicant, input.ReferenceDate, year, input.TotalCost, input.RequestedProvincialSupport,
                input.Counterpart, input.CostLines, history),
            set);
    }

    /// <summary>Checks a proposal with the given figures (approval: the amounts typed in the form), on its submission date.</summary>
    public async Task<RuleCheckResult> CheckProposalAsync(int proposalId, decimal totalCost, decimal provincialShare, CancellationToken ct = default)
    {
        var p = await db.Proposals.AsNoTracking().Where(x => x.Id == proposalId)
            .Select(x => new { x.ContentItemId, x.LeadOrganizationId, x.StartYear })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Không tìm thấy đề án số {proposalId}.");
        var date = await ReferenceDateAsync(proposalId, ct);
        return await CheckApplicationAsync(new ApplicationCheckInput(p.ContentItemId, p.LeadOrganizationId, date, totalCost, provincialShare, null, [],
            p.StartYear, ExcludeProposalId: proposalId), ct);
    }

    /// <summary>
    /// The rules panel of an online application (issue 16) as the Support Center receives it: the same checker, on the
    /// application's figures and cost lines, at its submission date (today for one not yet submitted).
    /// </summary>
    public async Task<ProposalRulePanel> ApplicationPanelAsync(int callItemId, int organizationId, DateOnly referenceDate, int year,
        decimal totalCost, decimal requestedSupport, decimal counterpart, IReadOnlyList<CostLine> lines, CancellationToken ct = default)
    {
        var contentItemId = await db.CallItems.AsNoTracking().Where(c => c.Id == callItemId).Select(c => c.ContentItemId).FirstAsync(ct);
        var result = await CheckApplicationAsync(new ApplicationCheckInput(contentItemId, organizationId, referenceDate, totalCost, requestedSupport, counterpart, lines, year), ct);
        return new ProposalRulePanel("số đề nghị trong hồ sơ", totalCost, requestedSupport, result, []);
    }

    /// <summary>The panel: the figures of the proposal's current stage (settled, else approved, else recommended, else requested) checked.</summary>
    public async Task<ProposalRulePanel?> PanelAsync(int proposalId, CancellationToken ct = default)
    {
        var subject = await db.Proposals.AsNoTracking().Where(x => x.Id == proposalId)
            .Select(x => new ProposalRuleSubject(
                x.Id, x.ContentItem.Group.ProgramId, x.ContentItemId, x.LeadOrganizationId, x.LeadOrganization.Name, x.LeadOrganization.Kind, x.StartYear,
                db.ProposalTransitions.Where(t => t.ProposalId == x.Id && t.ToStatus == ProposalStatus.Submitted).Max(t => (DateTime?)t.At),
                x.RequestedTotalCost, x.RequestedProvincialShare, x.RecommendedTotalCost, x.RecommendedProvincialShare,
                x.ApprovedTotalCost, x.ApprovedProvincialShare, x.SettledTotalCost, x.SettledProvincialShare))
            .FirstOrDefaultAsync(ct);
        return subject is null ? null : await PanelAsync(subject, ct);
    }

    /// <summary>
    /// The panel of a proposal already read: the figures of its current stage checked on its reference date (the day, Vietnam
    /// time, it was last submitted; today while never submitted), with the enterprise's other counted support and the flags.
    /// </summary>
    public async Task<ProposalRulePanel> PanelAsync(ProposalRuleSubject p, CancellationToken ct = default)
    {
        var (stage, total, share) =
            p.SettledTotalCost is { } st ? ("số quyết toán", st, p.SettledProvincialShare ?? 0m)
            : p.ApprovedTotalCost is { } at ? ("số được duyệt", at, p.ApprovedProvincialShare ?? 0m)
            : p.RecommendedTotalCost is { } rt ? ("số thẩm định đề nghị", rt, p.RecommendedProvincialShare ?? 0m)
            : ("số đề nghị", p.RequestedTotalCost, p.RequestedProvincialShare);
        var date = VnFormat.TodayInVietnam(p.LastSubmittedAt ?? clock.GetUtcNow().UtcDateTime);
        var result = await CheckAsync(p.ProgramId, new RuleApplicant(p.OrganizationId, p.OrganizationName, p.OrganizationKind),
            new ApplicationCheckInput(p.ContentItemId, p.OrganizationId, date, total, share, null, [], p.StartYear, ExcludeProposalId: p.ProposalId), ct);
        var flags = await db.ProposalRuleFlags.AsNoTracking().Where(f => f.ProposalId == p.ProposalId).OrderBy(f => f.RecordedAt)
            .Select(f => new RuleFlagRow(f.Kind, f.Violations, f.Reason, f.RecordedBy, f.RecordedAt))
            .ToListAsync(ct);
        return new ProposalRulePanel(stage, total, share, result, flags);
    }

    /// <summary>The provincial support the enterprise already has under the item (approved onwards), in the year and in the period.</summary>
    public async Task<EnterpriseHistory> HistoryAsync(int organizationId, int contentItemId, int year, int? excludeProposalId, CancellationToken ct)
    {
        var counted = db.Proposals.AsNoTracking()
            .Where(p => p.LeadOrganizationId == organizationId && p.ContentItemId == contentItemId && CountedStatuses.Contains(p.Status)
                        && (excludeProposalId == null || p.Id != excludeProposalId))
            .Select(p => new { p.StartYear, Share = p.EffectiveProvincialShare() });
        // Both sums in one statement over the same rows (one round trip, one query to compile on a page's first visit).
        var sums = await counted.GroupBy(p => 1)
            .Select(g => new { InYear = g.Sum(p => p.StartYear == year ? p.Share : 0m), InPeriod = g.Sum(p => p.Share) })
            .FirstOrDefaultAsync(ct);
        return new EnterpriseHistory(sums?.InYear ?? 0m, sums?.InPeriod ?? 0m);
    }

    /// <summary>The newest version in force on the date, with its rules and norms (null: none).</summary>
    public async Task<SupportRuleSet?> RuleSetInForceAsync(int programId, DateOnly date, CancellationToken ct)
    {
        var candidates = await db.SupportRuleSets.AsNoTracking()
            .Include(s => s.Rules).ThenInclude(r => r.UnitNorms)
            .Where(s => s.ProgramId == programId && s.Status == RuleSetStatus.InForce && s.EffectiveFrom <= date && (s.EffectiveTo == null || s.EffectiveTo >= date))
            .OrderByDescending(s => s.Version)
            .Take(1)
            .AsSplitQuery()
            .ToListAsync(ct);
        return SupportRuleSet.InForceOn(candidates, programId, date);
    }

    /// <summary>A proposal's reference date: the day (Vietnam time) it was last submitted; today while never submitted.</summary>
    public async Task<DateOnly> ReferenceDateAsync(int proposalId, CancellationToken ct)
    {
        var submitted = await db.ProposalTransitions.AsNoTracking()
            .Where(t => t.ProposalId == proposalId && t.ToStatus == ProposalStatus.Submitted)
            .MaxAsync(t => (DateTime?)t.At, ct);
        return VnFormat.TodayInVietnam(submitted ?? clock.GetUtcNow().UtcDateTime);
    }
}
