using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reconciliation;

/// <summary>
/// Issue 21, item 2 (ADR 0220): the per-proposal ledger figures the reconciliation reads are kept by the database's
/// triggers, and equal a reading of every entry and every proposal after the migration's fill and the demo seed, after
/// postings of each source and kind, reversals of an advance and of a payment, status changes and ceilings changed behind
/// the domain's back; the over-ceiling and open-advances findings equal the same reading (the oracle), including a
/// proposal whose entries of a source net to zero (compared) against one with no entry of that source (not compared).
/// </summary>
public sealed class ReconciliationKeptTests
{
    private sealed record Kept(int ProposalId, int ProgramId, ProposalStatus Status, decimal ProvincialCeiling, decimal OtherCeiling,
        int ProvincialCount, decimal Provincial, int OtherCount, decimal Other, DateOnly? LastAdvanceDate, decimal Advanced, DateOnly? LastFinalDate,
        bool OverCeiling, bool OpenAdvance);

    private sealed record Oracle(List<Kept> Rows, Dictionary<int, List<string>> OverCeiling, Dictionary<int, List<string>> OpenAdvances);

    private static Dictionary<string, string> Entry(decimal amount, string kind, string voucher, string source = "ProvincialBudget") => new()
    {
        ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Amount"] = VnFormat.Dong(amount),
        ["Input.Kind"] = kind,
        ["Input.Source"] = source,
        ["Input.VoucherNumber"] = voucher,
    };

    private static async Task PostAsync(HttpClient center, int proposal, Dictionary<string, string> entry) =>
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

