using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Infrastructure.Suppliers;

namespace NgheAn.CNHT.BrowserTests;

/// <summary>
/// A visitor of the public CNHT portal (issue 17), desktop and 390-px phone, Vietnamese and English: searches "co khi"
/// and finds the "Cơ khí" enterprises, filters by sector and certification, opens a profile, switches language;
/// axe-core finds nothing serious on the home, directory and profile pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPortalJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData(Ui.DesktopWidth, false)]
    [InlineData(Ui.PhoneWidth, false)]
    [InlineData(Ui.DesktopWidth, true)]
    [InlineData(Ui.PhoneWidth, true)]
    public async Task A_visitor_searches_filters_opens_a_profile_and_switches_language(int width, bool english)
    {
        await portal.Factory.ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedAsync());
        var (context, page, problems) = await portal.NewPageAsync(width, width == Ui.PhoneWidth ? Ui.PhoneHeight : Ui.DesktopHeight);
        await using var _ = context;
        var name = $"public-{(english ? "en" : "vi")}-{width}";

        // Home: the search box leads to the directory; "co khi" without marks finds the "Cơ khí" enterprises.
        await page.GotoAsync(english ? "/en" : "/");
        Assert.Equal(english ? "en" : "vi", await page.Locator("html").GetAttributeAsync("lang"));
        await Ui.AssertAccessibleAsync(page, name + "-home");
        await page.Locator("#home-q").FillAsync("co khi");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await page.WaitForPageAsync(url => url.Contains(english ? "/en/directory?q=co" : "/danh-ba?q=co", StringComparison.Ordinal));
        var results = page.Locator(".directory-results h2 a");
        var resultCards = page.Locator(".directory-results .directory-card");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        // Every result card names the phrase (in its name or its sectors and processes: other tests publish enterprises in
        // the mechanical sector under names of their own), in either casing and with or without marks; other tests'
        // enterprises have no English name, so their Vietnamese name shows on the English page too.
        Assert.All(await resultCards.AllInnerTextsAsync(), t => Assert.True(
            Plain(t).Contains("co khi", StringComparison.Ordinal) || (english && t.Contains("Mechanical", StringComparison.Ordinal)), t));

        // Facets: the automotive sector with a valid IATF 16949.
        await page.Locator("#f-q").FillAsync("");
        await page.Locator("#f-sector").SelectOptionAsync("o-to");
        await page.Locator("#f-cert").SelectOptionAsync("iatf-16949");
        await page.Locator(".directory-filters button[type=submit]").ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("cert=iatf-16949", StringComparison.Ordinal));
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        var cards = page.Locator(".directory-card");
        for (var i = 0; i < await cards.CountAsync(); i++)
        {
            await Assertions.Expect(cards.Nth(i)).ToContainTextAsync(english ? "Automotive" : "Ô tô");
            await Assertions.Expect(cards.Nth(i)).ToContainTextAsync("IATF 16949");
        }

        await Ui.AssertAccessibleAsync(page, name + "-directory");
        await Ui.AssertFitsPhoneAsync(page, name + "-directory");
        await Ui.ShotAsync(page, name + "-directory.png");

        // A profile, then the same profile in the other language.
        var title = (await results.First.InnerTextAsync()).Trim();
        await results.First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".profile-fields")).ToContainTextAsync("IATF 16949");
        await Ui.AssertAccessibleAsync(page, name + "-profile");
        await Ui.AssertFitsPhoneAsync(page, name + "-profile");
        await Ui.ShotAsync(page, name + "-profile.png");

        await page.Locator(".lang-switch").ClickAsync();
        await page.WaitForPageAsync(url => url.Contains(english ? "/danh-ba/" : "/en/directory/", StringComparison.Ordinal));
        Assert.Equal(english ? "vi" : "en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator(".profile-fields")).ToContainTextAsync(english ? "Lĩnh vực" : "Sector");
        await Ui.AssertAccessibleAsync(page, name + "-profile-switched");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Plain(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .ToLowerInvariant();
    }
}
