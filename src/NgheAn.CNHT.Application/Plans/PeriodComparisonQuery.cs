using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Indicators;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Application.Plans;

public sealed record PeriodColumn(string ProgramCode, string ProgramName, int StartYear, int EndYear, AppendixFigures Figures, decimal YearlyPlans, int IndicatorsWithTarget, decimal? AverageAchievement);

/// <summary>Proposals of the earlier program that run on into the next one: counted once, in their own program (start year).</summary>
public sealed record CarriedOver(int Count, decimal ProvincialShare);

public sealed record PeriodComparison(IReadOnlyList<PeriodColumn> Periods, CarriedOver CarriedOver);

/// <summary>The two programs side by side (ADR 0175): the appendix figures of each (same query, same rules), yearly plans, indicators.</summary>
public sealed class PeriodComparisonQuery(IAppDbContext db, AppendixQuery appendix, IndicatorReportQuery indicators)
{
    public async Task<PeriodComparison> BuildAsync(CancellationToken ct = default)
    {
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.StartYear).Select(p => new { p.Id, p.Code, p.EndYear }).ToListAsync(ct);
        var columns = new List<PeriodColumn>();
        foreach (var p in programs)
        {
            var a = await appendix.BuildAsync(p.Code, null, null, ct);
            var i = await indicators.BuildAsync(p.Code, null, null, ct);
            var yearly = await db.YearPlanAmounts.AsNoTracking().Where(y => db.ContentItems.Any(c => c.Id == y.ItemPlan.ContentItemId && c.Group.ProgramId == p.Id)).SumAsync(y => y.Amount, ct);
            var withTarget = i.Totals.Where(t => t.Percent is not null).ToList();
            columns.Add(new PeriodColumn(a.ProgramCode, a.ProgramName, a.FromYear, a.ToYear, a.Total, yearly, withTarget.Count,
                withTarget.Count == 0 ? null : Math.Round(withTarget.Average(t => t.Percent!.Value), 2)));
        }

        var first = programs.FirstOrDefault();
        var counted = Domain.Proposals.ProposalStatusText.Counted.ToArray();
        var carried = first is null ? new CarriedOver(0, 0) : await db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == first.Id && p.EndYear > first.EndYear && counted.Contains(p.Status))
            .GroupBy(p => 1).Select(g => new CarriedOver(g.Count(), g.Sum(p => p.ApprovedProvincialShare ?? 0))).FirstOrDefaultAsync(ct) ?? new CarriedOver(0, 0);
        return new PeriodComparison(columns, carried);
    }
}
