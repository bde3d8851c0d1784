using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>Less said to strangers (issue 23, ADR 0112): no Server header, health details for operators only, Secure cookies outside Development.</summary>
public sealed class StrangerDisclosureTests
{
    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        await using var portal = new CnhtFactory(seedDemoData: false);
        portal.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        foreach (var path in new[] { "/health/live", "/Account/Login", "/khong-co-trang-nay" })
        {
            var response = await http.GetAsync(path);
            Assert.False(response.Headers.Contains("Server"), $"{path}: Server: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
        }
    }

    private static async Task<JsonElement> ReadyFromAsync(CnhtFactory portal, IPAddress address)
    {
        var context = await portal.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            c.Request.Method = "GET";
            c.Request.Path = "/health/ready";
        });
        Assert.Equal(200, context.Response.StatusCode);
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }

    [Fact]
    public async Task Ready_gives_details_only_to_the_node_itself_or_a_signed_in_operator()
    {
        await using var portal = new DemoPortal();
        await portal.InitializeAsync();
        var stranger = IPAddress.Parse("203.0.113.9");

        var bare = await ReadyFromAsync(portal, stranger);
        Assert.Equal("Healthy", bare.GetProperty("status").GetString());
        Assert.False(bare.TryGetProperty("checks", out _), bare.ToString());

        var local = await ReadyFromAsync(portal, IPAddress.Loopback);
        Assert.Equal("Healthy", local.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());

        var viewer = portal.ClientFrom(stranger);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword)).StatusCode);
        Assert.DoesNotContain("\"checks\"", await viewer.GetStringAsync("/health/ready"));

        var admin = portal.ClientFrom(stranger);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin@cnht.demo", UserSeeder.DemoPassword)).StatusCode);
        Assert.Contains("\"migrations\"", await admin.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_outside_development_even_over_plain_http()
    {
        await using var portal = new DemoPortal();
        await portal.InitializeAsync();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var response = await client.SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnht.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
