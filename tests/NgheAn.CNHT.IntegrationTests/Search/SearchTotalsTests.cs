using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Application.Search;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Search;

/// <summary>
/// The totals of a search (count and sums of every match) look each match up in the narrow
/// <c>IX_Proposals_SearchTotals</c> instead of its row (ADR 0218), and are the sums of the matching proposals' figures.
/// </summary>
public sealed class SearchTotalsTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static IQueryable<Proposal> Filtered(AppDbContext db, int? programId, ProposalStatus? status, string typed)
    {
        var query = db.Proposals.AsNoTracking();
        if (programId is { } id)
        {
            query = query.Where(p => p.ProgramId == id);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        return query.Matching(db, typed);
    }

    [Fact]
    public async Task A_search_s_totals_read_the_narrow_index_and_never_a_row()
    {
        var plans = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync();
            var plans = new List<string>();
            foreach (var (program, status) in new (int?, ProposalStatus?)[] { (programId, null), (null, null), (programId, ProposalStatus.Approved) })
            {
                plans.Add(await QueryPlans.OfAsync(db, ProposalQueries.Totals(Filtered(db, program, status, "dao tao")).ToQueryString()));
            }

            return plans;
        });

        foreach (var plan in plans)
        {
            Assert.Contains("COVERING INDEX IX_Proposals_SearchTotals", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("INTEGER PRIMARY KEY", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_search_s_totals_are_the_sums_of_the_matching_proposals()
    {
        var compared = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync();
            var compared = 0;
            foreach (var typed in new[] { "ho tro", "cong ty", "cnht", "dao tao", "san xuat", "khong co tu nay" })
            {
                foreach (var program in new int?[] { programId, null })
                {
                    var totals = await ProposalQueries.Totals(Filtered(db, program, null, typed)).FirstOrDefaultAsync();
                    var rows = await Filtered(db, program, null, typed).ToListAsync();
                    Assert.Equal(rows.Count, totals?.Count ?? 0);
                    Assert.Equal(rows.Sum(p => p.EffectiveTotalCost()), totals?.TotalCost ?? 0);
                    Assert.Equal(rows.Sum(p => p.EffectiveProvincialShare()), totals?.ProvincialShare ?? 0);
                    compared += rows.Count;
                }
            }

            return compared;
        });

        Assert.True(compared > 20, $"only {compared} proposals compared: the words must match the demo data");
    }
}
