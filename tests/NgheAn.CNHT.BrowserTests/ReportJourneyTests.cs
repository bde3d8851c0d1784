using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReportJourneyTests(BrowserPortal portal)
{
    private static async Task<byte[]> DownloadAsync(IPage page, string link, string expectedName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        Assert.Equal(expectedName, download.SuggestedFilename);
        var path = Path.Combine(BrowserPortal.OutputFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return await File.ReadAllBytesAsync(path);
    }

    [Fact]
    public async Task A_viewer_goes_from_the_dashboard_to_the_appendix_and_its_pdf_and_workbook_carry_the_same_figures()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "xem@cnht.demo");
        var expected = await Figures.ProgramAsync(portal);
        await Assertions.Expect(page.Locator("[data-figure=provincial-share]")).ToHaveTextAsync(VnFormat.Million(expected.Share));

        // The menu leads to the reports; the appendix page shows the dashboard's figures.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Báo cáo chương trình");
        await Ui.AssertAccessibleAsync(page, "reports page");
        await Ui.ShotsAsync(page, "reports-viewer");
        await page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Phụ lục kết quả thực hiện" }) })
            .GetByRole(AriaRole.Link, new() { Name = "Xem" }).ClickAsync();

        var total = page.Locator(".report-view tr#total td");
        await Assertions.Expect(total.Nth(4)).ToHaveTextAsync(VnFormat.Million(expected.TotalCost));
        await Assertions.Expect(total.Nth(5)).ToHaveTextAsync(VnFormat.Million(expected.Share));
        // Group 1 is the sample data's alone (journeys write their own proposals in other groups): its share of plan is pinned.
        await Assertions.Expect(page.Locator(".report-view tr#group-1 td").Nth(7)).ToHaveTextAsync("5,34%");
        await Ui.AssertAccessibleAsync(page, "appendix report page");
        await Ui.ShotsAsync(page, "report-appendix-viewer");

        // The PDF, read back word by word: the total row carries the same plan, count, total cost and provincial share.
        var pdf = await DownloadAsync(page, "Tải PDF", "phu-luc-cnht-2018-2025.pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf[..4]));
        var rows = ReportFiles.AppendixRows(pdf);
        var pdfTotal = rows.Single(r => r.Key.StartsWith("Tổng", StringComparison.Ordinal)).Value;
        Assert.Equal(
            [VnFormat.Million(expected.Plan), expected.Count.ToString(VnFormat.Culture), VnFormat.Million(expected.TotalCost), VnFormat.Million(expected.Share)],
            pdfTotal[..4]);
        Assert.Equal("5,34%", rows["1"][5]);
        Assert.StartsWith("PHỤ LỤC", ReportFiles.PdfText(pdf), StringComparison.Ordinal);

        // The workbook, read back cell by cell: the same figures in triệu đồng (values and formulas).
        var xlsx = await DownloadAsync(page, "Tải Excel", "phu-luc-cnht-2018-2025.xlsx");
        using var workbook = ReportFiles.OpenWorkbook(xlsx);
        var sheet = workbook.Worksheets.Single();
        var totalRow = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        Assert.Equal(expected.Plan, ReportFiles.Dong(totalRow.Cell(3)));
        Assert.Equal(expected.Count, Convert.ToInt32(totalRow.Cell(4).Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.TotalCost, ReportFiles.Dong(totalRow.Cell(5)));
        Assert.Equal(expected.Share, ReportFiles.Dong(totalRow.Cell(6)));
        var group1 = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "1");
        Assert.Equal(0.0534m, Math.Round(Convert.ToDecimal(group1.Cell(8).Value, System.Globalization.CultureInfo.InvariantCulture), 4));

        // A link that turns into a download is reported by Chromium as an aborted navigation: that one is expected.
        Assert.DoesNotContain(problems, p => !p.Contains("handler=Download", StringComparison.Ordinal));
    }
}
