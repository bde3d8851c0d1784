using System.Net;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>ADR 0180: / is the public home for a visitor and the dashboard for staff; English under /en/; a language switch everywhere.</summary>
public sealed class PublicRoutingTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    [Fact]
    public async Task An_anonymous_visitor_at_the_root_gets_the_public_home_in_vietnamese()
    {
        var response = await portal.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Kết nối với nhà cung ứng công nghiệp hỗ trợ Nghệ An", html);
        Assert.Contains("href=\"/Account/Login\"", html);
        Assert.Contains("href=\"/en\" hreflang=\"en\" lang=\"en\">English</a>", html);
    }

    [Fact]
    public async Task Signed_in_staff_at_the_root_still_get_their_dashboard()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        var html = await viewer.GetStringAsync("/");
        Assert.Contains("data-figure=\"total-cost\"", html);
        Assert.DoesNotContain("Kết nối với nhà cung ứng", html);
    }

    [Theory]
    [InlineData("/en", "Find supporting-industry suppliers in Nghe An", "/")]
    [InlineData("/en/directory", "Directory of CNHT enterprises", "/danh-ba")]
    [InlineData("/en/open-data", "CC BY 4.0", "/du-lieu-mo")]
    public async Task English_pages_live_under_en_and_switch_back_to_their_vietnamese_twin(string path, string english, string vietnamese)
    {
        var html = await portal.NewClient().GetStringAsync(path);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains(english, html);
        Assert.Contains($"href=\"{vietnamese}\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"https://localhost{path}\" />", html);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"vi\" href=\"https://localhost{vietnamese}\" />", html);
        Assert.Contains("<meta property=\"og:locale\" content=\"en_GB\" />", html);
    }

    [Fact]
    public async Task The_language_switch_keeps_the_directory_filters()
    {
        var html = await portal.NewClient().GetStringAsync("/danh-ba?sector=co-khi&q=co+khi");
        Assert.Contains("href=\"/en/directory?sector=co-khi&amp;q=co&#x2B;khi\"", html);
    }

    [Fact]
    public async Task Staff_pages_stay_vietnamese_and_closed_to_visitors()
    {
        var response = await portal.NewClient().GetAsync("/Proposals");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
