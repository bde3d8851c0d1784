using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Outcomes;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Outcomes;

/// <summary>
/// The annual report includes the program's outcomes (issue 19 item 3, ADR 0195): each outcome's 2030 target, the year's
/// values with their source and the disagreement flag, in HTML, PDF, XLSX and Word; 2018-2025 has no such section.
/// </summary>
public sealed class OutcomeAnnualReportTests
{
    [Fact]
    public async Task The_annual_report_shows_each_outcomes_target_the_years_values_with_source_and_the_disagreement_in_every_format()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        // Two sources disagree on the number of CNHT enterprises in 2026; one source gives the trained-workers share.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var program = await db.Programs.SingleAsync(p => p.Code == "2026-2030");
            var indicators = await db.OutcomeIndicators.Where(i => i.ProgramId == program.Id).ToDictionaryAsync(i => i.Code, i => i.Id);
            var allowed = new YearRange(program.StartYear - 10, program.EndYear);
            db.OutcomeValues.Add(new OutcomeValue(indicators["DN"], allowed, 2026, 90m, "Cục Thống kê tỉnh Nghệ An", null));
            db.OutcomeValues.Add(new OutcomeValue(indicators["DN"], allowed, 2026, 96m, "Khảo sát của Sở Công Thương", null));
            db.OutcomeValues.Add(new OutcomeValue(indicators["LD"], allowed, 2026, 19.5m, "Điều tra lao động việc làm", null));
            await db.SaveChangesAsync();
            return 0;
        });

        var report = await portal.ScopedAsync(async sp => (AnnualReport)await sp.GetRequiredService<ReportService>().BuildAsync(new ReportRequest(ReportKind.Annual, "2026-2030", 2026, 2026)));
        var dn = report.Outcomes.Where(o => o.Code == "DN").ToList();
        Assert.Equal(2, dn.Count);
        Assert.All(dn, o => Assert.True(o.Disagrees && o.Year == 2026 && o.TargetYear == 2030 && o.Target is not null));
        var ld = Assert.Single(report.Outcomes, o => o.Code == "LD");
        Assert.False(ld.Disagrees);
        Assert.Equal(19.5m, ld.Value);
        // An outcome without a 2026 value is listed with its target and "chưa có số liệu" (the seed's 2025 figures are outside the year).
        Assert.Contains(report.Outcomes, o => o.Code == "TT" && o.Value is null);
        var target = dn[0].Target!.Value.ToString("#,##0.####", VnFormat.Culture);

        byte[] Render(ReportFormat format) => portal.Services.CreateScope().ServiceProvider.GetRequiredService<ReportService>().Render(report, format).Content;

        var html = ProposalArrange.Text(System.Text.Encoding.UTF8.GetString(Render(ReportFormat.Html)));
        Assert.Contains("CHỈ TIÊU CỦA CHƯƠNG TRÌNH", html);
        foreach (var expected in new[] { "Cục Thống kê tỉnh Nghệ An", "Khảo sát của Sở Công Thương", "vênh số liệu", "19,5", $"{target} (2030)", "chưa có số liệu" })
        {
            Assert.Contains(expected, html);
        }

        var pdf = ReportFiles.PdfText(Render(ReportFormat.Pdf));
        Assert.Contains("CHỈ TIÊU CỦA CHƯƠNG TRÌNH", pdf);
        Assert.Contains("Cục Thống kê tỉnh Nghệ An", pdf);
        Assert.Contains("vênh số liệu", pdf);
        Assert.Contains("19,5", pdf);

        using var workbook = ReportFiles.OpenWorkbook(Render(ReportFormat.Xlsx));
        Assert.Equal(2, workbook.Worksheets.Count);
        var sheet = workbook.Worksheets.Worksheet(2);
        var rows = sheet.RowsUsed().Where(r => r.Cell(1).GetString() == "DN").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("vênh số liệu", r.Cell(8).GetString()));
        Assert.Equal(["90", "96"], rows.Select(r => r.Cell(6).GetString()).Order().ToArray());
        Assert.Contains(rows, r => r.Cell(7).GetString() == "Khảo sát của Sở Công Thương");
        Assert.Equal("19,5", sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "LD").Cell(6).GetString());

        using var word = WordprocessingDocument.Open(new MemoryStream(Render(ReportFormat.Docx)), false);
        var cells = word.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Cục Thống kê tỉnh Nghệ An", cells);
        Assert.Contains("vênh số liệu", cells);
        Assert.Contains("19,5", cells);

        // Program 2018-2025 has no outcomes: its annual report keeps its single table.
        var old = await portal.ScopedAsync(async sp => (AnnualReport)await sp.GetRequiredService<ReportService>().BuildAsync(new ReportRequest(ReportKind.Annual, "2018-2025", 2024, 2024)));
        Assert.Empty(old.Outcomes);
        using var oldBook = ReportFiles.OpenWorkbook(Render2(old));

        byte[] Render2(IReportModel model) => portal.Services.CreateScope().ServiceProvider.GetRequiredService<ReportService>().Render(model, ReportFormat.Xlsx).Content;
        Assert.Single(oldBook.Worksheets);
    }
}
