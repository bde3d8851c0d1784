using System.Net;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

public sealed class HttpHardeningTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    public async Task Every_response_carries_the_hardening_headers(string path)
    {
        var client = path == "/" ? await portal.SignInAsAsync("Viewer") : portal.NewClient();
        var response = await client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task Pages_with_figures_are_never_cached()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var response = await client.GetAsync("/");
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site()
    {
        var response = await portal.NewClient().SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnht.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_render_no_inline_script()
    {
        var client = await portal.SignInAsAsync("DoitLeader");
        foreach (var path in new[] { "/", "/Catalog", "/Disbursements", "/Estimates", "/Account/Security" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son(click|load|submit|change)=", html);
        }
    }
}

/// <summary>In Production the cookies are Secure and errors never show internals.</summary>
public sealed class ProductionHardeningTests(ProductionPortal fixture) : IClassFixture<ProductionPortal>
{
    private readonly CnhtFactory _portal = fixture;

    [Fact]
    public async Task Production_cookies_are_secure()
    {
        var client = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await client.SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnht.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_bad_request_shows_a_vietnamese_page_without_internals()
    {
        var client = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Yêu cầu không hợp lệ", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("at Microsoft.", html);
    }
}

public sealed class ProductionPortal : CnhtFactory, IAsyncLifetime
{
    public ProductionPortal() => Environment = "Production";

    public async Task InitializeAsync() => await EnsureDemoUsersAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
