using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Ledger;

/// <summary>
/// Issue 21, item 2: a page of a program's ledger filtered by group (with or without a source, a kind, a year) is read by
/// walking the program's entries newest first and asking each whether its proposal is in the group, once the group holds
/// enough entries; the rows, their order and every page are exactly those of the joins the planner started from the
/// group with, and the SQL is the walk (no temporary sort).
/// </summary>
public sealed class LedgerGroupWalkTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private Task<LedgerPage> PageAsync(LedgerFilter filter, int walkFrom) =>
        portal.ScopedAsync(async sp =>
        {
            var queries = sp.GetRequiredService<LedgerQueries>();
            queries.GroupWalkFrom = walkFrom;
            return await queries.RegisterAsync(filter);
        });

    public static TheoryData<FundingSource?, DisbursementKind?> Filters() => new()
    {
        { null, null },
        { FundingSource.ProvincialBudget, null },
        { FundingSource.Counterpart, null },
        { null, DisbursementKind.Advance },
        { FundingSource.ProvincialBudget, DisbursementKind.Payment },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_page_of_every_group_walked_equals_the_page_through_the_joins(FundingSource? source, DisbursementKind? kind)
    {
        var groups = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentGroups.AsNoTracking()
            .Where(g => g.Program.Code == "2018-2025").Select(g => g.Code).ToListAsync());
        var compared = 0;
        foreach (var group in groups.Append("no-such-group"))
        {
            for (var page = 1; ; page++)
            {
                var filter = new LedgerFilter("2018-2025", Source: source, Kind: kind, GroupCode: group, Page: page, PageSize: 10);
                var joined = await PageAsync(filter, int.MaxValue);
                var walked = await PageAsync(filter, 1);
                Assert.Equal(joined.Rows, walked.Rows);
                Assert.Equal(joined.Totals, walked.Totals);
                compared += walked.Rows.Count;
                if (walked.Rows.Count < 10)
                {
                    break;
                }
            }
        }

        Assert.True(compared > 10, $"only {compared} rows compared: the demo ledger must span pages");
    }

    [Fact]
    public async Task The_walk_asks_per_entry_and_needs_no_temporary_sort()
    {
        var (sql, plan) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync();
            var printed = db.DisbursementEntries.AsNoTracking()
                .Where(e => e.ProgramId == programId && e.Source == FundingSource.ProvincialBudget)
                .Where(e => db.Proposals.Any(p => p.Id == e.ProposalId && p.ContentItem.Group.Code == "1"))
                .OrderByDescending(e => e.EntryDate).ThenByDescending(e => e.Id).Take(50)
                .Select(e => e.Id)
                .ToQueryString();
            return (printed, await QueryPlans.OfAsync(db, printed));
        });
        Assert.Contains("EXISTS", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.Contains("CORRELATED", plan, StringComparison.Ordinal);
    }
}
