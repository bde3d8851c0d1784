using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Reporting;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>The reconciliation checks: none fires on the clean demo data; each one reports the fault a test plants.</summary>
public sealed class ReconciliationTests(DemoPortal clean) : IClassFixture<DemoPortal>
{
    private const decimal M = 1_000_000m;

    private static Task<ReconciliationReport> Run(CnhtFactory portal, decimal? threshold = null) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<ReconciliationQuery>().RunAsync("2018-2025", threshold));

    private static async Task<ReconciliationCheck> PlantAndRun(Func<CnhtFactory, Task> plant, string check)
    {
        using var portal = new CnhtFactory();
        _ = portal.Services;
        await plant(portal);
        var report = await Run(portal);
        var result = report.Checks.Single(c => c.Code == check);
        Assert.NotEmpty(result.Findings);
        // The planted fault shows up in its own check only.
        Assert.Equal(result.Findings.Count, report.FindingCount);
        return result;
    }

    private static Task Execute(CnhtFactory portal, Func<AppDbContext, Task> change) =>
        portal.ScopedAsync(async sp =>
        {
            await change(sp.GetRequiredService<AppDbContext>());
            return 0;
        });

    [Fact]
    public async Task The_clean_demo_data_has_no_finding_in_any_check()
    {
        var report = await Run(clean);
        Assert.Equal(6, report.Checks.Count);
        Assert.All(report.Checks, c => Assert.Empty(c.Findings));

        var client = await clean.SignInAsAsync("Viewer");
        var html = await client.GetStringAsync("/Reports/Reconciliation?program=2018-2025");
        Assert.Contains("data-findings=\"0\"", html);
        Assert.Contains("Không có sai lệch nào", html);
    }

    [Fact]
    public async Task Disbursement_above_the_approved_share_is_reported()
    {
        // CNHT-2025-01 has a 200 triệu advance; its approved provincial share is lowered to 100 triệu behind the domain's back.
        var check = await PlantAndRun(p => Execute(p, db => db.Proposals.Where(x => x.Code == "CNHT-2025-01")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApprovedProvincialShare, 100 * M))), "over-ceiling");
        var finding = Assert.Single(check.Findings);
        Assert.Equal("CNHT-2025-01", finding.Subject);
        Assert.Contains("200.000.000", finding.Message);
        Assert.Contains("100.000.000", finding.Message);
        Assert.StartsWith("/Proposals/Details/", finding.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settled_proposal_with_an_advance_never_paid_off_is_reported()
    {
        // CNHT-2024-01 (accepted, one advance) is settled without any payment entry: legal for the domain, open for the auditor.
        var check = await PlantAndRun(p => Execute(p, async db =>
        {
            var proposal = await db.Proposals.SingleAsync(x => x.Code == "CNHT-2024-01");
            var advance = await db.DisbursementEntries.Where(e => e.ProposalId == proposal.Id).SumAsync(e => e.Amount);
            proposal.Settle(ReportTestData.Center, DateTime.UtcNow, "99/QĐ-TT", new DateOnly(2025, 12, 20),
                proposal.ApprovedTotalCost!.Value, proposal.ApprovedProvincialShare!.Value, advance, null);
            await db.SaveChangesAsync();
        }), "open-advances");
        var finding = Assert.Single(check.Findings);
        Assert.Equal("CNHT-2024-01", finding.Subject);
        Assert.Contains("tạm ứng", finding.Message);
    }

    [Fact]
    public async Task The_open_advances_are_those_a_reading_of_every_entry_finds()
    {
        // Every proposal of the program with a ledger is made settled: the check (one grouped pass driven by the settled
        // proposals, round 22) must name exactly the proposals whose last live advance has no later payment or settlement
        // entry, reading the entries one by one (reversed entries and reversals left out).
        using var portal = new CnhtFactory();
        _ = portal.Services;
        var expected = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(x => x.Code == "2018-2025").Select(x => x.Id).SingleAsync();
            await db.Proposals.Where(x => x.ProgramId == programId && db.DisbursementEntries.Any(e => e.ProposalId == x.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, Domain.Proposals.ProposalStatus.Settled));
            var entries = await db.DisbursementEntries.AsNoTracking()
                .Where(e => e.Proposal.ProgramId == programId)
                .Select(e => new { e.Id, e.ProposalId, Code = e.Proposal.Code, e.Kind, e.EntryDate, e.ReversesEntryId })
                .ToListAsync();
            var reversed = entries.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
            return entries.Where(e => e.Kind != Domain.Disbursements.DisbursementKind.Reversal && !reversed.Contains(e.Id))
                .GroupBy(e => e.Code)
                .Where(g => g.Any(e => e.Kind == Domain.Disbursements.DisbursementKind.Advance))
                .Where(g =>
                {
                    var lastAdvance = g.Where(e => e.Kind == Domain.Disbursements.DisbursementKind.Advance).Max(e => e.EntryDate);
                    var finals = g.Where(e => e.Kind is Domain.Disbursements.DisbursementKind.Payment or Domain.Disbursements.DisbursementKind.SettlementAdjustment).ToList();
                    return finals.Count == 0 || finals.Max(e => e.EntryDate) < lastAdvance;
                })
                .Select(g => g.Key)
                .Order(StringComparer.Ordinal)
                .ToList();
        });

        var check = (await Run(portal)).Checks.Single(c => c.Code == "open-advances");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, check.Findings.Select(f => f.Subject).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task An_item_with_spending_but_no_plan_is_reported()
    {
        var check = await PlantAndRun(p => Execute(p, async db =>
        {
            var item = await db.ContentItems.SingleAsync(i => i.Code == "1.1" && i.Group.Program.Code == "2018-2025");
            item.RevisePlan(0, "05/QĐ-UBND", "Điều chỉnh kế hoạch", ReportTestData.Specialist, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }), "spending-without-plan");
        var finding = Assert.Single(check.Findings);
        Assert.Equal("1.1", finding.Subject);
        Assert.EndsWith("#item-1.1", finding.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_report_whose_group_is_not_the_sum_of_its_items_is_reported()
    {
        // The province's own report printed 3.835,252 for group 3 while its items add up to 4.835,252.
        var check = await PlantAndRun(async p =>
        {
            var model = await p.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
            var json = JsonNode.Parse(ReportService.ToJson(model))!;
            json["groups"]![2]!["figures"]!["provincialShare"] = 3_835_252_000m;
            await Execute(p, async db =>
            {
                var programId = await db.Programs.Where(x => x.Code == "2018-2025").Select(x => x.Id).SingleAsync();
                db.IssuedReports.Add(new IssuedReport("appendix", programId, 2018, 2025, "01/BC-SCT", new DateOnly(2025, 12, 30), "Nguyễn Văn A", "GIÁM ĐỐC",
                    json.ToJsonString(), [], [], ReportTestData.Leader, DateTime.UtcNow));
                await db.SaveChangesAsync();
            });
        }, "group-sums");
        Assert.Contains(check.Findings, f => f.Subject.StartsWith("Báo cáo số 01/BC-SCT: Nhóm 3.", StringComparison.Ordinal)
            && f.Message.Contains("3.835,252", StringComparison.Ordinal) && f.Message.Contains("4.835,252", StringComparison.Ordinal));
        Assert.Contains(check.Findings, f => f.Subject == "Báo cáo số 01/BC-SCT: Tổng cộng");
        Assert.All(check.Findings, f => Assert.StartsWith("/Reports/Issued/Details/", f.Link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proposal_counted_in_a_year_outside_the_program_is_reported()
    {
        var check = await PlantAndRun(p => Execute(p, db => db.Proposals.Where(x => x.Code == "CNHT-2020-01")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartYear, 2017))), "years-outside-program");
        var finding = Assert.Single(check.Findings);
        Assert.Equal("CNHT-2020-01", finding.Subject);
        Assert.Contains("2017-2020", finding.Message);
    }

    [Fact]
    public async Task An_estimate_far_from_what_was_disbursed_is_reported_beyond_the_threshold_only()
    {
        using var portal = new CnhtFactory();
        _ = portal.Services;
        // 2021: 1.1 estimated at 500 triệu, nothing paid; 1.4 estimated at 50 triệu, 45,5 triệu paid (9% below: within 20%).
        await ReportTestData.ApproveEstimateAsync(portal, 2021, 1, new Dictionary<string, decimal> { ["1.1"] = 500 * M, ["1.4"] = 50 * M });
        var report = await Run(portal);
        var check = report.Checks.Single(c => c.Code == "estimate-gaps");
        Assert.Contains(check.Findings, f => f.Subject == "1.1 — năm 2021" && f.Link.EndsWith("#item-1.1", StringComparison.Ordinal));
        Assert.DoesNotContain(check.Findings, f => f.Subject == "1.4 — năm 2021");
        // Items paid in 2021 without an estimate line are gaps too.
        Assert.Contains(check.Findings, f => f.Subject == "3.4 — năm 2021" && f.Message.Contains("không có dự toán", StringComparison.Ordinal));
        Assert.Equal(check.Findings.Count, report.FindingCount);

        var loose = await Run(portal, 1000);
        Assert.DoesNotContain(loose.Checks.Single(c => c.Code == "estimate-gaps").Findings, f => f.Subject == "1.1 — năm 2021");
    }
}
