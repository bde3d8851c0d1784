using System.Net;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Api;

/// <summary>The API's request limit: counted per key (and per signed-in user), 429 in Vietnamese above it, the portal's pages untouched.</summary>
public sealed class ApiRateLimitTests
{
    private static async Task<string> IssueKeyAsync(CnhtFactory portal, string name) => (await ApiTests.IssueKeyAsync(portal, name)).Secret;

    [Fact]
    public async Task Each_key_has_its_own_limit_per_minute_and_is_told_in_Vietnamese_when_to_come_back()
    {
        await using var portal = new CnhtFactory { Settings = { ["Api:RateLimit:PermitsPerMinute"] = "3" } };
        await portal.EnsureDemoUsersAsync();
        var first = portal.NewClient();
        first.DefaultRequestHeaders.Add("X-Api-Key", await IssueKeyAsync(portal, "Hệ thống thứ nhất"));
        var second = portal.NewClient();
        second.DefaultRequestHeaders.Add("X-Api-Key", await IssueKeyAsync(portal, "Hệ thống thứ hai"));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/programs")).StatusCode);
        }

        var refused = await first.GetAsync("/api/v1/programs/2018-2025/appendix");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Quá nhiều yêu cầu", body);
        Assert.Contains("tối đa 3 yêu cầu trong một phút", body);
        Assert.Contains($"Thử lại sau {retryAfter} giây", body);

        // Another system's key is counted apart; a signed-in person's pages are not counted at all.
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/programs")).StatusCode);
        var viewer = await portal.SignInAsAsync("Viewer");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Proposals")).StatusCode);
        }

        // With the cookie, the API counts per person.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/programs")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await viewer.GetAsync("/api/v1/programs")).StatusCode);
    }

    [Fact]
    public async Task The_default_limit_is_600_a_minute_and_0_turns_it_off()
    {
        await using var portal = new CnhtFactory { Settings = { ["Api:RateLimit:PermitsPerMinute"] = "0" } };
        await portal.EnsureDemoUsersAsync();
        var client = portal.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await IssueKeyAsync(portal, "Không giới hạn"));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/programs")).StatusCode);
        }

        Assert.Equal(600, new NgheAn.CNHT.Web.Api.ApiRateLimitOptions().PermitsPerMinute);
    }
}
