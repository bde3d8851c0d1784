using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Ledger.KeptBalances;

/// <summary>
/// Issue 21, item 2 (ADR 0214): the ledger page's balance totals are kept per filter and brought up to date per posting
/// (the new entries added) instead of being built again after every write; they stay equal to a full recomputation after
/// postings, reversals, another program's entries, status changes and a settlement, on one node and across two nodes on
/// one database file; a status change or a settlement is taken in per proposal (ADR 0226), so nothing here builds them
/// again after the first time (BalanceTotalsAfterChangeTests covers the writes that do).
/// </summary>
public sealed class KeptBalanceTotalsTests
{
    private static readonly ProposalStatus[] WithLedger = [ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled];

    internal static Dictionary<string, string> Entry(decimal amount, string kind, string voucher, string source = "ProvincialBudget") => new()
    {
        ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Amount"] = VnFormat.Dong(amount),
        ["Input.Kind"] = kind,
        ["Input.Source"] = source,
        ["Input.VoucherNumber"] = voucher,
    };

    internal static async Task PostAsync(HttpClient center, int proposal, Dictionary<string, string> entry) =>
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={proposal}", entry)).StatusCode);

    private static async Task ReverseAsync(CnhtFactory portal, HttpClient center, string voucher)
    {
        var id = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.Where(e => e.VoucherNumber == voucher).Select(e => e.Id).SingleAsync());
        var reverse = new Dictionary<string, string>
        {
            ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.VoucherNumber"] = voucher + "-DAO",
            ["Input.Reason"] = "Nhập nhầm",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Reverse?id={id}", reverse)).StatusCode);
    }

