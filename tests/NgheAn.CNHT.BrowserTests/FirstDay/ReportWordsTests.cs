using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests.FirstDay;

/// <summary>Issue 24 (5), (7): reports say what is missing; leaders see PDF and Excel, not developer formats.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportWordsTests(BrowserPortal portal)
{
    [Fact]
    public async Task The_annual_report_with_no_estimate_shows_chua_co_and_an_empty_ratio()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "lanhdao@cnht.demo");
        await page.GotoAsync("/Reports/View/annual?program=2018-2025&from=2019&to=2019");
        var total = page.Locator(".report-view tr#total td");
        await Assertions.Expect(total.Nth(2)).ToHaveTextAsync("chưa có");
        await Assertions.Expect(total.Nth(6)).ToHaveTextAsync("");
        await Assertions.Expect(page.Locator(".report-view tr#group-1 td").Nth(2)).ToHaveTextAsync("chưa có");
        await Assertions.Expect(page.Locator(".report-view tr[id^=item-] td:nth-child(3)", new() { HasText = "0,000" })).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(page, "annual-without-estimate");
        await Ui.ShotsAsync(page, "annual-without-estimate");

        // The report cards offer PDF and Excel, and nothing named JSON or HTML.
        await page.GotoAsync("/Reports?program=2018-2025");
        var card = page.Locator("section.report-card").First;
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Tải Excel" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("JSON");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("HTML");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
