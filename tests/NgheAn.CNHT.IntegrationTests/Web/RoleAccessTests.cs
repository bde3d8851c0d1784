using System.Net;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>Each role sees only what domain.md gives it (the full matrix lives with the security work).</summary>
public sealed class RoleAccessTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Theory]
    [InlineData("DoitSpecialist", HttpStatusCode.OK)]
    [InlineData("DoitLeader", HttpStatusCode.OK)]
    [InlineData("SupportCenter", HttpStatusCode.OK)]
    [InlineData("Viewer", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.Redirect)]
    public async Task Catalog_is_for_business_roles_only(string role, HttpStatusCode expected)
    {
        var client = await portal.SignInAsAsync(role);
        var response = await client.GetAsync("/Catalog/Program/2018-2025");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        else
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Hỗ trợ doanh nghiệp hoàn thiện, đổi mới công nghệ", html);
            Assert.Contains("5.400,000", html);
        }
    }

    [Fact]
    public async Task The_admin_home_shows_no_business_figures()
    {
        var client = await portal.SignInAsAsync("Admin");
        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain("27.247,993", html);
        Assert.Contains("Quản trị hệ thống", html);
    }

    [Fact]
    public async Task Unknown_program_is_not_found()
    {
        var client = await portal.SignInAsAsync("Viewer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Catalog/Program/1999-2000")).StatusCode);
    }
}
