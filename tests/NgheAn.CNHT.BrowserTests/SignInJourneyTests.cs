using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_viewer_signs_in_in_chromium_and_sees_the_programs_total_cost()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url);
        await portal.SignInAsync(page, "xem@cnht.demo");

        // Other journeys of this portal approve and pay proposals: the figures are those of the rows right now
        // (27.247,993 and 5.500,342 triệu đồng on untouched sample data, as the integration tests check).
        var expected = await Figures.ProgramAsync(portal);
        var totalCost = page.Locator("[data-figure=total-cost]");
        Assert.Equal(NgheAn.CNHT.Domain.Common.VnFormat.Million(expected.TotalCost), (await totalCost.InnerTextAsync()).Trim());
        Assert.Equal(NgheAn.CNHT.Domain.Common.VnFormat.Million(expected.Share), (await page.Locator("[data-figure=provincial-share]").InnerTextAsync()).Trim());
        var group1 = page.Locator("#appendix-table tr[data-group='1'] [data-percent]");
        Assert.Equal("5,34%", (await group1.InnerTextAsync()).Trim());
        // The stylesheet is applied: the header wears the province's red.
        Assert.Equal("rgb(164, 22, 26)", await page.Locator("header.portal-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.OutputFolder, "home-viewer-1366.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.OutputFolder, "home-viewer-390.png"), FullPage = true });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_wrong_password_shows_a_vietnamese_message_in_the_browser()
    {
        var (context, page, _) = await portal.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Thư điện tử").FillAsync("chuyenvien@cnht.demo");
        await page.GetByLabel("Mật khẩu").FillAsync("khong-dung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Thư điện tử hoặc mật khẩu không đúng.");
    }
}
