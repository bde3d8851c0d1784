using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Search;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Search;

/// <summary>
/// A search that matches many rows reads its page in code order by walking the code index and probing the match set
/// (ADR 0209): the same rows in the same order as reading every match and sorting, without the sort.
/// </summary>
public sealed class ProbedSearchPageTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static IQueryable<Proposal> Page(AppDbContext db, int? programId, string typed, bool probe, bool descending, int page)
    {
        var query = db.Proposals.AsNoTracking();
        if (programId is { } id)
        {
            query = query.Where(p => p.ProgramId == id);
        }

        query = query.Matching(db, typed, probe);
        return (descending ? query.OrderByDescending(p => p.Code) : query.OrderBy(p => p.Code)).Skip(page * 5).Take(5);
    }

    [Fact]
    public async Task The_probed_page_holds_the_same_rows_in_the_same_order()
    {
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync();
            var compared = 0;
            foreach (var typed in new[] { "ho tro", "cong ty", "cnht", "2019", "dao tao", "san xuat" })
            {
                foreach (var program in new int?[] { programId, null })
                {
                    foreach (var descending in new[] { false, true })
                    {
                        for (var page = 0; page < 3; page++)
                        {
                            var read = await Page(db, program, typed, false, descending, page).Select(p => p.Code).ToListAsync();
                            var probed = await Page(db, program, typed, true, descending, page).Select(p => p.Code).ToListAsync();
                            Assert.Equal(read, probed);
                            compared += read.Count;
                        }
                    }
                }
            }

            Assert.True(compared > 50, $"only {compared} rows compared: the words must match the demo data");
            return compared;
        });
    }

    [Fact]
    public async Task The_probed_page_walks_the_code_index_without_sorting()
    {
        var plan = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync();
            return new[]
            {
                await QueryPlans.OfAsync(db, Page(db, programId, "dao tao", probe: true, descending: false, page: 0).Select(p => new { p.Id, p.Code, p.Title, p.LeadOrganization.Name }).ToQueryString()),
                await QueryPlans.OfAsync(db, Page(db, programId, "dao tao", probe: false, descending: false, page: 0).Select(p => new { p.Id, p.Code, p.Title, p.LeadOrganization.Name }).ToQueryString()),
            };
        });

        Assert.Contains("IX_Proposals_ProgramId_Code", plan[0], StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan[0], StringComparison.Ordinal);
        Assert.DoesNotContain("SEARCH p USING INTEGER PRIMARY KEY", plan[0], StringComparison.Ordinal);
        // Without the probe the planner may drive from the matches (it does on the 100.000-proposal database, where they
        // are then sorted); on the small demo database it may not: the probe is what makes the walk certain.
        Assert.NotEmpty(plan[1]);
    }
}