    /// <summary>A change behind the domain's back (as an auditor's planted fault), then the version raised as a write would.</summary>
    private static Task BehindTheDomainAsync(CnhtFactory portal, Func<AppDbContext, Task> change) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await change(db);
            await db.Database.ExecuteSqlRawAsync(DataVersion.RaiseSql);
            return 0;
        });

    /// <summary>Every proposal and every entry read plainly; the figures and both checks' findings worked out here, in memory.</summary>
    private static Task<Oracle> ReadEverythingAsync(CnhtFactory portal) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var proposals = await db.Proposals.AsNoTracking()
                .Select(p => new { p.Id, p.Code, p.ProgramId, p.Status, p.SettledProvincialShare, p.ApprovedProvincialShare, p.SettledTotalCost, p.ApprovedTotalCost })
                .ToDictionaryAsync(p => p.Id);
            var entries = await db.DisbursementEntries.AsNoTracking()
                .Select(e => new { e.Id, e.ProposalId, e.Source, e.Kind, e.Amount, e.EntryDate, e.ReversesEntryId }).ToListAsync();
            var reversed = entries.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
            var rows = new List<Kept>();
            var over = new Dictionary<int, List<string>>();
            var open = new Dictionary<int, List<string>>();
            foreach (var g in entries.GroupBy(e => e.ProposalId).OrderBy(g => g.Key))
            {
                var p = proposals[g.Key];
                var share = p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? 0m;
                var otherCeiling = (p.SettledTotalCost ?? p.ApprovedTotalCost ?? 0m) - share;
                var provincial = g.Where(e => e.Source == FundingSource.ProvincialBudget).ToList();
                var others = g.Where(e => e.Source != FundingSource.ProvincialBudget).ToList();
                var live = g.Where(e => e.Kind != DisbursementKind.Reversal && !reversed.Contains(e.Id)).ToList();
                var advances = live.Where(e => e.Kind == DisbursementKind.Advance).ToList();
                var finals = live.Where(e => e.Kind is DisbursementKind.Payment or DisbursementKind.SettlementAdjustment).ToList();
                DateOnly? lastAdvance = advances.Count == 0 ? null : advances.Max(e => e.EntryDate);
                DateOnly? lastFinal = finals.Count == 0 ? null : finals.Max(e => e.EntryDate);
                var isOver = (provincial.Count > 0 && provincial.Sum(e => e.Amount) > share) || (others.Count > 0 && others.Sum(e => e.Amount) > otherCeiling);
                var isOpen = p.Status == ProposalStatus.Settled && lastAdvance is not null && (lastFinal is null || lastFinal < lastAdvance);
                rows.Add(new Kept(p.Id, p.ProgramId, p.Status, share, otherCeiling, provincial.Count, provincial.Sum(e => e.Amount), others.Count,
                    others.Sum(e => e.Amount), lastAdvance, advances.Sum(e => e.Amount), lastFinal, isOver, isOpen));
                if (provincial.Count > 0 && provincial.Sum(e => e.Amount) > share)
                {
                    Add(over, p.ProgramId, p.Code);
                }

                if (others.Count > 0 && others.Sum(e => e.Amount) > otherCeiling)
                {
                    Add(over, p.ProgramId, p.Code);
                }

                if (isOpen)
                {
                    Add(open, p.ProgramId, p.Code);
                }
            }

            return new Oracle(rows, over, open);
        });

    private static void Add(Dictionary<int, List<string>> findings, int program, string code)
    {
        if (!findings.TryGetValue(program, out var list))
        {
            findings[program] = list = [];
        }

        list.Add(code);
    }

    private static Task<List<Kept>> KeptAsync(CnhtFactory portal) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ProposalLedgerFigures.AsNoTracking()
            .OrderBy(f => f.ProposalId)
            .Select(f => new Kept(f.ProposalId, f.ProgramId, f.Status, f.ProvincialCeiling, f.OtherCeiling, f.ProvincialCount, f.Provincial,
                f.OtherCount, f.Other, f.LastAdvanceDate, f.Advanced, f.LastFinalDate, f.OverCeiling == 1, f.OpenAdvance == 1))
            .ToListAsync());

    /// <summary>The kept rows equal the reading of every entry, and both checks of both programs name what it finds.</summary>
    private static async Task<Oracle> AssertAsOracleAsync(CnhtFactory portal)
    {
        var oracle = await ReadEverythingAsync(portal);
        Assert.Equal(oracle.Rows, await KeptAsync(portal));
        var programs = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.AsNoTracking().Select(x => new { x.Id, x.Code }).ToListAsync());
        foreach (var program in programs)
        {
            var report = await portal.ScopedAsync(sp => sp.GetRequiredService<ReconciliationQuery>().RunAsync(program.Code));
            Assert.Equal(Sorted(oracle.OverCeiling.GetValueOrDefault(program.Id)), Sorted(report.Checks.Single(c => c.Code == "over-ceiling").Findings.Select(f => f.Subject)));
            Assert.Equal(Sorted(oracle.OpenAdvances.GetValueOrDefault(program.Id)), Sorted(report.Checks.Single(c => c.Code == "open-advances").Findings.Select(f => f.Subject)));
        }

        return oracle;
    }

    private static List<string> Sorted(IEnumerable<string>? codes) => (codes ?? []).Order(StringComparer.Ordinal).ToList();

    private static Task<string> CodeAsync(CnhtFactory portal, int id) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());

    [Fact]
    public async Task The_kept_figures_and_the_findings_equal_a_reading_of_every_entry_after_postings_reversals_and_status_changes()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var center = await portal.SignInAsAsync("SupportCenter");

        // The migration's fill and the demo seed's entries (through the triggers).
        var start = await AssertAsOracleAsync(portal);
        Assert.NotEmpty(start.Rows);

        // A proposal with no entry has no row; its first entry makes one, with its ceilings.
        var open = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        Assert.DoesNotContain(await KeptAsync(portal), k => k.ProposalId == open);
        // (Entries cannot be dated before the approval, which was today.)
        await PostAsync(center, open, Entry(40_000_000m, "Advance", "TU-1"));
        await AssertAsOracleAsync(portal);
        await PostAsync(center, open, Entry(10_000_000m, "Payment", "TT-1", "Counterpart"));
        await PostAsync(center, open, Entry(5_000_000m, "Advance", "TU-2"));
        Assert.Equal(45_000_000m, (await AssertAsOracleAsync(portal)).Rows.Single(r => r.ProposalId == open).Advanced);

        // Reversals: of an advance (the live advances are TU-1's alone) and of the payment (no live final left).
        await ReverseAsync(portal, center, "TU-2");
        var afterAdvanceReversal = await AssertAsOracleAsync(portal);
        Assert.Equal(40_000_000m, afterAdvanceReversal.Rows.Single(r => r.ProposalId == open).Advanced);
        await ReverseAsync(portal, center, "TT-1");
        var afterPaymentReversal = await AssertAsOracleAsync(portal);
        Assert.Null(afterPaymentReversal.Rows.Single(r => r.ProposalId == open).LastFinalDate);

        // A status change behind the domain's back: settled with an open advance.
        await BehindTheDomainAsync(portal, db => db.Proposals.Where(p => p.Id == open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Settled)));
        var settled = await AssertAsOracleAsync(portal);
        Assert.True(settled.Rows.Single(r => r.ProposalId == open).OpenAdvance);

        // A payment after the advance closes it.
        await BehindTheDomainAsync(portal, db => db.Proposals.Where(p => p.Id == open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Implementing)));
        await PostAsync(center, open, Entry(40_000_000m, "Payment", "TT-2"));
        await BehindTheDomainAsync(portal, db => db.Proposals.Where(p => p.Id == open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Settled)));
        Assert.False((await AssertAsOracleAsync(portal)).Rows.Single(r => r.ProposalId == open).OpenAdvance);

        // Entries of a source netting to zero are compared with that source's ceiling; no entry of the source is not.
        var netZero = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        var noEntry = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        await PostAsync(center, netZero, Entry(3_000_000m, "Payment", "DU-1", "Counterpart"));
        await ReverseAsync(portal, center, "DU-1");
        await PostAsync(center, noEntry, Entry(3_000_000m, "Payment", "NS-1"));
        // Both now have a counted total cost below their provincial share: the other sources' ceiling is below zero.
        await BehindTheDomainAsync(portal, db => db.Proposals.Where(p => p.Id == netZero || p.Id == noEntry)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApprovedTotalCost, p => p.ApprovedProvincialShare - 1)));
        var ceilings = await AssertAsOracleAsync(portal);
        var zero = ceilings.Rows.Single(r => r.ProposalId == netZero);
        Assert.Equal((2, 0m, true), (zero.OtherCount, zero.Other, zero.OverCeiling));
        var none = ceilings.Rows.Single(r => r.ProposalId == noEntry);
        Assert.Equal((0, false), (none.OtherCount, none.OverCeiling));
        var report = await portal.ScopedAsync(sp => sp.GetRequiredService<ReconciliationQuery>().RunAsync("2018-2025"));
        var findings = report.Checks.Single(c => c.Code == "over-ceiling").Findings;
        var netZeroCode = await CodeAsync(portal, netZero);
        Assert.Contains(findings, f => f.Subject == netZeroCode && f.Message.Contains("vốn đối ứng", StringComparison.Ordinal));
        var noEntryCode = await CodeAsync(portal, noEntry);
        Assert.DoesNotContain(findings, f => f.Subject == noEntryCode);

        // A ceiling lowered below what was paid (the provincial share): a finding, then gone when raised again.
        await BehindTheDomainAsync(portal, db => db.Proposals.Where(p => p.Id == noEntry)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApprovedProvincialShare, 1_000_000m)));
        Assert.True((await AssertAsOracleAsync(portal)).Rows.Single(r => r.ProposalId == noEntry).OverCeiling);
        await BehindTheDomainAsync(portal, db => db.Proposals.Where(p => p.Id == noEntry)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApprovedProvincialShare, 900_000_000m).SetProperty(p => p.ApprovedTotalCost, 1_000_000_000m)));
        Assert.False((await AssertAsOracleAsync(portal)).Rows.Single(r => r.ProposalId == noEntry).OverCeiling);
    }
}
