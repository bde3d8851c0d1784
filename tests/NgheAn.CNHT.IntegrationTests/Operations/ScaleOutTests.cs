using System.Net;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>
/// Two nodes behind a load balancer, as two hosts over one database: whatever one node issues (sign-in
/// cookie, antiforgery token) the other accepts, because the data-protection keys live in the database.
/// A third host over another database is the control: it must refuse them.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime, IDisposable
{
    private readonly CnhtFactory _nodeA = new();
    private CnhtFactory _nodeB = null!;
    private readonly CnhtFactory _foreign = new(seedDemoData: false);

    public async Task InitializeAsync()
    {
        await _nodeA.EnsureDemoUsersAsync();
        _nodeB = new CnhtFactory(seedDemoData: false, databasePath: _nodeA.DatabasePath);
        _ = _nodeB.Server;
        _ = _foreign.Server;
    }

    private static HttpClient Bare(WebApplicationFactory<Program> node) =>
        node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The cookies a response sets, as a Cookie request header.</summary>
    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    private static async Task<HttpResponseMessage> GetWithCookies(HttpClient client, string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_node_is_accepted_by_the_other()
    {
        var signIn = await _nodeA.NewClient().SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = Cookies(signIn);
        Assert.Contains("cnht.auth=", auth);

        var onB = await GetWithCookies(Bare(_nodeB), "/", auth);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("27.247,993", await onB.Content.ReadAsStringAsync());

        var onForeign = await GetWithCookies(Bare(_foreign), "/Account/Security", auth);
        Assert.Equal(HttpStatusCode.Redirect, onForeign.StatusCode);
        Assert.StartsWith("/Account/Login", onForeign.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_form_rendered_by_one_node_can_be_posted_to_the_other()
    {
        var form = await Bare(_nodeA).GetAsync("/Account/Login");
        var antiforgeryCookie = Cookies(form);
        var token = WebPageHelpers.AntiforgeryToken(await form.Content.ReadAsStringAsync());

        HttpRequestMessage Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = "chuyenvien@cnht.demo",
                    ["Input.Password"] = UserSeeder.DemoPassword,
                    ["__RequestVerificationToken"] = token,
                }),
            };
            request.Headers.Add("Cookie", antiforgeryCookie);
            return request;
        }

        var onB = await Bare(_nodeB).SendAsync(Post());
        Assert.Equal(HttpStatusCode.Redirect, onB.StatusCode);
        Assert.Equal("/", onB.Headers.Location!.OriginalString);

        // And the session begun on B carries on at A.
        var back = await GetWithCookies(Bare(_nodeA), "/", Cookies(onB));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);

        var onForeign = await Bare(_foreign).SendAsync(Post());
        Assert.Equal(HttpStatusCode.BadRequest, onForeign.StatusCode);
    }

    [Fact]
    public async Task Both_nodes_use_the_one_key_stored_in_the_database()
    {
        var stored = await _nodeA.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        var single = Assert.Single(stored);
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            var keys = node.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.Equal($"key-{Assert.Single(keys).KeyId:D}", single);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _foreign.Dispose();
        _nodeB?.Dispose();
        _nodeA.Dispose();
    }
}
