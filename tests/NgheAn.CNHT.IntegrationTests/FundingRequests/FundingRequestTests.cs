using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.FundingRequests;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.FundingRequests;

/// <summary>Next year's funding request and the assigned budget capping approvals (issue 19, ADR 0174).</summary>
public sealed class FundingRequestTests
{
    internal static async Task<int> ProposalAsync(CnhtFactory portal, string itemCode, int start, int end, decimal share, ProposalStatus status)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.Where(i => i.Code == itemCode && i.Group.Program.Code == "2026-2030").Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(now);
        var p = new Proposal(
            new ProposalDraft($"T19F-{Guid.NewGuid():N}"[..13], "Đề án kiểm thử dự toán được giao", "Mục tiêu", null, start, end, 2_000_000_000m, share),
            new ProposalContext(item.ProgramId, new YearRange(2026, 2030), item.Id, orgId), ProposalArrange.Specialist, now.AddMinutes(-60));
        p.Submit(ProposalArrange.Specialist, now.AddMinutes(-50), null);
        if (status != ProposalStatus.Submitted)
        {
            p.Appraise(ProposalArrange.Center, now.AddMinutes(-40), day, "Đồng ý", 2_000_000_000m, share);
            if (status == ProposalStatus.Approved)
            {
                p.Approve(ProposalArrange.Leader, now.AddMinutes(-30), "9/QĐ-SCT", day, 2_000_000_000m, share, null);
            }
        }

        db.Proposals.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    private static Task ApproveAsync(CnhtFactory portal, int id, decimal share) =>
        portal.AsAsync("DoitLeader", async sp =>
        {
            var stamp = await sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync();
            await sp.GetRequiredService<ProposalService>().ApproveAsync(id, stamp, "27/QĐ-SCT", DateOnly.FromDateTime(DateTime.UtcNow), 2_000_000_000m, share, null);
        });

    [Fact]
    public async Task The_request_adds_applications_received_and_running_proposals_per_item_and_goes_into_the_annual_estimate()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        await ProposalAsync(portal, "4.1", 2026, 2027, 270_000_000m, ProposalStatus.Approved);   // runs into 2027
        await ProposalAsync(portal, "4.1", 2027, 2027, 300_000_000m, ProposalStatus.Submitted);  // received for 2027
        await ProposalAsync(portal, "2.1", 2027, 2028, 120_000_000m, ProposalStatus.Appraised);  // received for 2027
        await ProposalAsync(portal, "2.1", 2026, 2026, 999_000_000m, ProposalStatus.Approved);   // ends in 2026: not in 2027

