using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.SupportRules;

namespace NgheAn.CNHT.Application.SupportRules;

/// <summary>Builds <see cref="OutOfNormsReport"/>: one projection of the recorded flags and the annex from the rule set in force.</summary>
public sealed class OutOfNormsQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock)
{
    public async Task<OutOfNormsReport> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var rows = await (
                from f in db.ProposalRuleFlags.AsNoTracking()
                join p in db.Proposals.AsNoTracking() on f.ProposalId equals p.Id
                where p.ProgramId == program.Id && p.StartYear >= period.From && p.StartYear <= period.To
                orderby p.Code, f.RecordedAt
                select new
                {
                    f.Id, p.Code, p.Title, Item = p.ContentItem.Code, Lead = p.LeadOrganization.Name, p.StartYear, p.Status,
                    Total = p.EffectiveTotalCost(),
                    Share = p.EffectiveProvincialShare(),
                    f.Kind, f.Violations, f.Reason, f.RecordedBy, f.RecordedAt,
                })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VnFormat.TodayInVietnam(now);
        var endOfRange = new DateOnly(period.To, 12, 31);
        var annexDate = endOfRange < today ? endOfRange : today;
        var set = await db.SupportRuleSets.AsNoTracking()
            .Include(s => s.Rules).ThenInclude(r => r.UnitNorms)
            .Where(s => s.ProgramId == program.Id && s.Status == RuleSetStatus.InForce && s.EffectiveFrom <= annexDate)
            .OrderByDescending(s => s.EffectiveTo == null || s.EffectiveTo >= annexDate).ThenByDescending(s => s.Version)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        var items = program.Groups.SelectMany(g => g.Items).ToDictionary(i => i.Id);
        var annex = set is null ? null : new RuleSetAnnex(set.Id, set.Title, set.Version, $"{set.Basis.Cited} của {set.Issuer}", set.DocumentLink,
            set.EffectiveFrom, set.EffectiveTo, set.ApprovedBy,
            set.Rules.OrderBy(r => items.TryGetValue(r.ContentItemId, out var i) ? i.Code : "").Select(r => new RuleAnnexLine(
                items.TryGetValue(r.ContentItemId, out var item) ? item.Code : "?",
                items.TryGetValue(r.ContentItemId, out var named) ? named.Name : "",
                r.Citation, r.Scope, r.MaxProvincialSharePercent, r.MinCounterpartPercent, r.MaxAmountPerProposal, r.MaxPerEnterprisePerYear,
                r.MaxPerEnterprisePerPeriod, Eligibility(r), Norms(r), r.IsIllustrative || r.UnitNorms.Any(n => n.IsIllustrative))).ToList());
        return new OutOfNormsReport(program.Code, program.Name, period.From, period.To,
            rows.Select(r => new OutOfNormsRow(r.Id, r.Code, r.Title, r.Item, r.Lead, r.StartYear, r.Status.DisplayName(), r.Total, r.Share,
                ProposalRuleFlag.KindDisplayName(r.Kind), r.Violations, r.Reason, r.RecordedBy, r.RecordedAt)).ToList(),
            annex, now);
    }

    public static string Eligibility(SupportRule r)
    {
        var parts = new List<string>();
        if (r.Kinds.Count > 0)
        {
            parts.Add("Loại đơn vị: " + string.Join(", ", r.Kinds.Select(Organization.KindDisplayName)));
        }

        if (r.Sizes.Count > 0)
        {
            parts.Add("Quy mô: " + string.Join(", ", r.Sizes.Select(SupportRuleSet.SizeDisplayName)));
        }

        if (r.RequireInProvince)
        {
            parts.Add("Trên địa bàn tỉnh");
        }

        return parts.Count == 0 ? "—" : string.Join("; ", parts);
    }

    public static string Norms(SupportRule r) => r.UnitNorms.Count == 0
        ? "—"
        : string.Join("; ", r.UnitNorms.Select(n => $"{n.Name}: {VnFormat.Dong(n.MaxUnitPrice)} đồng/{n.Unit}" + (n.IsIllustrative ? " (minh họa)" : "")));
}
