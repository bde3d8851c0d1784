using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Ledger.KeptBalances.KeptBalanceTotalsTests;

namespace NgheAn.CNHT.IntegrationTests.Ledger.KeptBalances;

/// <summary>
/// Issue 21, item 2 (ADR 0226): after a write outside the ledger the ledger page's balance totals are kept when the write
/// changed no proposal and no catalog (a raw raise of the version, a lead unit's name), taken in per changed proposal when it changed
/// proposals (an approval, a cancellation, a settlement, new figures, a move to another item, written through the forms,
/// the domain or raw SQL: the log is written by triggers), and built again only when the catalog changed or too many
/// proposals did; after each, they equal a fresh computation from every row, and the page shows them at once.
/// </summary>
public sealed class BalanceTotalsAfterChangeTests
{
    private static int ProposalUpdates(CnhtFactory portal) => portal.Services.GetRequiredService<KeptBalanceTotals>().ProposalUpdates;

    /// <summary>A write path that says nothing of what it wrote (a bulk path, a command-line fix): the whole version's raise.</summary>
    private static Task<int> RawAsync(CnhtFactory portal, string sql) => RawWrites.RunAsync(portal, sql);

    [Fact]
    public async Task A_write_that_changes_nothing_the_totals_read_keeps_them_and_they_equal_a_fresh_computation()
    {
        await using var portal = new CnhtFactory();
        var filters = Filters(await GroupOf33Async(portal));
        var implementing = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        await AssertEqualAsync(portal, portal, filters);
        var built = FullBuilds(portal);
        var updates = ProposalUpdates(portal);

        // A raw raise of the version (what scripts/perf/page-times.sh does) and a lead unit's new name: nothing is read again.
        var before = await VersionAsync(portal);
        await RawAsync(portal, "SELECT 1");
        await RawAsync(portal, "UPDATE \"Organizations\" SET \"Name\" = \"Name\" || ' (mới)' WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Organizations\")");
        Assert.True(DataVersionSteps.OutsideLedger(await VersionAsync(portal)) >= DataVersionSteps.OutsideLedger(before) + 2);
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));
        Assert.Equal(updates, ProposalUpdates(portal));

        // A balanced proposal's title by raw SQL and a new submitted proposal through the audited save: each proposal is
        // read again by id (it changes nothing), no build.
        await RawAsync(portal, $"UPDATE \"Proposals\" SET \"Title\" = 'Đề án đổi tên (giá trị minh họa)' WHERE \"Id\" = {implementing}");
        await ProposalArrange.InStatusAsync(portal, ProposalStatus.Submitted);
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));
    }

    [Fact]
    public async Task Approvals_cancellations_settlements_and_new_figures_are_taken_in_per_proposal_and_show_on_the_page_at_once()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var center = await portal.SignInAsAsync("SupportCenter");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var group = await GroupOf33Async(portal);
        var filters = Filters(group);
        var appraised = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Appraised);
        var toCancel = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        var toSettle = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Accepted);
        var toMove = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        await PostAsync(center, toCancel, Entry(20_000_000m, "Advance", "C-TU-1"));
        await PostAsync(center, toSettle, Entry(10_000_000m, "Advance", "C-TU-2"));
        await PostAsync(center, toMove, Entry(15_000_000m, "Payment", "C-TT-3", "Counterpart"));
        await AssertEqualAsync(portal, portal, filters);
        var built = FullBuilds(portal);
        var updates = ProposalUpdates(portal);

        // An approval through the domain's audited save: the proposal enters the balances.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Id == appraised);
            p.Approve(ProposalArrange.Leader, DateTime.UtcNow, "12/QĐ-SCT", DateOnly.FromDateTime(DateTime.UtcNow), 700_000_000m, 210_000_000m, null);
            return await db.SaveChangesAsync();
        });
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));
        Assert.True(ProposalUpdates(portal) > updates);

        // A cancellation through the leader's form (its advance recovered first, as the form requires): it leaves the
        // balances, and the page (same node) shows it at once.
        await PostAsync(center, toCancel, Entry(20_000_000m, "Recovery", "C-TH-1"));
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostStepAsync(toCancel, "Cancel", new Dictionary<string, string> { ["Act.Comment"] = "Đơn vị không tiếp tục" })).StatusCode);
        var expected = await RecomputedAsync(portal, new LedgerFilter(ProgramCode: "2018-2025"));
        var html = await leader.GetStringAsync("/Disbursements?program=2018-2025");
        Assert.Contains($"Cộng ({expected.Count} đề án)", html);
        Assert.Contains(VnFormat.Dong(expected.ApprovedProvincialShare), html);
        Assert.Contains(VnFormat.Dong(expected.OutstandingAdvances), html);
        await AssertEqualAsync(portal, portal, filters);

        // A settlement through the center's form: its advance is no longer outstanding, the settled figures count.
        var settle = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "80/QĐ-TT",
            ["Input.SettlementDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SettledTotalCost"] = VnFormat.Dong(850_000_000m),
            ["Input.SettledProvincialShare"] = VnFormat.Dong(250_000_000m),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Settle?proposalId={toSettle}", settle)).StatusCode);
        await AssertEqualAsync(portal, portal, filters);

        // New figures and a move to an item of another group, written by raw SQL (a fix from the command line).
        var otherItem = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.AsNoTracking()
            .Where(i => i.Group.Program.Code == "2018-2025" && i.Group.Code != group).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        Assert.Equal(1, await RawAsync(portal, $"UPDATE \"Proposals\" SET \"ApprovedProvincialShare\" = 333000000 WHERE \"Id\" = {appraised}"));
        Assert.Equal(1, await RawAsync(portal, $"UPDATE \"Proposals\" SET \"ContentItemId\" = {otherItem} WHERE \"Id\" = {toMove}"));
        await AssertEqualAsync(portal, portal, filters);

        // A posting after all that is added to the totals as they now stand.
        await PostAsync(center, toMove, Entry(5_000_000m, "Advance", "C-TU-4"));
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));
        html = await leader.GetStringAsync("/Disbursements?program=2018-2025");
        expected = await RecomputedAsync(portal, new LedgerFilter(ProgramCode: "2018-2025"));
        Assert.Contains($"Cộng ({expected.Count} đề án)", html);
        Assert.Contains(VnFormat.Dong(expected.DisbursedProvincial), html);
    }

    [Fact]
    public async Task A_change_of_the_catalog_or_a_bulk_change_of_proposals_builds_the_totals_again_equal_to_a_fresh_computation()
    {
        await using var portal = new CnhtFactory();
        var group = await GroupOf33Async(portal);
        var filters = Filters(group);
        var implementing = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        await AssertEqualAsync(portal, portal, filters);
        var built = FullBuilds(portal);

        // Item 3.3 moved to another group of its program (raw SQL): the group filter selects other proposals.
        var target = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentGroups.AsNoTracking()
            .Where(g => g.Program.Code == "2018-2025" && g.Code != group).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        Assert.Equal(1, await RawAsync(portal, $"UPDATE \"ContentItems\" SET \"GroupId\" = {target} WHERE \"Code\" = '3.3' AND \"GroupId\" IN (SELECT \"Id\" FROM \"ContentGroups\" WHERE \"Code\" = '{group}')"));
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built + filters.Length, FullBuilds(portal));
        built = FullBuilds(portal);

        // More rows in the log than are taken in one by one (an import's bulk rows): built again.
        await RawAsync(portal, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= {KeptBalanceTotals.ProposalLimit})
            INSERT INTO "BalanceInputChanges" ("ProposalId") SELECT {implementing} FROM n
            """);
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built + filters.Length, FullBuilds(portal));
    }

    [Fact]
    public async Task The_triggers_log_every_write_of_a_proposal_the_catalog_or_a_lead_unit_and_nothing_else()
    {
        await using var portal = new CnhtFactory();
        var id = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        var draft = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Draft);
        Task<List<int?>> LogAsync(long after) => portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database
            .SqlQuery<int?>($"SELECT \"ProposalId\" AS \"Value\" FROM \"BalanceInputChanges\" WHERE \"Id\" > {after} ORDER BY \"Id\"").ToListAsync());
        var top = await portal.ScopedAsync(sp => sp.GetRequiredService<IBalanceInputChanges>().TopAsync());

        await RawAsync(portal, "SELECT 1");
        Assert.Empty(await LogAsync(top));

        await RawAsync(portal, $"UPDATE \"Proposals\" SET \"Title\" = 'Khác' WHERE \"Id\" = {id}");
        await RawAsync(portal, $"UPDATE \"Proposals\" SET \"Status\" = 'Submitted' WHERE \"Id\" = {draft}");
        await RawAsync(portal, "UPDATE \"Programs\" SET \"Code\" = \"Code\" WHERE \"Code\" = '2026-2030'");
        await RawAsync(portal, "UPDATE \"Organizations\" SET \"Name\" = \"Name\" WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Organizations\")");
        Assert.Equal(new int?[] { id, draft, null, 0 }, await LogAsync(top));
    }
}