    /// <summary>The full recomputation: every proposal and ledger row read plainly and summed here, in memory.</summary>
    internal static Task<BalanceTotals> RecomputedAsync(CnhtFactory portal, LedgerFilter f) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var program = await db.Programs.Where(g => g.Code == f.ProgramCode).Select(g => (int?)g.Id).FirstOrDefaultAsync();
            var heads = await db.Proposals.AsNoTracking()
                .Where(p => WithLedger.Contains(p.Status)
                            && (f.ProgramCode == null || p.ProgramId == program)
                            && (f.GroupCode == null || p.ContentItem.Group.Code == f.GroupCode))
                .Select(p => new { p.Id, p.Status, Share = p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? 0m, Total = p.SettledTotalCost ?? p.ApprovedTotalCost ?? 0m })
                .ToDictionaryAsync(p => p.Id);
            var lines = await db.DisbursementEntries.AsNoTracking().Select(e => new { e.Id, e.ProposalId, e.Source, e.Kind, e.Amount, e.ReversesEntryId }).ToListAsync();
            var kinds = lines.ToDictionary(l => l.Id, l => l.Kind);
            var mine = lines.Where(l => heads.ContainsKey(l.ProposalId)).ToList();
            var outstanding = mine.Where(l => heads[l.ProposalId].Status != ProposalStatus.Settled
                                              && (l.Kind == DisbursementKind.Advance || (l.Kind == DisbursementKind.Reversal && kinds[l.ReversesEntryId!.Value] == DisbursementKind.Advance)))
                .Sum(l => l.Amount);
            var share = heads.Values.Sum(h => h.Share);
            return new BalanceTotals(heads.Count, share, heads.Values.Sum(h => h.Total) - share,
                mine.Where(l => l.Source == FundingSource.ProvincialBudget).Sum(l => l.Amount), mine.Where(l => l.Source != FundingSource.ProvincialBudget).Sum(l => l.Amount), outstanding);
        });

    internal static Task<BalanceTotals> KeptAsync(CnhtFactory portal, LedgerFilter f) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<LedgerQueries>().BalanceTotalsAsync(f));

    internal static async Task AssertEqualAsync(CnhtFactory reader, CnhtFactory truth, IEnumerable<LedgerFilter> filters)
    {
        foreach (var filter in filters)
        {
            Assert.Equal(await RecomputedAsync(truth, filter), await KeptAsync(reader, filter));
        }
    }

    internal static int FullBuilds(CnhtFactory portal) => portal.Services.GetRequiredService<KeptBalanceTotals>().FullBuilds;

    internal static Task<long> VersionAsync(CnhtFactory portal) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<IDataVersion>().CurrentAsync());

    /// <summary>An implementing proposal of program 2026-2030 (whose demo areas have no items: one is added).</summary>
    internal static async Task<int> ImplementingIn2026Async(CnhtFactory portal)
    {
        var id = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        // Moved to the other program before any entry exists: the item and the program of an entry are its proposal's.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var group = await db.ContentGroups.Include(g => g.Items).Include(g => g.Program).Where(g => g.Program.Code == "2026-2030").OrderBy(g => g.Id).FirstAsync();
            var item = group.Items.FirstOrDefault() ?? group.AddItem(group.Code + ".1", "Nội dung kiểm thử (giá trị minh họa)");
            await db.SaveChangesAsync();
            return await db.Proposals.Where(p => p.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ContentItemId, item.Id).SetProperty(p => p.ProgramId, group.ProgramId));
        });
        return id;
    }

    internal static LedgerFilter[] Filters(string group) =>
    [
        new(),
        new(ProgramCode: "2018-2025"),
        new(ProgramCode: "2026-2030"),
        new(ProgramCode: "2018-2025", GroupCode: group),
        new(GroupCode: group),
    ];

    internal static Task<string> GroupOf33Async(CnhtFactory portal) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.AsNoTracking()
            .Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025").Select(i => i.Group.Code).SingleAsync());

    [Fact]
    public async Task Postings_and_reversals_are_added_to_the_kept_totals_and_a_status_change_builds_them_again_equal_to_a_recomputation()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var center = await portal.SignInAsAsync("SupportCenter");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var filters = Filters(await GroupOf33Async(portal));
        var open = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        var other = await ImplementingIn2026Async(portal);
        var toCancel = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        var toSettle = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Accepted);
        // The proposals above were written straight to the database: the totals are built after them.
        await AssertEqualAsync(portal, portal, filters);
        var built = FullBuilds(portal);
        Assert.Equal(filters.Length, built);

        // Postings of every source and kind, on this program and on the other: added, not built again.
        var before = await VersionAsync(portal);
        await PostAsync(center, open, Entry(40_000_000m, "Advance", "TU-1"));
        var after = await VersionAsync(portal);
        Assert.Equal(DataVersionSteps.OutsideLedger(before), DataVersionSteps.OutsideLedger(after));
        Assert.True(after > before);
        await AssertEqualAsync(portal, portal, filters);
        await PostAsync(center, open, Entry(60_000_000m, "Payment", "TT-1"));
        await PostAsync(center, open, Entry(30_000_000m, "Payment", "DU-1", "Counterpart"));
        await PostAsync(center, open, Entry(5_000_000m, "Advance", "TU-2", "Other"));
        await PostAsync(center, other, Entry(7_000_000m, "Advance", "TU-K"));
        await PostAsync(center, other, Entry(3_000_000m, "Payment", "TT-K", "Counterpart"));
        await PostAsync(center, toCancel, Entry(20_000_000m, "Advance", "TU-3"));
        await PostAsync(center, toSettle, Entry(10_000_000m, "Advance", "TU-4"));
        await AssertEqualAsync(portal, portal, filters);
        // Reversals of an advance (it leaves the outstanding advances) and of a payment.
        await ReverseAsync(portal, center, "TU-1");
        await AssertEqualAsync(portal, portal, filters);
        await ReverseAsync(portal, center, "TT-1");
        await ReverseAsync(portal, center, "TU-K");
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));

        // A recovery (a ledger entry), then a cancellation (a status change): the proposal leaves the balances.
        await PostAsync(center, toCancel, Entry(20_000_000m, "Recovery", "TH-3"));
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));
        before = await VersionAsync(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostStepAsync(toCancel, "Cancel", new Dictionary<string, string> { ["Act.Comment"] = "Đơn vị không tiếp tục" })).StatusCode);
        Assert.Equal(ProposalStatus.Cancelled, await ProposalArrange.StatusAsync(portal, toCancel));
        Assert.True(DataVersionSteps.OutsideLedger(await VersionAsync(portal)) > DataVersionSteps.OutsideLedger(before));
        await AssertEqualAsync(portal, portal, filters);
        // Taken in per changed proposal (ADR 0226), not built again.
        Assert.Equal(built, FullBuilds(portal));

        // Settled with an advance on its books: its advance is no longer outstanding; the settled figures count.
        var settle = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "79/QĐ-TT",
            ["Input.SettlementDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SettledTotalCost"] = VnFormat.Dong(800_000_000m),
            ["Input.SettledProvincialShare"] = VnFormat.Dong(240_000_000m),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Settle?proposalId={toSettle}", settle)).StatusCode);
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));

        // Postings after the changes are added again, to the totals as they now stand.
        await PostAsync(center, open, Entry(1_000_000m, "Payment", "TT-5"));
        await PostAsync(center, other, Entry(2_000_000m, "Payment", "TT-6"));
        await AssertEqualAsync(portal, portal, filters);
        Assert.Equal(built, FullBuilds(portal));

        // The ledger page shows them (the first page of the program, as any user opens it).
        var html = await leader.GetStringAsync("/Disbursements?program=2018-2025");
        var expected = await RecomputedAsync(portal, new LedgerFilter(ProgramCode: "2018-2025"));
        Assert.Contains(VnFormat.Dong(expected.DisbursedProvincial), html);
    }

    [Fact]
    public async Task A_node_adds_the_postings_another_node_commits_to_the_same_database_and_builds_again_after_its_status_changes()
    {
        await using var nodeA = new CnhtFactory();
        await nodeA.EnsureDemoUsersAsync();
        await using var nodeB = new CnhtFactory(seedDemoData: false, databasePath: nodeA.DatabasePath);
        var centerB = await nodeB.SignInAsAsync("SupportCenter");
        var leaderB = await nodeB.SignInAsAsync("DoitLeader");
        var filters = Filters(await GroupOf33Async(nodeA));
        var open = await ProposalArrange.InStatusAsync(nodeA, ProposalStatus.Implementing);
        var other = await ImplementingIn2026Async(nodeA);
        await AssertEqualAsync(nodeA, nodeA, filters);
        var built = FullBuilds(nodeA);

        // Postings and a reversal through node B: node A, which wrote nothing since, adds them.
        await PostAsync(centerB, open, Entry(40_000_000m, "Advance", "B-TU-1"));
        await PostAsync(centerB, open, Entry(25_000_000m, "Payment", "B-TT-1", "Other"));
        await PostAsync(centerB, other, Entry(9_000_000m, "Advance", "B-TU-K"));
        await PostAsync(centerB, other, Entry(9_000_000m, "Recovery", "B-TH-K"));
        await ReverseAsync(nodeB, centerB, "B-TU-1");
        // Node A sees another node's writes within its watch's second (ADR 0216).
        await Task.Delay(DataVersionWatch.Freshness + TimeSpan.FromMilliseconds(100));
        await AssertEqualAsync(nodeA, nodeB, filters);
        Assert.Equal(built, FullBuilds(nodeA));

        // A cancellation through node B: node A takes the cancelled proposal out (ADR 0226), without a build.
        Assert.Equal(HttpStatusCode.Redirect, (await leaderB.PostStepAsync(other, "Cancel", new Dictionary<string, string> { ["Act.Comment"] = "Đơn vị không tiếp tục" })).StatusCode);
        await Task.Delay(DataVersionWatch.Freshness + TimeSpan.FromMilliseconds(100));
        await AssertEqualAsync(nodeA, nodeB, filters);
        Assert.Equal(built, FullBuilds(nodeA));
    }
}
