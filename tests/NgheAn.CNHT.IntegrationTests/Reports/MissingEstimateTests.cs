using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>Issue 24 (5): a year without an approved estimate says "chưa có", never 0, in every format; wrapped rows fit.</summary>
public sealed class MissingEstimateTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    // No estimate is ever approved for 2019 in the demo data or by these tests.
    private Task<AnnualReport> Build() =>
        portal.ScopedAsync(async sp => (AnnualReport)await sp.GetRequiredService<ReportService>().BuildAsync(new ReportRequest(ReportKind.Annual, "2018-2025", 2019, 2019)));

    private Task<byte[]> Render(IReportModel model, ReportFormat format) =>
        portal.ScopedAsync(sp => Task.FromResult(sp.GetRequiredService<ReportService>().Render(model, format).Content));

    [Fact]
    public async Task The_annual_report_without_an_estimate_says_chua_co_in_pdf_html_and_xlsx_and_leaves_the_ratio_empty()
    {
        var report = await Build();
        Assert.Empty(report.Estimates);

        var html = System.Text.Encoding.UTF8.GetString(await Render(report, ReportFormat.Html));
        var totalRow = System.Text.RegularExpressions.Regex.Match(html, "<tr[^>]*id=\"total\"[^>]*>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var cells = System.Text.RegularExpressions.Regex.Matches(totalRow, "<td[^>]*>(.*?)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("chưa có", cells[2]);
        Assert.Equal("", cells[6]);
        // Every row's estimate says so (a disbursement of 0,000 stays a real zero).
        var estimates = System.Text.RegularExpressions.Regex.Matches(html, "<tr[^>]*id=\"(?:item|group)-[^\"]*\"[^>]*>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Matches(m.Groups[1].Value, "<td[^>]*>(.*?)</td>")[2].Groups[1].Value).ToList();
        Assert.True(estimates.Count > 20);
        Assert.All(estimates, e => Assert.Equal("chưa có", e));

        var pdf = ReportFiles.PdfText(await Render(report, ReportFormat.Pdf));
        Assert.Contains("chưa có", pdf, StringComparison.Ordinal);
        Assert.Contains("chưa có", pdf.Split('\n').Single(l => l.StartsWith("Tổng cộng", StringComparison.Ordinal)), StringComparison.Ordinal);

        using var workbook = ReportFiles.OpenWorkbook(await Render(report, ReportFormat.Xlsx));
        var sheet = workbook.Worksheets.Single();
        var total = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        Assert.Equal("chưa có", total.Cell(3).GetString());
        Assert.Equal("", total.Cell(7).GetString());
        Assert.All(sheet.RowsUsed().Where(r => r.Cell(2).GetString().StartsWith("Nhóm", StringComparison.Ordinal)), r => Assert.Equal("chưa có", r.Cell(3).GetString()));
    }

    [Fact]
    public async Task Workbook_rows_with_wrapped_names_are_as_tall_as_their_lines()
    {
        var report = await Build();
        using var workbook = ReportFiles.OpenWorkbook(await Render(report, ReportFormat.Xlsx));
        var sheet = workbook.Worksheets.Single();
        var width = sheet.Column(2).Width;
        var checkedRows = 0;
        foreach (var row in sheet.RowsUsed().Where(r => r.Cell(2).Style.Alignment.WrapText && r.Cell(2).GetString().Length > 0))
        {
            var text = row.Cell(2).GetString();
            // At most ~1 digit-width per character: a name longer than the column needs more than one line.
            var minimumLines = (int)Math.Ceiling(text.Length / (width * 1.3));
            Assert.True(row.Height >= minimumLines * 15.0 - 0.01, $"row {row.RowNumber()} \"{text}\" is {row.Height}pt for at least {minimumLines} lines");
            checkedRows++;
        }

        Assert.True(checkedRows > 20);
        // Names longer than a line are what LibreOffice drew over the next row: they now have room for two lines or more.
        Assert.Contains(sheet.RowsUsed(), r => r.Cell(2).GetString().Length > width * 1.3 && r.Height >= 30);
    }
}
