using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Security;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>
/// The request token of a signed-in GET is kept per browser cookie and user (ADR 0224): the same browser and user get
/// the same, valid token again without it being generated; another user — even one holding the same antiforgery
/// cookie — gets a token of their own, and one user's token never validates for another. Checked with the portal's
/// own antiforgery service (the framework's generation and validation) and through the pages.
/// </summary>
public sealed class KeptAntiforgeryTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static ClaimsPrincipal User(string id, string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, name)], "Identity.Application"));

    private static DefaultHttpContext Request(IServiceProvider services, ClaimsPrincipal user, string? cookie, string method = "GET")
    {
        var context = new DefaultHttpContext { RequestServices = services, User = user };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = "cnht.af=" + cookie;
        }

        return context;
    }

    private static async Task<bool> ValidAsync(IAntiforgery antiforgery, IServiceProvider services, ClaimsPrincipal user, string cookie, string token)
    {
        var post = Request(services, user, cookie, "POST");
        post.Request.ContentType = "application/x-www-form-urlencoded";
        post.Request.Form = new FormCollection(new Dictionary<string, StringValues> { ["__RequestVerificationToken"] = token });
        return await antiforgery.IsRequestValidAsync(post);
    }

    [Fact]
    public async Task The_same_browser_and_user_get_their_kept_token_and_another_user_on_the_same_cookie_gets_their_own()
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var antiforgery = services.GetRequiredService<IAntiforgery>();
        var kept = Assert.IsType<KeptAntiforgery>(antiforgery);
        var alice = User("user-a-0224", "a@cnht.demo");
        var bob = User("user-b-0224", "b@cnht.demo");

        // A first page without the cookie: the framework issues one (never kept: a new cookie is a new pair).
        var first = antiforgery.GetAndStoreTokens(Request(services, alice, cookie: null));
        var cookie = Assert.IsType<string>(first.CookieToken);

        var generated = kept.Generated;
        var aliceToken = antiforgery.GetAndStoreTokens(Request(services, alice, cookie)).RequestToken!;
        Assert.Equal(generated + 1, kept.Generated);
        var again = Request(services, alice, cookie);
        Assert.Equal(aliceToken, antiforgery.GetAndStoreTokens(again).RequestToken);
        Assert.Equal(generated + 1, kept.Generated);
        // Served kept, the page still says it must not be cached, as the framework's own answer does.
        Assert.Equal("no-cache, no-store", again.Response.Headers.CacheControl.ToString());

        // Another user in the same browser (same cookie): a token generated for him, not Alice's.
        var bobToken = antiforgery.GetAndStoreTokens(Request(services, bob, cookie)).RequestToken!;
        Assert.NotEqual(aliceToken, bobToken);
        Assert.Equal(generated + 2, kept.Generated);
        Assert.Equal(bobToken, antiforgery.GetAndStoreTokens(Request(services, bob, cookie)).RequestToken);
        Assert.Equal(aliceToken, antiforgery.GetAndStoreTokens(Request(services, alice, cookie)).RequestToken);

        // Each token validates for its own user and for nobody else (the framework's validation).
        Assert.True(await ValidAsync(antiforgery, services, alice, cookie, aliceToken));
        Assert.True(await ValidAsync(antiforgery, services, bob, cookie, bobToken));
        Assert.False(await ValidAsync(antiforgery, services, bob, cookie, aliceToken));
        Assert.False(await ValidAsync(antiforgery, services, alice, cookie, bobToken));

        // Another browser of the same user: another cookie, another token; Alice's first browser's token is refused there.
        var otherCookie = antiforgery.GetAndStoreTokens(Request(services, alice, cookie: null)).CookieToken!;
        var otherToken = antiforgery.GetAndStoreTokens(Request(services, alice, otherCookie)).RequestToken!;
        Assert.NotEqual(aliceToken, otherToken);
        Assert.False(await ValidAsync(antiforgery, services, alice, otherCookie, aliceToken));
        Assert.True(await ValidAsync(antiforgery, services, alice, otherCookie, otherToken));
    }

    [Fact]
    public async Task A_post_and_an_anonymous_page_are_left_to_the_framework()
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var antiforgery = services.GetRequiredService<IAntiforgery>();
        var kept = Assert.IsType<KeptAntiforgery>(antiforgery);
        var alice = User("user-c-0224", "c@cnht.demo");
        var cookie = antiforgery.GetAndStoreTokens(Request(services, alice, cookie: null)).CookieToken!;

        var generated = kept.Generated;
        antiforgery.GetAndStoreTokens(Request(services, alice, cookie, "POST"));
        antiforgery.GetAndStoreTokens(Request(services, alice, cookie, "POST"));
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        antiforgery.GetAndStoreTokens(Request(services, anonymous, cookie));
        antiforgery.GetAndStoreTokens(Request(services, anonymous, cookie));
        Assert.Equal(generated + 4, kept.Generated);
        Assert.True(await ValidAsync(antiforgery, services, alice, cookie, antiforgery.GetAndStoreTokens(Request(services, alice, cookie, "POST")).RequestToken!));
    }

    [Fact]
    public async Task Through_the_pages_each_user_has_a_token_of_their_own_that_signs_them_out()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        var leader = await portal.SignInAsAsync("DoitLeader");

        var viewerToken = WebPageHelpers.AntiforgeryToken(await viewer.GetStringAsync("/"));
        var leaderToken = WebPageHelpers.AntiforgeryToken(await leader.GetStringAsync("/"));
        Assert.NotEqual(viewerToken, leaderToken);
        // The same browser and user again (another page): the kept token.
        Assert.Equal(viewerToken, WebPageHelpers.AntiforgeryToken(await viewer.GetStringAsync("/Proposals")));

        // The leader's token in the viewer's browser is refused; the viewer's own signs the viewer out.
        var refused = await viewer.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = leaderToken }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Proposals")).StatusCode);
        var signedOut = await viewer.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = viewerToken }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/Proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/Proposals")).StatusCode);
    }
}
