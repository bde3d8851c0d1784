using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>Export → import into an empty database reproduces the program: the same appendix, ledger and units.</summary>
public sealed class RoundTripTests(DemoPortal demo) : IClassFixture<DemoPortal>
{
    private static Task<AppendixReport> Appendix(CnhtFactory portal, int? from = null, int? to = null) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025", from, to));

    private static string Json(AppendixReport report) => ReportJson.Serialize(report with { GeneratedAtUtc = default });

    [Fact]
    public async Task Export_then_import_into_an_empty_database_reproduces_the_same_appendix()
    {
        var exported = await demo.ExportAsync();
        using var empty = new EmptyPortal();

        var outcome = await empty.ImportAsync(exported, fileName: "Dữ liệu chương trình CNHT 2018-2025.xlsx");

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        Assert.Equal(Json(await Appendix(demo)), Json(await Appendix(empty)));
        Assert.Equal(Json(await Appendix(demo, 2018, 2022)), Json(await Appendix(empty, 2018, 2022)));
        Assert.Equal(await demo.CountsAsync(), await empty.CountsAsync());

        // Same ledger per proposal and source, same statuses, same units.
        async Task<List<string>> Ledger(CnhtFactory p) => await p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries
            .GroupBy(e => new { e.Proposal.Code, e.Source })
            .Select(g => g.Key.Code + "/" + g.Key.Source + "=" + g.Sum(e => e.Amount))
            .OrderBy(s => s).ToListAsync());
        Assert.Equal(await Ledger(demo), await Ledger(empty));
        async Task<List<string>> Proposals(CnhtFactory p) => await p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals
            .OrderBy(x => x.Code).Select(x => x.Code + "|" + x.Status + "|" + x.LeadOrganization.Name + "|" + x.LeadOrganization.TaxCode + "|" + x.LeadOrganization.Kind + "|" + x.DecisionNumber + "|" + x.SettlementDate)
            .ToListAsync());
        Assert.Equal(await Proposals(demo), await Proposals(empty));

        // A unit listed in DonVi but used by no proposal is created too (the demo has one).
        Assert.Equal(14, outcome.Summary.NewUnits);

        // And the import's own export is the same workbook content again.
        var again = await empty.ImportAsync(await empty.ExportAsync());
        Assert.Equal(23, again.Summary.ExistingProposals);
        Assert.Equal(0, again.Summary.NewProposals);
    }

    [Fact]
    public async Task A_plan_target_revised_in_the_portal_survives_export_and_import_into_an_empty_database()
    {
        await using var source = new CnhtFactory();
        await source.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Code == "1.1" && i.Group.Program.Code == "2018-2025");
            item.RevisePlan(800_000_000m, "12/QĐ-UBND", "Điều chỉnh kế hoạch", NgheAn.CNHT.Domain.Common.Actor.System, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

        using var empty = new EmptyPortal();
        var outcome = await empty.ImportAsync(await source.ExportAsync(), fileName: "du-lieu-da-dieu-chinh.xlsx");
        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        Assert.Contains(outcome.Problems, p => !p.IsError && p.Message.Contains("Kế hoạch nội dung 1.1 theo tệp là 800.000.000 đồng", StringComparison.Ordinal));
        Assert.Equal(Json(await Appendix(source)), Json(await Appendix(empty)));
    }
}
