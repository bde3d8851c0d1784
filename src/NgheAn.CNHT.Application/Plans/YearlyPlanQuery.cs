using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Plans;

namespace NgheAn.CNHT.Application.Plans;

/// <summary>One item's period plan and yearly plans; <see cref="Gap"/> &gt; 0 = the years plan more than the period.</summary>
public sealed record YearlyPlanRow(int ItemId, string Code, string Name, decimal PeriodPlan, IReadOnlyDictionary<int, decimal> Years, bool IsIllustrative, bool HasYearlyPlan, Guid? Stamp)
{
    public decimal YearsTotal => Years.Values.Sum();
    public decimal Gap => ItemPlan.Gap(PeriodPlan, YearsTotal);
    public string? GapSentence => ItemPlan.GapSentence(PeriodPlan, YearsTotal);
}

public sealed record YearlyPlanGroup(string Code, string Name, IReadOnlyList<YearlyPlanRow> Items, IReadOnlyDictionary<int, decimal> Years, decimal PeriodPlan)
{
    public decimal YearsTotal => Years.Values.Sum();
    public decimal Gap => ItemPlan.Gap(PeriodPlan, YearsTotal);
}

public sealed record YearlyPlanView(string ProgramCode, string ProgramName, ProgramStatus Status, IReadOnlyList<int> PeriodYears, IReadOnlyList<YearlyPlanGroup> Groups, IReadOnlyDictionary<int, decimal> Years, decimal PeriodPlan)
{
    public decimal YearsTotal => Years.Values.Sum();
    public decimal Gap => ItemPlan.Gap(PeriodPlan, YearsTotal);
    public string? GapSentence => ItemPlan.GapSentence(PeriodPlan, YearsTotal);
    public int ItemsNotAddingUp => Groups.Sum(g => g.Items.Count(i => i.Gap != 0));
    public bool AnyIllustrative => Groups.Any(g => g.Items.Any(i => i.IsIllustrative));
}

/// <summary>
/// The yearly plans of a program next to its period plan (ADR 0170). Every amount is a SQL aggregate: items' period
/// plans per group and program, and the yearly plans per item, group and program by GROUP BY.
/// </summary>
public sealed class YearlyPlanQuery(IAppDbContext db)
{
    public async Task<YearlyPlanView?> GetAsync(string programCode, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == programCode)
            .Select(p => new { p.Id, p.Code, p.Name, p.Status, p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        var items = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == program.Id)
            .OrderBy(i => i.Group.SortOrder).ThenBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Code, i.Name, i.PlanAmount, GroupCode = i.Group.Code, GroupName = i.Group.Name, GroupOrder = i.Group.SortOrder })
            .ToListAsync(ct);
        var groups = await db.ContentGroups.AsNoTracking().Where(g => g.ProgramId == program.Id).OrderBy(g => g.SortOrder)
            .Select(g => new { g.Code, g.Name, Plan = g.Items.Sum(i => (decimal?)i.PlanAmount) ?? 0m }).ToListAsync(ct);
        var plans = await db.ItemPlans.AsNoTracking()
            .Where(p => db.ContentItems.Any(i => i.Id == p.ContentItemId && i.Group.ProgramId == program.Id))
            .Select(p => new { p.ContentItemId, p.IsIllustrative, p.ConcurrencyStamp }).ToDictionaryAsync(p => p.ContentItemId, ct);
        var byItemYear = await (from y in db.YearPlanAmounts.AsNoTracking()
                                join p in db.ItemPlans on y.ItemPlanId equals p.Id
                                join i in db.ContentItems on p.ContentItemId equals i.Id
                                where i.Group.ProgramId == program.Id
                                group y by new { p.ContentItemId, y.Year } into g
                                select new { g.Key.ContentItemId, g.Key.Year, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var byGroupYear = await (from y in db.YearPlanAmounts.AsNoTracking()
                                 join p in db.ItemPlans on y.ItemPlanId equals p.Id
                                 join i in db.ContentItems on p.ContentItemId equals i.Id
                                 where i.Group.ProgramId == program.Id
                                 group y by new { i.Group.Code, y.Year } into g
                                 select new { g.Key.Code, g.Key.Year, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var byYear = await (from y in db.YearPlanAmounts.AsNoTracking()
                            join p in db.ItemPlans on y.ItemPlanId equals p.Id
                            join i in db.ContentItems on p.ContentItemId equals i.Id
                            where i.Group.ProgramId == program.Id
                            group y by y.Year into g
                            select new { Year = g.Key, Amount = g.Sum(x => x.Amount) }).ToDictionaryAsync(g => g.Year, g => g.Amount, ct);
        var programPlan = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == program.Id).SumAsync(i => i.PlanAmount, ct);

        var years = Enumerable.Range(program.StartYear, program.EndYear - program.StartYear + 1).ToList();
        IReadOnlyDictionary<int, decimal> Fill(Func<int, decimal> amount) => years.ToDictionary(y => y, amount);

        var rows = items.Select(i => new
        {
            i.GroupCode,
            Row = new YearlyPlanRow(i.Id, i.Code, i.Name, i.PlanAmount,
                Fill(y => byItemYear.FirstOrDefault(a => a.ContentItemId == i.Id && a.Year == y)?.Amount ?? 0m),
                plans.TryGetValue(i.Id, out var plan) && plan.IsIllustrative, plan is not null, plan?.ConcurrencyStamp),
        }).ToList();
        return new YearlyPlanView(program.Code, program.Name, program.Status, years,
            groups.Select(g => new YearlyPlanGroup(g.Code, g.Name, rows.Where(r => r.GroupCode == g.Code).Select(r => r.Row).ToList(),
                Fill(y => byGroupYear.FirstOrDefault(a => a.Code == g.Code && a.Year == y)?.Amount ?? 0m), g.Plan)).ToList(),
            Fill(y => byYear.GetValueOrDefault(y)), programPlan);
    }

    /// <summary>One item's plan for the edit form.</summary>
    public async Task<(YearlyPlanRow Row, string ProgramCode, int StartYear, int EndYear, string? Decision)?> ItemAsync(int itemId, CancellationToken ct = default)
    {
        var item = await db.ContentItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Id, i.Code, i.Name, i.PlanAmount, ProgramCode = i.Group.Program.Code, i.Group.Program.StartYear, i.Group.Program.EndYear })
            .FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var plan = await db.ItemPlans.AsNoTracking().Include(p => p.Years).FirstOrDefaultAsync(p => p.ContentItemId == itemId, ct);
        var years = Enumerable.Range(item.StartYear, item.EndYear - item.StartYear + 1).ToDictionary(y => y, y => plan?.AmountOf(y) ?? 0m);
        return (new YearlyPlanRow(item.Id, item.Code, item.Name, item.PlanAmount, years, plan?.IsIllustrative ?? false, plan is not null, plan?.ConcurrencyStamp),
            item.ProgramCode, item.StartYear, item.EndYear, plan?.DecisionReference);
    }
}
