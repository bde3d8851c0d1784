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

        // Since issue 17 an anonymous visitor at / gets the public portal; its header leads staff to the sign-in page.
        await page.GotoAsync("/");
        await page.Locator("header a[href='/Account/Login']:visible").First.ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
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

    [Fact]
    public async Task A_keyboard_user_signs_in_skips_to_the_content_and_opens_the_notices_and_the_phone_menu_without_a_mouse()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/Account/Login");

        // The e-mail field has the focus; Tab moves to the password; Enter signs in.
        // (Typing waits until the autofocus has landed: under load it can come after the load event.)
        await Assertions.Expect(page.Locator("#Input_Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("chuyenvien@cnht.demo");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(NgheAn.CNHT.Infrastructure.Seeding.UserSeeder.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        // The first Tab shows the skip link; Enter takes the reader to the main content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Bỏ qua, đến nội dung chính" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);

        // Focus is always visible: a focused control draws a solid outline.
        await page.Locator("#notification-bell").FocusAsync();
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notification-menu")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".notification-menu")).ToBeHiddenAsync();

        // On a phone the menu is behind its button, which the keyboard opens.
        await page.SetViewportSizeAsync(Ui.PhoneWidth, Ui.PhoneHeight);
        await Assertions.Expect(page.Locator("#mainNav")).ToBeHiddenAsync();
        await page.Locator(".navbar-toggler").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#mainNav")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#mainNav").GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        await Ui.ShotAsync(page, "menu-open-specialist-390.png");

        // The phone menu's button submits the page's one sign-out form (ADR 0217): a POST with its token ends the session.
        await page.Locator("#mainNav").GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/Proposals");
        await page.WaitForPageAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
