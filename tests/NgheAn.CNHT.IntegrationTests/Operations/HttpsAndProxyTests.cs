using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>
/// Behind the reverse proxy: the client's scheme and address come from X-Forwarded-* only when a trusted
/// proxy sends them; plain HTTP is redirected to HTTPS, HSTS goes out on HTTPS, health probes stay on HTTP.
/// </summary>
public sealed class HttpsAndProxyTests : IDisposable
{
    private const string PublicHost = "cnht.sct.nghean.gov.vn";
    private static readonly IPAddress Proxy = IPAddress.Parse("172.30.80.10");

    private readonly CnhtFactory _portal = new(seedDemoData: false)
    {
        Settings =
        {
            ["Https:Redirect"] = "true",
            ["Https:Port"] = "443",
            ["ForwardedHeaders:KnownNetworks:0"] = "172.30.80.0/24",
        },
    };

    private Task<HttpContext> SendAsync(string path, IPAddress from, string? forwardedProto = null, string? forwardedFor = null) =>
        _portal.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(PublicHost);
            c.Request.Path = path;
            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }

            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var context = await SendAsync("/Account/Login", Proxy);
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, context.Response.StatusCode);
        Assert.Equal($"https://{PublicHost}/Account/Login", context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task Https_terminated_by_a_trusted_proxy_is_served_with_hsts_and_the_clients_address()
    {
        var context = await SendAsync("/Account/Login", Proxy, forwardedProto: "https", forwardedFor: "203.113.1.25");
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.True(context.Request.IsHttps);
        Assert.Equal(IPAddress.Parse("203.113.1.25"), context.Connection.RemoteIpAddress);
        Assert.StartsWith("max-age=31536000", context.Response.Headers.StrictTransportSecurity.ToString());
        // The antiforgery cookie set on the sign-in page is Secure once the request is known to be HTTPS.
        Assert.Contains(context.Response.Headers.SetCookie, c => c!.StartsWith("cnht.af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var context = await SendAsync("/Account/Login", IPAddress.Parse("192.0.2.50"), forwardedProto: "https", forwardedFor: "203.113.1.25");
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, context.Response.StatusCode);
        Assert.False(context.Request.IsHttps);
        Assert.Equal(IPAddress.Parse("192.0.2.50"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task Health_probes_are_answered_over_plain_http()
    {
        var context = await SendAsync("/health/live", Proxy);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_proxy_network_that_is_not_cidr_stops_the_portal_at_start()
    {
        var result = await PortalProcess.RunWithEnvironmentAsync(Path.Combine(Path.GetTempPath(), "cnht-tests", $"cidr-{Guid.NewGuid():N}.db"), "Production",
            new Dictionary<string, string?>
            {
                ["ForwardedHeaders__KnownNetworks__0"] = "172.30.80.0",
                ["Portal__MigrateOnStartup"] = "false",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ForwardedHeaders:KnownNetworks", result.StdOut + result.StdErr);
        Assert.Contains("CIDR", result.StdOut + result.StdErr);
    }

    public void Dispose() => _portal.Dispose();
}