        var request = (await portal.ScopedAsync(sp => sp.GetRequiredService<FundingRequestQuery>().BuildAsync("2026-2030", 2027)))!;
        var line41 = request.Lines.Single(l => l.ItemCode == "4.1");
        Assert.Equal((300_000_000m, 270_000_000m, 570_000_000m), (line41.FromApplications, line41.FromProposals, line41.Total));
        Assert.Contains("1 hồ sơ đề nghị hỗ trợ đã nhận", line41.Justification);
        Assert.Contains("1 đề án đã phê duyệt thực hiện trong năm", line41.Justification);
        Assert.Equal(120_000_000m, request.Lines.Single(l => l.ItemCode == "2.1").Total);
        Assert.Equal(690_000_000m, request.Total);

        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var page = "/FundingRequests?program=2026-2030&year=2027";
        Assert.Contains("690,000", ProposalArrange.Text(await specialist.GetStringAsync(page)));
        var post = await specialist.PostFormAsync(page, new Dictionary<string, string>(), "/FundingRequests?program=2026-2030&year=2027&handler=Estimate");
        Assert.True(post.StatusCode == HttpStatusCode.Redirect, ProposalArrange.Text(await post.Content.ReadAsStringAsync()));
        var lines = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AnnualEstimateLines
            .Where(l => sp.GetRequiredService<AppDbContext>().AnnualEstimates.Any(e => e.Id == l.AnnualEstimateId && e.Year == 2027)).ToListAsync());
        Assert.Equal(690_000_000m, lines.Sum(l => l.Amount));
        Assert.Contains(lines, l => l.Amount == 570_000_000m && l.Note!.Contains("hồ sơ đề nghị", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_was_paid_of_a_running_proposal_comes_off_its_need_as_the_ledger_holds_it_right_after_each_posting()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var paying = await CodeAsync(portal, await ProposalAsync(portal, "4.1", 2026, 2027, 270_000_000m, ProposalStatus.Approved));
        await ProposalAsync(portal, "4.1", 2026, 2028, 30_000_000m, ProposalStatus.Approved);                                          // runs, nothing paid
        var ended = await CodeAsync(portal, await ProposalAsync(portal, "4.1", 2026, 2026, 90_000_000m, ProposalStatus.Approved));  // not in 2027
        var day = DateOnly.FromDateTime(DateTime.UtcNow);   // on or after the approval (ProposalAsync approves today)
        await ReportTestData.RecordAsync(portal, paying, day, 100_000_000m, FundingSource.ProvincialBudget, DisbursementKind.Payment);
        await ReportTestData.RecordAsync(portal, paying, day, 20_000_000m, FundingSource.ProvincialBudget, DisbursementKind.Advance);
        await ReportTestData.RecordAsync(portal, paying, day, 50_000_000m, FundingSource.Counterpart, DisbursementKind.Payment);
        await ReportTestData.RecordAsync(portal, ended, day, 40_000_000m, FundingSource.ProvincialBudget, DisbursementKind.Payment);

        // 270 - (100 + 20) provincial paid, the counterpart's payment aside, plus 30 not yet paid; the ended proposal out.
        Assert.Equal(180_000_000m, await FromProposalsAsync(portal, "4.1"));
        Assert.Equal(await PaidByReadingTheLedgerAsync(portal), await PaidAsKeptAsync(portal));

        // A posting shows in the next request (the kept sums add the entries above their watermark).
        await ReportTestData.RecordAsync(portal, paying, day, 30_000_000m, FundingSource.ProvincialBudget, DisbursementKind.Payment);
        Assert.Equal(150_000_000m, await FromProposalsAsync(portal, "4.1"));
        Assert.Equal(await PaidByReadingTheLedgerAsync(portal), await PaidAsKeptAsync(portal));

        // The running proposals come from the covering index by their end year, never from their rows (ADR 0232).
        var programId = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.Where(p => p.Code == "2026-2030").Select(p => p.Id).SingleAsync());
        foreach (var query in new Func<AppDbContext, string>[]
        {
            db => FundingRequestQuery.Running(db, programId, 2027).Select(p => new { p.Id, p.ContentItemId }).ToQueryString(),
            db => FundingRequestQuery.Running(db, programId, 2027).GroupBy(p => p.ContentItemId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(p => p.ApprovedProvincialShare ?? 0) }).ToQueryString(),
        })
        {
            var plan = await portal.ScopedAsync(sp => { var db = sp.GetRequiredService<AppDbContext>(); return QueryPlans.OfAsync(db, query(db)); });
            Assert.Contains("USING COVERING INDEX IX_Proposals_Running (ProgramId=? AND Status=? AND EndYear>?)", plan, StringComparison.Ordinal);
        }
    }

    private static Task<string> CodeAsync(CnhtFactory portal, int id) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());

    private static async Task<decimal> FromProposalsAsync(CnhtFactory portal, string item) =>
        (await portal.ScopedAsync(sp => sp.GetRequiredService<FundingRequestQuery>().BuildAsync("2026-2030", 2027)))!.Lines.Single(l => l.ItemCode == item).FromProposals;

    /// <summary>Per item, the need of the running proposals as the request shows it (approved share less what was paid).</summary>
    private static async Task<Dictionary<int, decimal>> PaidAsKeptAsync(CnhtFactory portal) =>
        (await portal.ScopedAsync(sp => sp.GetRequiredService<FundingRequestQuery>().BuildAsync("2026-2030", 2027)))!.Lines.ToDictionary(l => l.ItemId, l => l.FromProposals);

    /// <summary>The same, from a join of every ledger entry with its proposal (the query the kept sums replaced).</summary>
    private static Task<Dictionary<int, decimal>> PaidByReadingTheLedgerAsync(CnhtFactory portal) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            ProposalStatus[] running = [ProposalStatus.Approved, ProposalStatus.Implementing];
            var programId = await db.Programs.Where(p => p.Code == "2026-2030").Select(p => p.Id).SingleAsync();
            var proposals = await db.Proposals.Where(p => p.ProgramId == programId && running.Contains(p.Status) && p.StartYear <= 2027 && p.EndYear >= 2027)
                .Select(p => new { p.Id, p.ContentItemId, Share = p.ApprovedProvincialShare ?? 0 }).ToListAsync();
            var entries = await db.DisbursementEntries.Where(e => e.Source == FundingSource.ProvincialBudget).Select(e => new { e.ProposalId, e.Amount }).ToListAsync();
            var items = await db.ContentItems.Where(i => i.Group.ProgramId == programId).Select(i => i.Id).ToListAsync();
            return items.ToDictionary(i => i, i => Math.Max(0, proposals.Where(p => p.ContentItemId == i).Sum(p => p.Share)
                - entries.Where(e => proposals.Any(p => p.Id == e.ProposalId && p.ContentItemId == i)).Sum(e => e.Amount)));
        });

    [Fact]
    public async Task The_request_for_the_finance_department_comes_as_pdf_and_xlsx_with_its_totals()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        // Figures of this test: one approved proposal running into 2028 (nothing disbursed), two received for 2028.
        (string Item, int Start, int End, decimal Share, ProposalStatus Status)[] made =
        [
            ("4.1", 2027, 2028, 330_000_000m, ProposalStatus.Approved),
            ("4.1", 2028, 2028, 210_500_000m, ProposalStatus.Submitted),
            ("2.1", 2028, 2029, 145_250_000m, ProposalStatus.Appraised),
        ];
        foreach (var m in made)
        {
            await ProposalAsync(portal, m.Item, m.Start, m.End, m.Share, m.Status);
        }

        var fromProposals = made.Where(m => m.Status == ProposalStatus.Approved).Sum(m => m.Share);
        var fromApplications = made.Where(m => m.Status != ProposalStatus.Approved).Sum(m => m.Share);
        var total = fromProposals + fromApplications;
        var item41 = made.Where(m => m.Item == "4.1").Sum(m => m.Share);

        var viewer = await portal.SignInAsAsync("Viewer");
        var page = await viewer.GetStringAsync("/FundingRequests?program=2026-2030&year=2028");
        Assert.Contains("/Reports/View/fundingrequest?", page);
        var pdfLink = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/Reports/View/fundingrequest\\?[^\"]*format=pdf[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(pdfLink);
        var pdf = await viewer.GetByteArrayAsync(System.Net.WebUtility.HtmlDecode(pdfLink));
        var text = ReportFiles.PdfText(pdf);
        Assert.Contains("NHU CẦU KINH PHÍ NĂM 2028", text);
        Assert.Contains("Sở Tài chính", text);
        var words = ReportFiles.ReadPdf(pdf).SelectMany(p => p.Lines).SelectMany(l => l.Words).ToHashSet();
        Assert.Contains(VnFormat.Million(total), words);
        Assert.Contains(VnFormat.Million(fromApplications), words);
        Assert.Contains(VnFormat.Million(item41), words);

        var xlsx = await viewer.GetByteArrayAsync("/Reports/View/fundingrequest?handler=Download&program=2026-2030&year=2028&format=xlsx");
        using var book = ReportFiles.OpenWorkbook(xlsx);
        var sheet = book.Worksheets.Single();
        var totalRow = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        Assert.Equal((fromApplications, fromProposals, total), (ReportFiles.Dong(totalRow.Cell(3)), ReportFiles.Dong(totalRow.Cell(4)), ReportFiles.Dong(totalRow.Cell(5))));
        var row41 = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "4.1");
        Assert.Equal(item41, ReportFiles.Dong(row41.Cell(5)));
        Assert.Contains("đề án đã phê duyệt", row41.Cell(6).GetString(), StringComparison.Ordinal);

        // The same figures on screen and in Word, for staff to finish the text.
        var view = ProposalArrange.Text(await viewer.GetStringAsync("/Reports/View/fundingrequest?program=2026-2030&year=2028"));
        Assert.Contains(VnFormat.Million(total), view);
        var docx = await viewer.GetAsync("/Reports/View/fundingrequest?handler=Download&program=2026-2030&year=2028&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.NotEmpty(await docx.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Approvals_cannot_allocate_more_than_the_budget_assigned_to_the_item_for_the_year()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var first = await ProposalAsync(portal, "4.1", 2027, 2027, 300_000_000m, ProposalStatus.Appraised);
        var second = await ProposalAsync(portal, "4.1", 2027, 2027, 250_000_000m, ProposalStatus.Appraised);
        var item = await YearlyPlanTests.ItemIdAsync(portal, "4.1");

        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var page = "/FundingRequests?program=2026-2030&year=2027";
        var assign = await specialist.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Assign.ItemId"] = item.ToString(CultureInfo.InvariantCulture), ["Assign.Amount"] = "500.000.000", ["Assign.DecisionReference"] = "3456/QĐ-UBND ngày 20/12/2026",
        }, "/FundingRequests?program=2026-2030&year=2027&handler=Assign");
        Assert.True(assign.StatusCode == HttpStatusCode.Redirect, ProposalArrange.Text(await assign.Content.ReadAsStringAsync()));

        await ApproveAsync(portal, first, 300_000_000m);
        var refused = await Assert.ThrowsAsync<DomainException>(() => ApproveAsync(portal, second, 250_000_000m));
        Assert.Contains("Vượt dự toán được giao của nội dung 4.1 năm 2027", refused.Message);
        Assert.Contains("còn 200.000.000 đồng", refused.Message);
        Assert.Equal(ProposalStatus.Appraised, await ProposalArrange.StatusAsync(portal, second));

        await ApproveAsync(portal, second, 200_000_000m);
        Assert.Equal(ProposalStatus.Approved, await ProposalArrange.StatusAsync(portal, second));
        var request = (await portal.ScopedAsync(sp => sp.GetRequiredService<FundingRequestQuery>().BuildAsync("2026-2030", 2027)))!;
        var line = request.Lines.Single(l => l.ItemCode == "4.1");
        Assert.Equal((500_000_000m, 500_000_000m), (line.Assigned!.Value, line.Allocated));

        // Changing the assigned amount needs the version the form saw.
        var stale = await specialist.PostBareFormAsync(page, new Dictionary<string, string>
        {
            ["Assign.ItemId"] = item.ToString(CultureInfo.InvariantCulture), ["Assign.Amount"] = "400.000.000", ["Assign.DecisionReference"] = "1/QĐ-UBND",
        }, "/FundingRequests?program=2026-2030&year=2027&handler=Assign");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(500_000_000m, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AssignedBudgets.Where(b => b.ContentItemId == item).Select(b => b.Amount).SingleAsync()));
    }
}
