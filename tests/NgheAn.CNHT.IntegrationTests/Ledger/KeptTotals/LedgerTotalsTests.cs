using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Ledger.KeptTotals;

/// <summary>
/// Issue 21: the ledger page's totals and the balances' totals served from the kept ledger sums (ADR 0104 addendum), and
/// the appendix and the year matrix from the program's shared grouping, equal a full regrouping of the rows after
/// postings, reversals, a recovery and cancellation, and a settlement with an advance still out.
/// </summary>
public sealed class LedgerTotalsTests
{
    private static readonly ProposalStatus[] WithLedger = [ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled];

    private static Dictionary<string, string> Entry(decimal amount, string kind, string voucher, string source = "ProvincialBudget") => new()
    {
        ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Amount"] = VnFormat.Dong(amount),
        ["Input.Kind"] = kind,
        ["Input.Source"] = source,
        ["Input.VoucherNumber"] = voucher,
    };

    private sealed record Line(int Id, int ProgramId, string ProgramCode, int ProposalId, DateOnly EntryDate, FundingSource Source, DisbursementKind Kind, decimal Amount,
        int? ReversesEntryId, string GroupCode, int LeadOrganizationId);

    private sealed record Head(int Id, string ProgramCode, ProposalStatus Status, string GroupCode, int LeadOrganizationId, decimal Share, decimal Total);

