using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>The annual report, the year matrix and the register: models against independent sums, files against models.</summary>
public sealed class OtherReportsTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private const decimal M = 1_000_000m;

    private Task<T> Build<T>(ReportKind kind, int? from = null, int? to = null) where T : IReportModel =>
        portal.ScopedAsync(async sp => (T)await sp.GetRequiredService<ReportService>().BuildAsync(new ReportRequest(kind, "2018-2025", from, to)));

    private Task<byte[]> Render(IReportModel model, ReportFormat format) =>
        portal.ScopedAsync(sp => Task.FromResult(sp.GetRequiredService<ReportService>().Render(model, format).Content));

    [Fact]
    public async Task The_annual_report_uses_the_latest_approved_estimate_and_the_provincial_budget_disbursed_in_the_year()
    {
        // Two approved versions for 2025: only the later one counts. A payment of 50 triệu is recorded in 2025.
        await ReportTestData.ApproveEstimateAsync(portal, 2025, 1, new Dictionary<string, decimal> { ["3.3"] = 600 * M, ["7.1"] = 30 * M }, "10/QĐ-UBND");
        await ReportTestData.ApproveEstimateAsync(portal, 2025, 2, new Dictionary<string, decimal> { ["3.3"] = 700 * M, ["7.1"] = 30 * M }, "11/QĐ-UBND");
        await ReportTestData.RecordAsync(portal, "CNHT-2025-01", new DateOnly(2025, 12, 1), 50 * M, FundingSource.ProvincialBudget, DisbursementKind.Payment);

        var report = await Build<AnnualReport>(ReportKind.Annual, 2025, 2025);
        var ledger = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .Select(e => new { e.EntryDate, e.Source, e.Amount, Item = e.Proposal.ContentItem.Code }).ToListAsync());
        var disbursed = ledger.Where(e => e.EntryDate.Year == 2025 && e.Source == FundingSource.ProvincialBudget).ToList();

        var item = report.Groups.SelectMany(g => g.Items).Single(i => i.Code == "3.3");
        Assert.Equal(700 * M, item.Figures.Estimate);
        Assert.Equal(disbursed.Where(e => e.Item == "3.3").Sum(e => e.Amount), item.Figures.Disbursed);
        Assert.Equal(250 * M, item.Figures.Disbursed); // 200 advance on CNHT-2025-01 + the 50 payment
        Assert.Equal(35.71m, item.Figures.DisbursedPercent);
        Assert.Equal(1, item.Figures.ProposalCount);
        Assert.Equal(730 * M, report.Total.Estimate);
        Assert.Equal(disbursed.Sum(e => e.Amount), report.Total.Disbursed);
        Assert.Equal(2, Assert.Single(report.Estimates).Version);
        Assert.Null(report.Groups.SelectMany(g => g.Items).Single(i => i.Code == "1.1").Figures.DisbursedPercent);

        var rows = ReportFiles.ReadPdf(await Render(report, ReportFormat.Pdf)).SelectMany(p => p.Lines).ToList();
        var line = rows.Single(l => l.Words[0] == "3.3");
        Assert.Equal(["700,000", "1", VnFormat.Million(item.Figures.TotalCost), "250,000", "35,71%"], line.Words.TakeLast(5));

        using var workbook = ReportFiles.OpenWorkbook(await Render(report, ReportFormat.Xlsx));
        var sheet = workbook.Worksheets.Single();
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "3.3");
        Assert.Equal(700 * M, ReportFiles.Dong(row.Cell(3)));
        Assert.Equal(250 * M, ReportFiles.Dong(row.Cell(6)));
        Assert.Equal(0.3571m, Math.Round(Convert.ToDecimal(row.Cell(7).Value, CultureInfo.InvariantCulture), 4));
        var total = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        Assert.Equal(report.Total.Disbursed, ReportFiles.Dong(total.Cell(6)));
        Assert.StartsWith("SUM(", total.Cell(6).FormulaA1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_matrix_cells_and_totals_equal_independent_sums_and_its_workbook_sums_live()
    {
        var matrix = await Build<YearMatrix>(ReportKind.Matrix);
        // The sample proposals' provincial shares by item and start year (DemoDataSeeder's table), fixed figures.
        var counted = new (string Item, int StartYear, decimal Share)[]
        {
            ("1.1", 2020, 94_000_000m), ("1.4", 2021, 45_500_000m), ("1.4", 2022, 42_000_000m), ("1.4", 2023, 47_000_000m),
            ("2.2", 2021, 50_000_000m), ("2.2", 2023, 46_000_000m), ("3.1", 2020, 110_000_000m), ("3.1", 2022, 110_000_000m),
            ("3.3", 2019, 900_000_000m), ("3.3", 2020, 800_000_000m), ("3.3", 2021, 700_000_000m), ("3.3", 2022, 650_000_000m),
            ("3.3", 2023, 550_000_000m), ("3.3", 2024, 465_252_000m), ("3.3", 2025, 400_000_000m), ("3.4", 2021, 150_000_000m),
            ("6.1", 2021, 40_000_000m), ("6.2", 2022, 25_000_000m), ("6.4", 2023, 100_000_000m), ("6.5", 2024, 30_000_000m),
            ("7.1", 2020, 20_290_000m), ("7.1", 2023, 20_300_000m), ("8.1", 2022, 105_000_000m),
        };
        Assert.Equal(Enumerable.Range(2018, 8), matrix.Years);
        foreach (var item in matrix.Groups.SelectMany(g => g.Items))
        {
            for (var k = 0; k < matrix.Years.Count; k++)
            {
                Assert.Equal(counted.Where(p => p.Item == item.Code && p.StartYear == matrix.Years[k]).Sum(p => p.Share), item.Values[k]);
            }

            Assert.Equal(item.Values.Sum(), item.Total);
        }

        for (var k = 0; k < matrix.Years.Count; k++)
        {
            Assert.Equal(counted.Where(p => p.StartYear == matrix.Years[k]).Sum(p => p.Share), matrix.ColumnTotals[k]);
        }

        Assert.Equal(5_500_342_000m, matrix.GrandTotal);

        using var workbook = ReportFiles.OpenWorkbook(await Render(matrix, ReportFormat.Xlsx));
        var sheet = workbook.Worksheets.Single();
        var total = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        for (var k = 0; k < matrix.Years.Count; k++)
        {
            Assert.Equal(matrix.ColumnTotals[k], ReportFiles.Dong(total.Cell(3 + k)));
        }

        Assert.Equal(matrix.GrandTotal, ReportFiles.Dong(total.Cell(3 + matrix.Years.Count)));
        var row33 = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "3.3");
        Assert.Equal("SUM(C" + row33.RowNumber() + ":J" + row33.RowNumber() + ")", row33.Cell(11).FormulaA1);

        var text = ReportFiles.PdfText(await Render(matrix, ReportFormat.Pdf));
        Assert.Contains("Năm 2018", text);
        Assert.Contains("Năm 2025", text);
        Assert.Contains("5.500,342", text);
    }

    [Fact]
    public async Task The_register_lists_every_counted_proposal_with_its_lead_unit_and_totals_in_every_format()
    {
        var register = await Build<ProposalRegister>(ReportKind.Register);
        var proposals = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
            .Select(p => new { p.Code, p.Status, Lead = p.LeadOrganization.Name }).ToListAsync());
        var counted = proposals.Where(p => p.Status.IsCounted()).ToList();
        Assert.Equal(counted.Select(p => p.Code).Order(), register.Rows.Select(r => r.Code).Order());
        Assert.All(register.Rows, r => Assert.Equal(counted.Single(p => p.Code == r.Code).Lead, r.LeadUnit));
        Assert.Equal(register.Rows.Sum(r => r.TotalCost), register.Total.TotalCost);
        Assert.Equal(27_247_993_000m, register.Total.TotalCost);
        Assert.Equal(23, register.Total.Count);
        Assert.Equal("2019-2020", register.Rows.Single(r => r.Code == "CNHT-2019-01").Years);

        var words = ReportFiles.ReadPdf(await Render(register, ReportFormat.Pdf)).SelectMany(p => p.Lines).SelectMany(l => l.Words).ToHashSet();
        Assert.All(register.Rows, r => Assert.Contains(r.Code, words));
        Assert.Contains("27.247,993", words);

        using var workbook = ReportFiles.OpenWorkbook(await Render(register, ReportFormat.Xlsx));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal("Danh mục đề án 2018-2025", sheet.Name);
        var total = sheet.RowsUsed().Single(r => r.Cell(3).GetString().StartsWith("Tổng cộng", StringComparison.Ordinal));
        Assert.Equal(register.Total.TotalCost, ReportFiles.Dong(total.Cell(8)));
        Assert.Equal(register.Total.ProvincialShare, ReportFiles.Dong(total.Cell(9)));
        Assert.Equal(register.Total.OtherSources, ReportFiles.Dong(total.Cell(10)));
    }

    [Fact]
    public async Task Every_report_round_trips_through_its_json()
    {
        foreach (var kind in ReportKinds.All)
        {
            var model = await Build<IReportModel>(kind);
            var back = ReportService.FromJson(kind, ReportService.ToJson(model));
            Assert.Equal(model.Figures().Select(r => r.Key), back.Figures().Select(r => r.Key));
            Assert.Equal(model.Figures().SelectMany(r => r.Values.Select(v => v.Value)), back.Figures().SelectMany(r => r.Values.Select(v => v.Value)));
            Assert.Empty(ReportComparer.Compare(model, back));
        }
    }
}
