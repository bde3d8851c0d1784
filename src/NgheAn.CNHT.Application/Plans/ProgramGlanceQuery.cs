using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Indicators;
using NgheAn.CNHT.Domain.Indicators;

namespace NgheAn.CNHT.Application.Plans;

/// <summary>
/// A leader's glance at a program (issue 19, ADR 0177): the year's plan against the provincial budget disbursed in the
/// year, the period plan against everything disbursed, and per kind of output indicator the period target against what
/// acceptances recorded. Amounts in whole đồng.
/// </summary>
public sealed record ProgramGlance(
    string ProgramCode,
    int Year,
    decimal YearPlan,
    bool YearPlanIllustrative,
    decimal DisbursedInYear,
    decimal PeriodPlan,
    decimal DisbursedInPeriod,
    IReadOnlyList<IndicatorLine> Indicators)
{
    public decimal? YearPercent => IndicatorLine.PercentOf(DisbursedInYear, YearPlan);

    public decimal? PeriodPercent => IndicatorLine.PercentOf(DisbursedInPeriod, PeriodPlan);
}

/// <summary>
/// Builds <see cref="ProgramGlance"/> from a few SQL aggregates (SUM / GROUP BY, nothing loaded row by row), kept under the
/// data version (<see cref="VersionedCache"/>) like the rest of the dashboard.
/// </summary>
public sealed class ProgramGlanceQuery(IAppDbContext db, VersionedCache cache, Disbursements.LedgerItemSums ledgerSums)
{
    public Task<ProgramGlance?> BuildAsync(string programCode, int year, CancellationToken ct = default) =>
        cache.GetAsync($"glance:{programCode}:{year}", () => ComputeAsync(programCode, year, ct), ct);

    private async Task<ProgramGlance?> ComputeAsync(string programCode, int year, CancellationToken ct)
    {
        var programId = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (programId is null)
        {
            return null;
        }

        var items = db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == programId);
        var periodPlan = await items.SumAsync(i => i.PlanAmount, ct);
        var yearPlans = db.YearPlanAmounts.AsNoTracking().Where(y => y.Year == year && items.Any(i => i.Id == y.ItemPlan.ContentItemId));
        var yearPlan = await yearPlans.SumAsync(y => y.Amount, ct);
        var yearPlanIllustrative = await yearPlans.AnyAsync(y => y.ItemPlan.IsIllustrative, ct);
        // The provincial ledger per item and voucher year, kept incrementally (ADR 0104): no scan of the program's entries.
        var provincial = await ledgerSums.ProvincialByItemAndYearAsync(db, programId.Value, ct);
        var paidInPeriod = provincial.Sum(x => x.Amount);
        var paidInYear = provincial.Where(x => x.Year == year).Sum(x => x.Amount);
        var targets = await db.OutputIndicators.AsNoTracking()
            .Where(o => items.Any(i => i.Id == o.ContentItemId))
            .GroupBy(o => o.Kind)
            .Select(g => new { Kind = g.Key, Target = g.Sum(o => o.PeriodTarget), Illustrative = g.Max(o => o.IsIllustrative ? 1 : 0) })
            .ToListAsync(ct);
        var achieved = await db.ProposalOutputs.AsNoTracking()
            .Where(o => o.Actual != null && items.Any(i => i.Id == o.Indicator.ContentItemId))
            .GroupBy(o => o.Indicator.Kind)
            .Select(g => new { Kind = g.Key, Achieved = g.Sum(o => o.Actual ?? 0) })
            .ToDictionaryAsync(g => g.Kind, g => g.Achieved, ct);

        var indicators = targets.OrderBy(t => t.Kind).Select(t =>
        {
            var got = achieved.GetValueOrDefault(t.Kind);
            return new IndicatorLine(t.Kind, t.Kind.DisplayName(), t.Kind.Unit(), t.Target, got, IndicatorLine.PercentOf(got, t.Target), t.Illustrative == 1);
        }).ToList();
        return new ProgramGlance(programCode, year, yearPlan, yearPlanIllustrative, paidInYear, periodPlan, paidInPeriod, indicators);
    }
}
