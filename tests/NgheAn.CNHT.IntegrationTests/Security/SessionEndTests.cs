using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>Signing out ends the session on the server: a copied cookie is worthless afterwards (issue 23, ADR 0113).</summary>
public sealed class SessionEndTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private HttpClient Replayer() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = portal.ClientOptions.BaseAddress });

    private static string AuthCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnht.auth=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> ReplayAsync(HttpClient client, string cookie, string path = "/Proposals")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static void AssertLoginPage(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_cookie_replayed_after_logout_gets_the_login_page()
    {
        var browser = portal.NewClient();
        var cookie = AuthCookie(await browser.SignInAsync("trungtam@cnht.demo", UserSeeder.DemoPassword));
        var replayer = Replayer();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(replayer, cookie)).StatusCode);

        var logout = await browser.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        AssertLoginPage(await ReplayAsync(replayer, cookie));
    }

    [Fact]
    public async Task Signing_out_of_every_device_ends_every_session_of_the_account_at_once()
    {
        var here = portal.NewClient();
        var mine = AuthCookie(await here.SignInAsync("chuyenvien@cnht.demo", UserSeeder.DemoPassword));
        var elsewhere = await portal.SignInAsAsync("DoitSpecialist");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/Proposals")).StatusCode);
        Assert.Contains("Đăng xuất khỏi mọi thiết bị", WebUtility.HtmlDecode(await here.GetStringAsync("/Account/Security")));

        var everywhere = await here.PostFormAsync("/Account/Security", new Dictionary<string, string>(), "/Account/Security?handler=SignOutEverywhere");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        AssertLoginPage(await elsewhere.GetAsync("/Proposals"));
        AssertLoginPage(await ReplayAsync(Replayer(), mine));
        Assert.Equal(HttpStatusCode.Redirect, (await portal.NewClient().SignInAsync("chuyenvien@cnht.demo", UserSeeder.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_signs_an_account_out_of_every_device()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Proposals")).StatusCode);
        var id = await portal.ScopedAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("xem@cnht.demo"))!.Id);

        var admin = await portal.SignInAsAsync("Admin");
        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>(), $"/Admin/Users/Edit/{id}?handler=SignOutEverywhere");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        AssertLoginPage(await viewer.GetAsync("/Proposals"));
    }
}
