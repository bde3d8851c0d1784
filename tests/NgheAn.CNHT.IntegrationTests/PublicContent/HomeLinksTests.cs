using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicContent;

/// <summary>The public home page links the priority projects, the program page and the news, in each language to that language's pages (ADR 0194).</summary>
public sealed class HomeLinksTests(ContentPortal portal) : IClassFixture<ContentPortal>
{
    [Theory]
    [InlineData("/", "/du-an-uu-tien", "/chuong-trinh", "/tin-tuc")]
    [InlineData("/en", "/en/priority-projects", "/en/program", "/en/news")]
    public async Task The_home_page_links_the_projects_the_program_and_the_news_of_its_language(string home, string projects, string program, string news)
    {
        var html = await portal.NewClient().GetStringAsync(home);
        var sections = html[html.IndexOf("id=\"home-sections\"", StringComparison.Ordinal)..];
        sections = sections[..sections.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"{projects}\" id=\"home-link-projects\"", sections);
        Assert.Contains($"href=\"{program}\" id=\"home-link-program\"", sections);
        Assert.Contains($"href=\"{news}\" id=\"home-link-news\"", sections);
        Assert.Equal(home == "/en", sections.Contains("Priority projects for investment", StringComparison.Ordinal));
    }
}
