using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Indicators;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Indicators;

/// <summary>Output indicators (issue 19, ADR 0171-0172): expected outputs, actual outputs recorded with the acceptance, the report.</summary>
public sealed class IndicatorTests
{
    /// <summary>A proposal of a 2026-2030 item walked to Implementing, starting in 2026.</summary>
    internal static async Task<int> ImplementingAsync(CnhtFactory portal, string itemCode)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.Where(i => i.Code == itemCode && i.Group.Program.Code == "2026-2030").Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(now);
        var p = new Proposal(
            new ProposalDraft($"T19-{Guid.NewGuid():N}"[..12], "Đề án kiểm thử chỉ tiêu đầu ra", "Mục tiêu", null, 2026, 2026, 1_000_000_000m, 300_000_000m),
            new ProposalContext(item.ProgramId, new YearRange(2026, 2030), item.Id, orgId), ProposalArrange.Specialist, now.AddMinutes(-60));
        p.Submit(ProposalArrange.Specialist, now.AddMinutes(-50), null);
        p.Appraise(ProposalArrange.Center, now.AddMinutes(-40), day, "Đồng ý", 1_000_000_000m, 300_000_000m);
        p.Approve(ProposalArrange.Leader, now.AddMinutes(-30), "9/QĐ-SCT", day, 900_000_000m, 270_000_000m, null);
        p.StartImplementation(ProposalArrange.Center, now.AddMinutes(-20), null);
        db.Proposals.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    private static Task<int> IndicatorIdAsync(CnhtFactory portal, string itemCode, IndicatorKind kind) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutputIndicators
            .Where(i => i.Kind == kind && sp.GetRequiredService<AppDbContext>().ContentItems.Any(c => c.Id == i.ContentItemId && c.Code == itemCode && c.Group.Program.Code == "2026-2030"))
            .Select(i => i.Id).SingleAsync());

    [Fact]
    public async Task Actual_outputs_recorded_at_acceptance_count_against_the_targets_in_the_report_in_every_format()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var id = await ImplementingAsync(portal, "1.2");
        var enterprises = await IndicatorIdAsync(portal, "1.2", IndicatorKind.EnterprisesSupported);
        var links = await IndicatorIdAsync(portal, "1.2", IndicatorKind.SupplierConnections);
        var inv = CultureInfo.InvariantCulture;

        // The specialist states the expected outputs.
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var page = $"/Indicators/Proposal/{id}";
        var html = await specialist.GetStringAsync(page);
        var expected = await specialist.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Rows[0].IndicatorId"] = enterprises.ToString(inv), ["Input.Rows[0].Value"] = "15",
            ["Input.Rows[1].IndicatorId"] = links.ToString(inv), ["Input.Rows[1].Value"] = "10",
        }, $"{page}?handler=Expected");
        Assert.True(expected.StatusCode == HttpStatusCode.Redirect, ProposalArrange.Text(await expected.Content.ReadAsStringAsync()));

        // The Support Center accepts it with the actual outputs on the acceptance step.
        var center = await portal.SignInAsAsync("SupportCenter");
        var details = ProposalArrange.Text(await center.GetStringAsync($"/Proposals/Details/{id}"));
        Assert.Contains("Kết quả đạt được theo chỉ tiêu đầu ra", details);
        var accept = await center.PostStepAsync(id, "Accept", new Dictionary<string, string>
        {
            ["Act.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", inv),
            ["Act.Comment"] = "Đạt yêu cầu",
            ["Outputs[0].IndicatorId"] = enterprises.ToString(inv), ["Outputs[0].Value"] = "12",
            ["Outputs[1].IndicatorId"] = links.ToString(inv), ["Outputs[1].Value"] = "8",
        });
        Assert.True(accept.StatusCode == HttpStatusCode.Redirect, ProposalArrange.Text(await accept.Content.ReadAsStringAsync()));
        Assert.Equal(ProposalStatus.Accepted, await ProposalArrange.StatusAsync(portal, id));
        var outputs = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ProposalOutputs.Where(o => o.ProposalId == id).OrderBy(o => o.OutputIndicatorId).ToListAsync());
        Assert.Equal(2, outputs.Count);
        Assert.Equal(12m, outputs.Single(o => o.OutputIndicatorId == enterprises).Actual);
        Assert.Equal(15m, outputs.Single(o => o.OutputIndicatorId == enterprises).Expected);

        // Target 30 enterprises for the period: 12 achieved = 40%.
        var report = await portal.ScopedAsync(sp => sp.GetRequiredService<IndicatorReportQuery>().BuildAsync("2026-2030"));
        var line = report.Groups.Single(g => g.Code == "1").Items.Single(i => i.Code == "1.2").Lines.Single(l => l.Kind == IndicatorKind.EnterprisesSupported);
        Assert.Equal((30m, 12m, 40.00m), (line.Target, line.Achieved, line.Percent!.Value));
        Assert.Equal(1, report.AcceptedProposals);
        // The program line adds all items' enterprise targets: 30 + 20 + 50 + 10 + 30 + 20 + 5.
        var total = report.Totals.Single(l => l.Kind == IndicatorKind.EnterprisesSupported);
        Assert.Equal((165m, 12m), (total.Target, total.Achieved));
        Assert.Contains(report.Sentences, s => s.Contains("Nội dung 1.2: thực hiện 01 đề án, hỗ trợ 12 doanh nghiệp (đạt 40,00% chỉ tiêu giai đoạn), tạo 8 kết nối nhà cung ứng – khách hàng (đạt 20,00% chỉ tiêu giai đoạn).", StringComparison.Ordinal));

        // Read in HTML, PDF and Excel through the report pipeline.
        var viewer = await portal.SignInAsAsync("Viewer");
        var view = ProposalArrange.Text(await viewer.GetStringAsync("/Reports/View/indicators?program=2026-2030"));
        Assert.Contains("hỗ trợ 12 doanh nghiệp (đạt 40,00% chỉ tiêu giai đoạn)", view);
        var pdf = await viewer.GetByteArrayAsync("/Reports/View/indicators?handler=Download&program=2026-2030&format=pdf");
        var text = ReportFiles.PdfText(pdf);
        Assert.Contains("KẾT QUẢ THỰC HIỆN CHỈ TIÊU", text);
        Assert.Contains("40,00%", text);
        var xlsx = await viewer.GetByteArrayAsync("/Reports/View/indicators?handler=Download&program=2026-2030&format=xlsx");
        using var book = ReportFiles.OpenWorkbook(xlsx);
        var cells = book.Worksheets.First().CellsUsed().Select(c => c.GetFormattedString()).ToList();
        Assert.Contains(cells, c => c.Contains("Doanh nghiệp được hỗ trợ", StringComparison.Ordinal));
        var html2 = await viewer.GetStringAsync("/Reports/View/indicators?handler=Download&program=2026-2030&format=html");
        Assert.Contains("KẾT QUẢ THỰC HIỆN CHỈ TIÊU", System.Net.WebUtility.HtmlDecode(html2));
        Assert.NotEmpty(html);
    }

    [Fact]
    public async Task An_acceptance_whose_outputs_are_refused_leaves_the_proposal_unaccepted_and_records_nothing()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var id = await ImplementingAsync(portal, "1.2");
        // An indicator of another item (3.2, trainees) cannot be recorded on a proposal of item 1.2.
        var foreign = await IndicatorIdAsync(portal, "3.2", IndicatorKind.Trainees);
        var center = await portal.SignInAsAsync("SupportCenter");
        var accept = await center.PostStepAsync(id, "Accept", new Dictionary<string, string>
        {
            ["Act.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Act.Comment"] = "Đạt yêu cầu",
            ["Outputs[0].IndicatorId"] = foreign.ToString(CultureInfo.InvariantCulture), ["Outputs[0].Value"] = "40",
        });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Contains("Chỉ tiêu không thuộc nội dung của đề án", ProposalArrange.Text(await accept.Content.ReadAsStringAsync()));
        Assert.Equal(ProposalStatus.Implementing, await ProposalArrange.StatusAsync(portal, id));
        Assert.Equal(0, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ProposalOutputs.CountAsync(o => o.ProposalId == id)));
        Assert.Equal(0, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ProposalTransitions.CountAsync(t => t.ProposalId == id && t.Action == ProposalAction.Accept)));

        // Without outputs the acceptance step works exactly as before.
        var plain = await center.PostStepAsync(id, "Accept", new Dictionary<string, string>
        {
            ["Act.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Act.Comment"] = "Đạt yêu cầu",
        });
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal(ProposalStatus.Accepted, await ProposalArrange.StatusAsync(portal, id));
    }
}
