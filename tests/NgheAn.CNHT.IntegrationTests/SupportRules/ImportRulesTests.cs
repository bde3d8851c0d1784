using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.SupportRules;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.SupportRules;

/// <summary>
/// Imported history is checked against the rule set in force on each decision date (the sample set: item 3.3 at most 30 %,
/// illustrative): the importer either refuses the file, told where, or imports it with each violation flagged.
/// </summary>
public sealed class ImportRulesTests
{
    internal static byte[] Workbook()
    {
        var wb = new HandMadeWorkbook();
        var tax = DemoDataSeeder.WithCheckDigit("290777111");
        // Row 2: 40 % budget share on 01/03/2023, above the 30 % of item 3.3. Row 3: within it. Row 4: decided before the rules (2021).
        wb.Proposal("DM-2023-01", "Đổi mới công nghệ đúc áp lực", "3.3", "Công ty TNHH Đúc Nghi Lộc", tax, 2023, 2023,
            1_000_000_000, 400_000_000, "Đã phê duyệt", "31/QĐ-SCT", new DateOnly(2023, 3, 1));
        wb.Proposal("DM-2023-02", "Hoàn thiện công nghệ sơn tĩnh điện", "3.3", "Công ty TNHH Đúc Nghi Lộc", tax, 2023, 2023,
            1_000_000_000, 300_000_000, "Đã phê duyệt", "32/QĐ-SCT", new DateOnly(2023, 3, 2));
        wb.Proposal("DM-2021-01", "Cải tiến khuôn ép", "3.3", "Công ty TNHH Đúc Nghi Lộc", tax, 2021, 2021,
            1_000_000_000, 900_000_000, "Đã phê duyệt", "21/QĐ-SCT", new DateOnly(2021, 3, 1));
        return wb.ToBytes();
    }

    private static Task<ImportOutcome> ImportAsync(CnhtFactory portal, bool flag) =>
        portal.AsAsync("DoitLeader", async sp =>
        {
            using var stream = new MemoryStream(Workbook());
            return await sp.GetRequiredService<ImportService>().RunAsync(stream, new ImportRequest("lich-su-dinh-muc.xlsx", "2018-2025", false, flag));
        });

    [Fact]
    public async Task A_violation_refuses_the_file_by_sheet_row_and_column_and_nothing_is_saved()
    {
        await using var portal = new CnhtFactory();
        var before = await portal.CountsAsync();

        var outcome = await ImportAsync(portal, flag: false);

        Assert.False(outcome.Saved);
        var problem = Assert.Single(outcome.Problems, p => p.IsError);
        Assert.Equal(("DeAn", 2, "I"), (problem.Sheet, problem.Row, problem.Column));
        Assert.StartsWith("Sheet DeAn, dòng 2, cột I (Ngân sách tỉnh hỗ trợ (đồng))", problem.ToString());
        Assert.Contains("Ngân sách tỉnh hỗ trợ 40% chi phí, vượt mức tối đa 30% (Mức hỗ trợ đổi mới công nghệ, QĐ 41/QĐ-UBND ngày 22/8/2022)", problem.Message);
        Assert.Contains(SupportRuleChecker.IllustrativeLabel, problem.Message);
        Assert.Equal(before, await portal.CountsAsync());
    }

    [Fact]
    public async Task Importing_with_flags_saves_every_row_and_flags_the_one_outside_the_norms()
    {
        await using var portal = new CnhtFactory();

        var outcome = await ImportAsync(portal, flag: true);

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        var notice = Assert.Single(outcome.Problems, p => p.Message.StartsWith("Vượt định mức", StringComparison.Ordinal));
        Assert.False(notice.IsError);
        Assert.Equal(2, notice.Row);
        var flags = await ProposalArrange.ReadAsync(portal, db => db.ProposalRuleFlags.AsNoTracking()
            .Join(db.Proposals, f => f.ProposalId, p => p.Id, (f, p) => new { p.Code, f.Kind, f.Violations, f.Reason }).ToListAsync());
        var flag = Assert.Single(flags);
        Assert.Equal(("DM-2023-01", RuleFlagKind.ImportFlag), (flag.Code, flag.Kind));
        Assert.Contains("vượt mức tối đa 30%", flag.Violations);
        Assert.Contains("lich-su-dinh-muc.xlsx", flag.Reason);

        // The out-of-norms report lists it, with the rule set in force as the annex.
        var report = await portal.ScopedAsync(sp => sp.GetRequiredService<Application.SupportRules.OutOfNormsQuery>().BuildAsync("2018-2025"));
        var row = Assert.Single(report.Rows);
        Assert.Equal(("DM-2023-01", 400_000_000m), (row.Code, row.ProvincialShare));
        Assert.NotNull(report.Annex);
        Assert.Contains(report.Annex.Lines, l => l.ItemCode == "1.4" && l.MaxProvincialSharePercent == 70m && !l.IsIllustrative);

        // The same model in the three formats: the row, its figures and the annex.
        var service = portal.Scoped(sp => sp.GetRequiredService<Application.Reports.ReportService>());
        var html = System.Text.Encoding.UTF8.GetString(service.Render(report, Application.Reports.ReportFormat.Html).Content);
        Assert.Contains("DM-2023-01", html);
        Assert.Contains("PHỤ LỤC: QUY ĐỊNH MỨC HỖ TRỢ, MỨC CHI ĐANG CÓ HIỆU LỰC", html);
        var pdf = ReportFiles.PdfText(service.Render(report, Application.Reports.ReportFormat.Pdf).Content);
        Assert.Contains("DM-2023-01", pdf);
        Assert.Contains("41/QĐ-UBND", pdf);
        var file = service.Render(report, Application.Reports.ReportFormat.Xlsx);
        Assert.Equal("de-an-vuot-dinh-muc-cnht-2018-2025.xlsx", file.FileName);
        using var workbook = ReportFiles.OpenWorkbook(file.Content);
        Assert.Equal(2, workbook.Worksheets.Count);
        var sheet = workbook.Worksheets.First();
        var code = sheet.CellsUsed().Single(c => c.GetString() == "DM-2023-01");
        Assert.Equal(400_000_000m, ReportFiles.Dong(sheet.Cell(code.Address.RowNumber, 7)));
    }
}
