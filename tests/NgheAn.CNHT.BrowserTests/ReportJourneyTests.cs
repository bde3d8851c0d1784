using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReportJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_viewer_finds_the_appendix_from_the_menu_reads_its_figures_and_downloads_the_pdf()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "xem@cnht.demo");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Báo cáo chương trình");
        await page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Phụ lục kết quả thực hiện" }) })
            .GetByRole(AriaRole.Link, new() { Name = "Xem" }).ClickAsync();

        var total = page.Locator(".report-view tr#total td");
        await Assertions.Expect(total.Nth(4)).ToHaveTextAsync("27.247,993");
        await Assertions.Expect(total.Nth(5)).ToHaveTextAsync("5.500,342");
        await Assertions.Expect(page.Locator(".report-view tr#group-1 td").Nth(7)).ToHaveTextAsync("5,34%");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.OutputFolder, "report-appendix-1366.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        Assert.Equal("phu-luc-cnht-2018-2025.pdf", download.SuggestedFilename);
        var path = Path.Combine(BrowserPortal.OutputFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path))[..4]));
        // A link that turns into a download is reported by Chromium as an aborted navigation: that one is expected.
        Assert.DoesNotContain(problems, p => !p.Contains("handler=Download", StringComparison.Ordinal));
    }
}
