using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Dashboard;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Ledger.LedgerProgram;

/// <summary>
/// The program copied onto every ledger entry (ADR 0103) and the ledger sums per item kept incrementally (ADR 0104): what
/// the application writes carries the right program, and the fast paths give the figures the full regrouping gives.
/// </summary>
public sealed class LedgerProgramTests
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<int> MismatchedProgramsAsync(CnhtFactory portal) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .CountAsync(e => e.ProgramId != e.Proposal.ProgramId));

    /// <summary>The sums as the reports computed them before ADR 0104: one regrouping of the program's whole ledger.</summary>
    private static Task<List<ItemYearAmount>> RegroupedAsync(CnhtFactory portal, int programId) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .Where(e => e.Proposal.ProgramId == programId)
            .GroupBy(e => new { e.Proposal.ContentItemId, e.EntryDate.Year, e.Source })
            .Select(g => new ItemYearAmount(g.Key.ContentItemId, g.Key.Year, g.Key.Source, g.Sum(e => e.Amount)))
            .ToListAsync());

    private static Task<List<ItemYearAmount>> IncrementalAsync(CnhtFactory portal, int programId) =>
        portal.ScopedAsync(async sp => (await sp.GetRequiredService<LedgerItemSums>()
            .ByItemYearAndSourceAsync(sp.GetRequiredService<AppDbContext>(), programId)).ToList());

    private static void AssertSameSums(IEnumerable<ItemYearAmount> expected, IEnumerable<ItemYearAmount> actual) =>
        Assert.Equal(
            expected.Where(x => x.Amount != 0).OrderBy(x => x.ContentItemId).ThenBy(x => x.Year).ThenBy(x => x.Source).ToList(),
            actual.Where(x => x.Amount != 0).OrderBy(x => x.ContentItemId).ThenBy(x => x.Year).ThenBy(x => x.Source).ToList());

    private static decimal Provincial(IEnumerable<ItemYearAmount> sums) => sums.Where(x => x.Source == FundingSource.ProvincialBudget).Sum(x => x.Amount);

    [Fact]
    public async Task Every_entry_recorded_or_reversed_carries_the_program_of_its_proposal()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        // The demo data's own entries (written by the seeder through the same domain method).
        Assert.True(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AnyAsync()));
        Assert.Equal(0, await MismatchedProgramsAsync(portal));

        var proposal = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Implementing).OrderBy(p => p.Code).Select(p => new { p.Id, p.ProgramId }).FirstAsync());
        var client = await portal.SignInAsAsync("SupportCenter");
        var record = new Dictionary<string, string>
        {
            ["Input.EntryDate"] = Today, ["Input.Amount"] = VnFormat.Dong(1_000_000m), ["Input.Kind"] = "Payment",
            ["Input.Source"] = "ProvincialBudget", ["Input.VoucherNumber"] = "PC-CT-1",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Record?proposalId={proposal.Id}", record)).StatusCode);
        var entryId = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.Where(e => e.VoucherNumber == "PC-CT-1").Select(e => e.Id).SingleAsync());
        var reverse = new Dictionary<string, string> { ["Input.EntryDate"] = Today, ["Input.VoucherNumber"] = "PC-CT-1-DAO", ["Input.Reason"] = "Nhập nhầm" };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Reverse?id={entryId}", reverse)).StatusCode);

        var written = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .Where(e => e.Id == entryId || e.ReversesEntryId == entryId).Select(e => new { e.Kind, e.ProgramId }).ToListAsync());
        Assert.Equal([DisbursementKind.Payment, DisbursementKind.Reversal], written.Select(w => w.Kind).Order());
        Assert.All(written, w => Assert.Equal(proposal.ProgramId, w.ProgramId));
        Assert.Equal(0, await MismatchedProgramsAsync(portal));
    }

    [Fact]
    public async Task The_ledger_filtered_by_program_lists_the_same_entries_as_through_the_proposal()
    {
        await using var portal = new CnhtFactory();
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            foreach (var program in await db.Programs.AsNoTracking().Select(p => new { p.Id, p.Code }).ToListAsync())
            {
                var page = await sp.GetRequiredService<LedgerQueries>().RegisterAsync(new LedgerFilter(ProgramCode: program.Code, PageSize: 200));
                var expected = await db.DisbursementEntries.AsNoTracking().Where(e => e.Proposal.ProgramId == program.Id)
                    .OrderByDescending(e => e.EntryDate).ThenByDescending(e => e.Id).Take(200).Select(e => e.Id).ToListAsync();
                Assert.Equal(expected, page.Rows.Select(r => r.Id).ToList());
                Assert.Equal(await db.DisbursementEntries.CountAsync(e => e.Proposal.ProgramId == program.Id), page.Totals.Count);
            }

            return true;
        });
    }

    [Fact]
    public async Task The_incremental_provincial_sums_equal_a_full_regrouping_after_every_new_entry()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var program = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.AsNoTracking().SingleAsync(p => p.Code == "2018-2025"));
        var first = await IncrementalAsync(portal, program.Id);
        Assert.NotEmpty(first);
        AssertSameSums(await RegroupedAsync(portal, program.Id), first);
        var dashboardBefore = await portal.ScopedAsync(sp => sp.GetRequiredService<DashboardQuery>().BuildAsync("2018-2025", null));

        // New entries, one of them reversed and one from another source: each read adds only what is new.
        var proposalId = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
            .Where(p => p.ProgramId == program.Id && p.Status == ProposalStatus.Implementing).OrderBy(p => p.Code).Select(p => p.Id).FirstAsync());
        var client = await portal.SignInAsAsync("SupportCenter");
        foreach (var (voucher, source, amount) in new[] { ("PC-INC-1", "ProvincialBudget", 2_000_000m), ("PC-INC-2", "Counterpart", 3_000_000m), ("PC-INC-3", "ProvincialBudget", 5_000_000m) })
        {
            var record = new Dictionary<string, string>
            {
                ["Input.EntryDate"] = Today, ["Input.Amount"] = VnFormat.Dong(amount), ["Input.Kind"] = "Payment",
                ["Input.Source"] = source, ["Input.VoucherNumber"] = voucher,
            };
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Record?proposalId={proposalId}", record)).StatusCode);
            AssertSameSums(await RegroupedAsync(portal, program.Id), await IncrementalAsync(portal, program.Id));
        }

        var reversed = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.Where(e => e.VoucherNumber == "PC-INC-3").Select(e => e.Id).SingleAsync());
        var reverse = new Dictionary<string, string> { ["Input.EntryDate"] = Today, ["Input.VoucherNumber"] = "PC-INC-3-DAO", ["Input.Reason"] = "Nhập nhầm" };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Reverse?id={reversed}", reverse)).StatusCode);
        var after = await IncrementalAsync(portal, program.Id);
        AssertSameSums(await RegroupedAsync(portal, program.Id), after);
        Assert.Equal(Provincial(first) + 2_000_000m, Provincial(after));
        Assert.Equal(first.Sum(x => x.Amount) + 5_000_000m, after.Sum(x => x.Amount));

        // The dashboard and the annual report read these sums: they move by the provincial payment kept (2 million).
        var dashboardAfter = await portal.ScopedAsync(sp => sp.GetRequiredService<DashboardQuery>().BuildAsync("2018-2025", null));
        Assert.Equal(dashboardBefore!.Period.DisbursedProvincial + 2_000_000m, dashboardAfter!.Period.DisbursedProvincial);
        Assert.Equal(Provincial(await RegroupedAsync(portal, program.Id)), dashboardAfter.Period.DisbursedProvincial);
        var annual = await portal.ScopedAsync(sp => sp.GetRequiredService<AnnualReportQuery>().BuildAsync("2018-2025"));
        var expectedAnnual = await portal.ScopedAsync(sp => AnnualReportQuery.ProvincialDisbursedByItem(sp.GetRequiredService<AppDbContext>(), program.Id, annual.FromYear, annual.ToYear).ToListAsync());
        Assert.Equal(expectedAnnual.Sum(x => x.Amount), annual.Total.Disbursed);
    }
}