    /// <summary>Every ledger row and every proposal, read plainly: the full regrouping is done here, in memory.</summary>
    private static Task<(List<Line> Lines, List<Head> Heads)> EverythingAsync(CnhtFactory portal) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programs = await db.Programs.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code);
            var lines = (await db.DisbursementEntries.AsNoTracking()
                    .Select(e => new { e.Id, e.ProgramId, e.ProposalId, e.EntryDate, e.Source, e.Kind, e.Amount, e.ReversesEntryId, Group = e.Proposal.ContentItem.Group.Code, e.Proposal.LeadOrganizationId })
                    .ToListAsync())
                .Select(e => new Line(e.Id, e.ProgramId, programs[e.ProgramId], e.ProposalId, e.EntryDate, e.Source, e.Kind, e.Amount, e.ReversesEntryId, e.Group, e.LeadOrganizationId))
                .ToList();
            var heads = (await db.Proposals.AsNoTracking()
                    .Select(p => new { p.Id, p.ProgramId, p.Status, Group = p.ContentItem.Group.Code, p.LeadOrganizationId, p.SettledProvincialShare, p.ApprovedProvincialShare, p.SettledTotalCost, p.ApprovedTotalCost })
                    .ToListAsync())
                .Select(p => new Head(p.Id, programs[p.ProgramId], p.Status, p.Group, p.LeadOrganizationId, p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? 0m, p.SettledTotalCost ?? p.ApprovedTotalCost ?? 0m))
                .ToList();
            return (lines, heads);
        });

    private static bool Selected(LedgerFilter f, string programCode, string groupCode, int lead) =>
        (string.IsNullOrEmpty(f.ProgramCode) || programCode == f.ProgramCode)
        && (string.IsNullOrEmpty(f.GroupCode) || groupCode == f.GroupCode)
        && (f.LeadOrganizationId is null || lead == f.LeadOrganizationId);

    private static LedgerTotals ExpectedTotals(List<Line> lines, LedgerFilter f)
    {
        var chosen = lines.Where(l => Selected(f, l.ProgramCode, l.GroupCode, l.LeadOrganizationId)
                                      && (f.Year is null || l.EntryDate.Year == f.Year) && (f.Source is null || l.Source == f.Source) && (f.Kind is null || l.Kind == f.Kind)).ToList();
        decimal Of(FundingSource s) => chosen.Where(l => l.Source == s).Sum(l => l.Amount);
        return new LedgerTotals(chosen.Count, Of(FundingSource.ProvincialBudget), Of(FundingSource.Counterpart), Of(FundingSource.Other));
    }

    private static BalanceTotals ExpectedBalances(List<Line> lines, List<Head> heads, LedgerFilter f)
    {
        var balanced = heads.Where(h => WithLedger.Contains(h.Status) && Selected(f, h.ProgramCode, h.GroupCode, h.LeadOrganizationId)).ToDictionary(h => h.Id);
        var mine = lines.Where(l => balanced.ContainsKey(l.ProposalId)).ToList();
        var kinds = lines.ToDictionary(l => l.Id, l => l.Kind);
        var outstanding = mine.Where(l => balanced[l.ProposalId].Status != ProposalStatus.Settled
                                          && (l.Kind == DisbursementKind.Advance || (l.Kind == DisbursementKind.Reversal && kinds[l.ReversesEntryId!.Value] == DisbursementKind.Advance)))
            .Sum(l => l.Amount);
        var share = balanced.Values.Sum(h => h.Share);
        return new BalanceTotals(balanced.Count, share, balanced.Values.Sum(h => h.Total) - share,
            mine.Where(l => l.Source == FundingSource.ProvincialBudget).Sum(l => l.Amount), mine.Where(l => l.Source != FundingSource.ProvincialBudget).Sum(l => l.Amount), outstanding);
    }

    private static async Task AssertTotalsEqualRegroupingAsync(CnhtFactory portal, IReadOnlyList<LedgerFilter> filters)
    {
        var (lines, heads) = await EverythingAsync(portal);
        foreach (var filter in filters)
        {
            var (page, balances) = await portal.ScopedAsync(async sp =>
            {
                var ledger = sp.GetRequiredService<LedgerQueries>();
                return ((await ledger.RegisterAsync(filter)).Totals, await ledger.BalanceTotalsAsync(filter));
            });
            Assert.Equal(ExpectedTotals(lines, filter), page);
            Assert.Equal(ExpectedBalances(lines, heads, filter), balances);
        }
    }

    [Fact]
    public async Task The_ledger_and_balance_totals_equal_a_full_regrouping_after_postings_reversals_cancellation_and_settlement()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var center = await portal.SignInAsAsync("SupportCenter");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var year = DateTime.UtcNow.Year;
        // The group and the lead unit of the proposals ProposalArrange makes (item 3.3, the first organization).
        var group = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.AsNoTracking()
            .Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025").Select(i => i.Group.Code).SingleAsync());
        var lead = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        LedgerFilter[] filters =
        [
            new(),
            new(ProgramCode: "2018-2025"),
            new(ProgramCode: "2026-2030"),
            new(ProgramCode: "2018-2025", Year: year),
            new(ProgramCode: "2018-2025", Year: year, Source: FundingSource.ProvincialBudget),
            new(ProgramCode: "2018-2025", Source: FundingSource.Counterpart),
            new(ProgramCode: "2018-2025", Kind: DisbursementKind.Advance),
            new(ProgramCode: "2018-2025", Kind: DisbursementKind.Reversal),
            new(ProgramCode: "2018-2025", GroupCode: group),
            new(ProgramCode: "2018-2025", GroupCode: group, Year: year, Kind: DisbursementKind.Payment),
            new(GroupCode: group),
            // Not answerable from the kept sums: computed in SQL through the lead unit's proposals.
            new(ProgramCode: "2018-2025", LeadOrganizationId: lead),
            new(ProgramCode: "2018-2025", LeadOrganizationId: lead, Year: year, Source: FundingSource.ProvincialBudget),
        ];
        await AssertTotalsEqualRegroupingAsync(portal, filters);

        // Postings of every source and a reversal of an advance and of a payment.
        var open = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={open}", Entry(40_000_000m, "Advance", "TU-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={open}", Entry(60_000_000m, "Payment", "TT-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={open}", Entry(30_000_000m, "Payment", "DU-1", "Counterpart"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={open}", Entry(5_000_000m, "Advance", "TU-2", "Other"))).StatusCode);
        await AssertTotalsEqualRegroupingAsync(portal, filters);
        foreach (var voucher in new[] { "TU-1", "TT-1" })
        {
            var id = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.Where(e => e.VoucherNumber == voucher).Select(e => e.Id).SingleAsync());
            var reverse = new Dictionary<string, string> { ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.VoucherNumber"] = voucher + "-DAO", ["Input.Reason"] = "Nhập nhầm" };
            Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Reverse?id={id}", reverse)).StatusCode);
            await AssertTotalsEqualRegroupingAsync(portal, filters);
        }

        // An advance recovered, then the proposal cancelled: its entries leave the balances (its advance is not outstanding).
        var cancelled = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={cancelled}", Entry(20_000_000m, "Advance", "TU-3"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={cancelled}", Entry(20_000_000m, "Recovery", "TH-3"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostStepAsync(cancelled, "Cancel", new Dictionary<string, string> { ["Act.Comment"] = "Đơn vị không tiếp tục" })).StatusCode);
        Assert.Equal(ProposalStatus.Cancelled, await ProposalArrange.StatusAsync(portal, cancelled));
        await AssertTotalsEqualRegroupingAsync(portal, filters);

        // Settled with an advance on its books: disbursed still counts, the advance is no longer outstanding.
        var settled = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Accepted);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={settled}", Entry(10_000_000m, "Advance", "TU-4"))).StatusCode);
        var settle = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "79/QĐ-TT",
            ["Input.SettlementDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SettledTotalCost"] = VnFormat.Dong(800_000_000m),
            ["Input.SettledProvincialShare"] = VnFormat.Dong(240_000_000m),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Settle?proposalId={settled}", settle)).StatusCode);
        await AssertTotalsEqualRegroupingAsync(portal, filters);

        // The ledger page shows those totals (the first page of the program's ledger, as any user opens it).
        var html = await (await portal.SignInAsAsync("DoitLeader")).GetStringAsync("/Disbursements?program=2018-2025");
        var (lines, _) = await EverythingAsync(portal);
        var expected = ExpectedTotals(lines, new LedgerFilter(ProgramCode: "2018-2025"));
        Assert.Contains($"data-total=\"provincial\">{VnFormat.Dong(expected.Provincial)}<", html);
        Assert.Contains($"Bút toán ({expected.Count})", html);
    }

    [Fact]
    public async Task The_appendix_and_the_year_matrix_equal_their_own_grouping_before_and_after_a_settlement()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();

        async Task AssertEqualAsync()
        {
            await portal.ScopedAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Code == "2018-2025");
                var appendix = await sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025");
                var expected = await AppendixQuery.ItemSums(db, program.Id, program.StartYear, program.EndYear).ToListAsync();
                Assert.Equal(expected.Sum(x => x.Count), appendix.Total.ProposalCount);
                Assert.Equal(expected.Sum(x => x.TotalCost), appendix.Total.TotalCost);
                Assert.Equal(expected.Sum(x => x.ProvincialShare), appendix.Total.ProvincialShare);
                var items = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == program.Id).ToDictionaryAsync(i => i.Code, i => i.Id);
                foreach (var row in appendix.Groups.SelectMany(g => g.Items))
                {
                    var e = expected.FirstOrDefault(x => x.ContentItemId == items[row.Code]);
                    Assert.Equal((e?.Count ?? 0, e?.TotalCost ?? 0, e?.ProvincialShare ?? 0), (row.Figures.ProposalCount, row.Figures.TotalCost, row.Figures.ProvincialShare));
                }

                // The matrix: its own GROUP BY (item, start year) over the counted proposals, cell by cell.
                var counted = ProposalStatusText.Counted.ToArray();
                var cells = await db.Proposals.AsNoTracking()
                    .Where(p => p.ProgramId == program.Id && counted.Contains(p.Status))
                    .GroupBy(p => new { p.ContentItemId, p.StartYear })
                    .Select(g => new { g.Key.ContentItemId, g.Key.StartYear, Share = g.Sum(p => p.CountedProvincialShare()) })
                    .ToListAsync();
                var matrix = await sp.GetRequiredService<YearMatrixQuery>().BuildAsync("2018-2025");
                foreach (var row in matrix.Groups.SelectMany(g => g.Items))
                {
                    for (var k = 0; k < matrix.Years.Count; k++)
                    {
                        Assert.Equal(cells.Where(c => c.ContentItemId == items[row.Code] && c.StartYear == matrix.Years[k]).Sum(c => c.Share), row.Values[k]);
                    }
                }

                Assert.Equal(cells.Where(c => c.StartYear >= matrix.FromYear && c.StartYear <= matrix.ToYear).Sum(c => c.Share), matrix.GrandTotal);
                Assert.True(matrix.GrandTotal > 0);
                return true;
            });
        }

        await AssertEqualAsync();
        var accepted = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Accepted);
        await AssertEqualAsync();
        var center = await portal.SignInAsAsync("SupportCenter");
        var settle = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "80/QĐ-TT",
            ["Input.SettlementDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SettledTotalCost"] = VnFormat.Dong(700_000_000m),
            ["Input.SettledProvincialShare"] = VnFormat.Dong(200_000_000m),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Settle?proposalId={accepted}", settle)).StatusCode);
        await AssertEqualAsync();
    }
}
