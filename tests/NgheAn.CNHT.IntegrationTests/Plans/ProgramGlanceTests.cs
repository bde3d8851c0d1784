using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Plans;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.FundingRequests;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Plans;

/// <summary>The leader's glance on the staff dashboard (issue 19, ADR 0177): plan vs disbursed vs indicators achieved.</summary>
public sealed class ProgramGlanceTests
{
    [Fact]
    public async Task The_dashboard_shows_the_year_plan_the_disbursed_budget_and_the_indicators_achieved()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var proposal = await FundingRequestTests.ProposalAsync(portal, "1.2", 2027, 2027, 150_000_000m, ProposalStatus.Approved);
        const decimal achievedHere = 7m;
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var item = await YearlyPlanTests.ItemIdAsync(portal, "1.2");
            var indicator = await db.OutputIndicators.Where(i => i.Kind == IndicatorKind.EnterprisesSupported && i.ContentItemId == item).Select(i => i.Id).SingleAsync();
            var output = new ProposalOutput(proposal, indicator, 9m);
            output.RecordActual(achievedHere, new DateOnly(2027, 11, 20));
            db.ProposalOutputs.Add(output);
            await db.SaveChangesAsync();
            return 0;
        });

        // What the glance must say, computed here from the rows (in memory, not by the query's SQL).
        var (yearPlan, periodPlan, target, paid) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(p => p.Code == "2026-2030").Select(p => p.Id).SingleAsync();
            var items = await db.ContentItems.Where(i => i.Group.ProgramId == programId).Select(i => new { i.Id, i.PlanAmount }).ToListAsync();
            var ids = items.Select(i => i.Id).ToHashSet();
            var plans = await db.ItemPlans.Include(p => p.Years).ToListAsync();
            var indicators = await db.OutputIndicators.ToListAsync();
            var entries = await db.DisbursementEntries.Where(e => e.Source == FundingSource.ProvincialBudget && e.Proposal.ProgramId == programId).Select(e => e.Amount).ToListAsync();
            return (plans.Where(p => ids.Contains(p.ContentItemId)).Sum(p => p.AmountOf(2027)), items.Sum(i => i.PlanAmount),
                indicators.Where(i => ids.Contains(i.ContentItemId) && i.Kind == IndicatorKind.EnterprisesSupported).Sum(i => i.PeriodTarget), entries.Sum());
        });
        Assert.True(yearPlan > 0 && target > 0, "the demo plans give a 2027 plan and enterprise targets");

        var glance = (await portal.ScopedAsync(sp => sp.GetRequiredService<ProgramGlanceQuery>().BuildAsync("2026-2030", 2027)))!;
        Assert.Equal((yearPlan, periodPlan, paid), (glance.YearPlan, glance.PeriodPlan, glance.DisbursedInPeriod));
        var line = glance.Indicators.Single(l => l.Kind == IndicatorKind.EnterprisesSupported);
        Assert.Equal((target, achievedHere), (line.Target, line.Achieved));

        var leader = await portal.SignInAsAsync("DoitLeader");
        var html = await leader.GetStringAsync("/?program=2026-2030&year=2027");
        var section = ProposalArrange.Text(html[html.IndexOf("id=\"program-glance\"", StringComparison.Ordinal)..]);
        Assert.Contains($"{VnFormat.Million(paid)} / {VnFormat.Million(yearPlan)}", section);
        Assert.Contains($"{VnFormat.Million(paid)} / {VnFormat.Million(periodPlan)}", section);
        Assert.Contains($"{achievedHere.ToString("#,##0", VnFormat.Culture)} / {target.ToString("#,##0", VnFormat.Culture)}", section);
    }

    [Fact]
    public async Task A_disbursement_recorded_through_the_ledger_moves_spent_on_the_glance_and_the_dashboard()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var year = VnFormat.TodayInVietnam(DateTime.UtcNow).Year;
        Assert.InRange(year, 2026, 2030);
        var proposal = await FundingRequestTests.ProposalAsync(portal, "1.2", year, year, 150_000_000m, ProposalStatus.Approved);
        var leader = await portal.SignInAsAsync("DoitLeader");
        var dashboard = $"/?program=2026-2030&year={year}";

        // Seen once before the payment, so a cached glance would have to be refreshed (ADR 0177: cached under the data version).
        var before = (await portal.ScopedAsync(sp => sp.GetRequiredService<ProgramGlanceQuery>().BuildAsync("2026-2030", year)))!;
        var sectionBefore = Section(await leader.GetStringAsync(dashboard));
        Assert.Contains($"{VnFormat.Million(before.DisbursedInYear)} / {VnFormat.Million(before.YearPlan)}", sectionBefore);

        // The Support Center pays 40.000.000 đồng of provincial budget, dated today, through the ledger.
        const decimal paid = 40_000_000m;
        await portal.AsAsync("SupportCenter", async sp =>
        {
            var ledger = sp.GetRequiredService<NgheAn.CNHT.Application.Disbursements.LedgerService>();
            var version = await ledger.VersionAsync(proposal);
            await ledger.RecordAsync(new NgheAn.CNHT.Application.Disbursements.RecordEntryInput(proposal, VnFormat.TodayInVietnam(DateTime.UtcNow), paid,
                FundingSource.ProvincialBudget, DisbursementKind.Payment, "UNC-19/2026", "Thanh toán đợt 1", version));
        });

        var after = (await portal.ScopedAsync(sp => sp.GetRequiredService<ProgramGlanceQuery>().BuildAsync("2026-2030", year)))!;
        Assert.Equal(before.DisbursedInYear + paid, after.DisbursedInYear);
        Assert.Equal(before.DisbursedInPeriod + paid, after.DisbursedInPeriod);
        Assert.Equal(before.YearPlan, after.YearPlan);
        var sectionAfter = Section(await leader.GetStringAsync(dashboard));
        Assert.Contains($"{VnFormat.Million(after.DisbursedInYear)} / {VnFormat.Million(after.YearPlan)}", sectionAfter);
        Assert.Contains($"{VnFormat.Million(after.DisbursedInPeriod)} / {VnFormat.Million(after.PeriodPlan)}", sectionAfter);
        Assert.DoesNotContain($" {VnFormat.Million(before.DisbursedInYear)} / {VnFormat.Million(before.YearPlan)}", sectionAfter);
    }

    private static string Section(string html) => ProposalArrange.Text(html[html.IndexOf("id=\"program-glance\"", StringComparison.Ordinal)..]);
}
