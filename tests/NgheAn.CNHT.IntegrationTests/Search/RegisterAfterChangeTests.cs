using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Ledger.KeptBalances.KeptBalanceTotalsTests;

namespace NgheAn.CNHT.IntegrationTests.Search;

/// <summary>
/// Issue 21, item 3 (ADR 0227): the register's kept choices, totals and pages are keyed by a counter that moves only when
/// a proposal, the catalog or a lead unit is written (the log the database's triggers write, ADR 0226). A posting or a
/// raw raise of the version keeps them; a proposal's new figure, status or lead unit's name, written by any path, shows on
/// the next search of this node at once and of another node within the watch's second.
/// </summary>
public sealed class RegisterAfterChangeTests
{
    private static int Moves(CnhtFactory portal) => portal.Services.GetRequiredService<RegisterInputsState>().Moves;

    private static Task<int> RawAsync(CnhtFactory portal, string sql) => RawWrites.RunAsync(portal, sql);

    [Fact]
    public async Task A_posting_or_a_raw_raise_keeps_the_register_and_a_change_of_a_proposal_or_a_lead_unit_shows_at_once_on_both_nodes()
    {
        await using var nodeA = new CnhtFactory();
        await nodeA.EnsureDemoUsersAsync();
        await using var nodeB = new CnhtFactory(seedDemoData: false, databasePath: nodeA.DatabasePath);
        var center = await nodeA.SignInAsAsync("SupportCenter");
        var readerA = await nodeA.SignInAsAsync("DoitLeader");
        var readerB = await nodeB.SignInAsAsync("DoitLeader");
        var id = await ProposalArrange.InStatusAsync(nodeA, ProposalStatus.Implementing, title: "Đề án khuôn đúc zyxwvu (giá trị minh họa)");
        const string search = "/Proposals?program=2018-2025&q=zyxwvu";
        Assert.Contains(VnFormat.Million(900_000_000m), await readerA.GetStringAsync(search));
        var moves = Moves(nodeA);

        // A posting (the ledger only) and a raw raise of the version: the register's models are kept.
        await PostAsync(center, id, Entry(1_000_000m, "Payment", "R-TT-1"));
        await RawAsync(nodeA, "SELECT 1");
        Assert.Contains(VnFormat.Million(900_000_000m), await readerA.GetStringAsync(search));
        Assert.Equal(moves, Moves(nodeA));

        // A new approved figure by raw SQL: shown at once on this node, within the watch's second on the other.
        Assert.Equal(1, await RawAsync(nodeA, $"UPDATE \"Proposals\" SET \"ApprovedTotalCost\" = 777000000 WHERE \"Id\" = {id}"));
        Assert.Contains(VnFormat.Million(777_000_000m), await readerA.GetStringAsync(search));
        Assert.True(Moves(nodeA) > moves);
        await Task.Delay(DataVersionWatch.Freshness + TimeSpan.FromMilliseconds(100));
        Assert.Contains(VnFormat.Million(777_000_000m), await readerB.GetStringAsync(search));

        // A status through the domain's audited save: the status filter finds it at once.
        await nodeA.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            p.Accept(ProposalArrange.Center, DateTime.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow), "Đạt");
            return await db.SaveChangesAsync();
        });
        Assert.Contains(VnFormat.Million(777_000_000m), await readerA.GetStringAsync(search + "&status=Accepted"));

        // A lead unit's new name by raw SQL: its proposals' rows show it at once.
        var org = await nodeA.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == id).Select(p => p.LeadOrganizationId).SingleAsync());
        Assert.Equal(1, await RawAsync(nodeA, $"UPDATE \"Organizations\" SET \"Name\" = 'Công ty Đổi Tên Kiểm Thử' WHERE \"Id\" = {org}"));
        Assert.Contains("Công ty Đổi Tên Kiểm Thử", await readerA.GetStringAsync(search));
        await Task.Delay(DataVersionWatch.Freshness + TimeSpan.FromMilliseconds(100));
        Assert.Contains("Công ty Đổi Tên Kiểm Thử", await readerB.GetStringAsync(search));
    }

    [Fact]
    public async Task After_a_write_one_request_reads_the_log_once_and_a_scope_that_lives_across_a_write_reads_it_again()
    {
        await using var portal = new CnhtFactory();
        var id = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing, title: "Đề án khuôn dập qwertz (giá trị minh họa)");
        var filter = new RegisterFilter("2018-2025", Query: "qwertz");
        Assert.Equal(900_000_000m, (await portal.ScopedAsync(sp => sp.GetRequiredService<ProposalQueries>().RegisterAsync(filter))).TotalCost);

        Assert.Equal(1, await RawAsync(portal, $"UPDATE \"Proposals\" SET \"ApprovedTotalCost\" = 777000000 WHERE \"Id\" = {id}"));
        await portal.ScopedAsync(async sp =>
        {
            var queries = sp.GetRequiredService<ProposalQueries>();
            var inputs = sp.GetRequiredService<RegisterInputs>();

            // The choices read the rows after the write; the filter's figures take them from that read (ADR 0244 addendum 2).
            Assert.Equal(777_000_000m, (await queries.RegisterAsync(filter)).TotalCost);
            Assert.True(inputs.LogReadsSaved >= 1, $"log reads saved: {inputs.LogReadsSaved}");

            // A write while the scope lives: what it read is not taken for the log as it now is.
            Assert.Equal(1, await RawAsync(portal, $"UPDATE \"Proposals\" SET \"ApprovedTotalCost\" = 555000000 WHERE \"Id\" = {id}"));
            Assert.Equal(555_000_000m, (await queries.RegisterAsync(filter)).TotalCost);
            return 0;
        });
    }
}
