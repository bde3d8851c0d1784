using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Infrastructure.PublicContent;
using NgheAn.CNHT.Infrastructure.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.BrowserTests.PublicContent;

/// <summary>
/// Issue 17 items 5 and 6 in Chromium, desktop and 390-px phone, Vietnamese and English: from the public home page a
/// visitor reaches the priority projects (and downloads their PDF), the program's transparency page and the news and
/// events (ADR 0188-0190, links on the home page ADR 0194). axe-core finds nothing serious; no console error, no
/// failed request.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicContentJourneyTests(BrowserPortal portal)
{
    private async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> VisitorAsync(int width)
    {
        await portal.Factory.ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedAsync());
        await portal.Factory.ScopedAsync(sp => sp.GetRequiredService<PublicContentDemoSeeder>().SeedAsync());
        return await portal.NewPageAsync(width, width == Ui.PhoneWidth ? Ui.PhoneHeight : Ui.DesktopHeight);
    }

    private static async Task HomeAsync(IPage page, bool english)
    {
        await page.GotoAsync(english ? "/en" : "/");
        Assert.Equal(english ? "en" : "vi", await page.Locator("html").GetAttributeAsync("lang"));
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        await Ui.AssertAccessibleAsync(page, name);
        await Ui.AssertFitsPhoneAsync(page, name);
    }

    [Theory]
    [InlineData(Ui.DesktopWidth, false)]
    [InlineData(Ui.PhoneWidth, false)]
    [InlineData(Ui.DesktopWidth, true)]
    [InlineData(Ui.PhoneWidth, true)]
    public async Task A_visitor_goes_from_the_home_page_to_the_priority_projects_reads_one_and_downloads_the_pdf(int width, bool english)
    {
        var (context, page, problems) = await VisitorAsync(width);
        await using var _ = context;
        var name = $"projects-{(english ? "en" : "vi")}-{width}";

        await HomeAsync(page, english);
        await Ui.AssertAccessibleAsync(page, name + "-home");
        await page.Locator("#home-sections a#home-link-projects").ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith(english ? "/en/priority-projects" : "/du-an-uu-tien", StringComparison.Ordinal));
        var projects = page.Locator("#priority-projects h2 a");
        await Assertions.Expect(projects.First).ToContainTextAsync(english ? "(sample)" : "(mẫu)");
        await CheckAsync(page, name + "-list");
        await Ui.ShotAsync(page, name + "-list.png");

        // The list as PDF, in the page's language.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main a[href$='.pdf']").First.ClickAsync());
        Assert.Equal(english ? "nghe-an-priority-cnht-projects.pdf" : "danh-muc-du-an-cnht-uu-tien-nghe-an.pdf", download.SuggestedFilename);
        var path = Path.Combine(BrowserPortal.OutputFolder, name + ".pdf");
        await download.SaveAsAsync(path);
        var pdf = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var text = string.Join(" ", ReportFiles.ReadPdf(pdf).SelectMany(p => p.Lines).Select(l => l.Text));
        Assert.Contains(english ? "PRIORITY SUPPORTING-INDUSTRY PROJECTS" : "DANH MỤC DỰ ÁN", text);
        Assert.Contains(english ? "illustrative value" : "giá trị minh họa", text);

        // One project: its facts, the illustrative marker on the amount.
        var title = (await projects.First.InnerTextAsync()).Trim();
        await projects.First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".priority-project dl")).ToContainTextAsync(english ? "illustrative value" : "giá trị minh họa");
        await CheckAsync(page, name + "-project");
        await Ui.ShotAsync(page, name + "-project.png");
        // A download is not a page load: Chromium reports the navigation it turned into a download as aborted.
        Assert.True(problems.All(p => p.Contains(".pdf", StringComparison.Ordinal) && p.Contains("ERR_ABORTED", StringComparison.Ordinal)), string.Join("\n", problems));
    }

    [Theory]
    [InlineData(Ui.DesktopWidth, false)]
    [InlineData(Ui.PhoneWidth, false)]
    [InlineData(Ui.DesktopWidth, true)]
    [InlineData(Ui.PhoneWidth, true)]
    public async Task A_visitor_goes_from_the_home_page_to_the_program_page_and_to_the_news_and_events(int width, bool english)
    {
        var (context, page, problems) = await VisitorAsync(width);
        await using var _ = context;
        var name = $"program-news-{(english ? "en" : "vi")}-{width}";

        // The program: the appendix as the report has it, and the supported proposals.
        await HomeAsync(page, english);
        await page.Locator("#home-sections a#home-link-program").ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith(english ? "/en/program" : "/chuong-trinh", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#public-appendix")).ToContainTextAsync(english ? "Total" : "Tổng cộng");
        await Assertions.Expect(page.Locator("#supported-proposals tbody tr").First).ToBeVisibleAsync();
        await CheckAsync(page, name + "-program");
        await Ui.ShotAsync(page, name + "-program.png");

        // News and events: the upcoming workshop first, then its page with the Markdown rendered safely.
        await HomeAsync(page, english);
        await page.Locator("#home-sections a#home-link-news").ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith(english ? "/en/news" : "/tin-tuc", StringComparison.Ordinal));
        var upcoming = page.Locator("#upcoming-events a", new() { HasText = english ? "Workshop: connecting CNHT suppliers" : "Hội thảo kết nối doanh nghiệp CNHT" });
        await Assertions.Expect(upcoming).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#news-list .card").First).ToBeVisibleAsync();
        await CheckAsync(page, name + "-news");
        await Ui.ShotAsync(page, name + "-news.png");

        await upcoming.ClickAsync();
        await page.WaitForPageAsync(url => url.Contains(english ? "/en/news/" : "/tin-tuc/", StringComparison.Ordinal));
        var body = page.Locator(".news-body");
        await Assertions.Expect(body.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(body.Locator("strong")).ToHaveTextAsync(english ? "illustrative content" : "nội dung minh họa");
        Assert.Equal(english ? "/en/directory" : "/danh-ba", await body.Locator("a").GetAttributeAsync("href"));
        Assert.Equal(0, await body.Locator("script, img, iframe").CountAsync());
        await CheckAsync(page, name + "-post");
        await Ui.ShotAsync(page, name + "-post.png");

        // The same post in the other language.
        await page.Locator(".lang-switch").ClickAsync();
        await page.WaitForPageAsync(url => url.Contains(english ? "/tin-tuc/" : "/en/news/", StringComparison.Ordinal));
        Assert.Equal(english ? "vi" : "en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator(".news-body strong")).ToHaveTextAsync(english ? "nội dung minh họa" : "illustrative content");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
