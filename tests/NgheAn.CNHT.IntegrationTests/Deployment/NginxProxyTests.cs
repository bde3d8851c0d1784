using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Deployment;

/// <summary>
/// The nginx configuration in deploy/nginx, run by Debian's nginx on loopback ports in front of two real
/// portal nodes (Kestrel) over one database. Only what Docker provides is substituted: the node address
/// (`web:8080` becomes an upstream of the two nodes), the listening ports and the mounted paths.
/// </summary>
public sealed class NginxProxyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cnht-tests", $"nginx-{Guid.NewGuid():N}");
    private readonly List<IDisposable> _owned = [];

    public NginxProxyTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "certs"));
        // nginx's workers (user nobody) create their temporary folders under this prefix.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>A portal node that names itself in a response header, so the test sees which node answered.</summary>
    private sealed class Node(string name, string? databasePath) : CnhtFactory(seedDemoData: databasePath is null, databasePath)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new NodeHeader(name)));
        }

        public string Start()
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }

    private sealed class NodeHeader(string name) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.Headers["X-Cnht-Node"] = name;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>deploy/nginx/{file} as Docker would mount it, wrapped in a minimal nginx.conf.</summary>
    private string Configure(string file, IReadOnlyList<string> nodes, int httpPort, int httpsPort)
    {
        var server = File.ReadAllText(RepositoryFiles.PathOf($"deploy/nginx/{file}"))
            .Replace("/etc/nginx/cnht/portal.conf", Path.Combine(_folder, "portal.conf"), StringComparison.Ordinal)
            .Replace("/etc/nginx/certs/", Path.Combine(_folder, "certs") + "/", StringComparison.Ordinal)
            .Replace("listen 80 default_server;", $"listen 127.0.0.1:{httpPort} default_server;", StringComparison.Ordinal)
            .Replace("listen 443 ssl default_server;", $"listen 127.0.0.1:{httpsPort} ssl default_server;", StringComparison.Ordinal);
        var portal = File.ReadAllText(RepositoryFiles.PathOf("deploy/nginx/portal.conf"));
        Assert.Contains("set $cnht_web http://web:8080;", portal);
        Assert.Contains("alias /etc/nginx/cnht/errors/;", portal);
        // Read by nginx's workers (user nobody), as the pages mounted read-only into the proxy container are.
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var errors = Directory.CreateDirectory(Path.Combine(_folder, "errors")).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(errors, readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        foreach (var page in Directory.GetFiles(RepositoryFiles.PathOf("deploy/nginx/errors")))
        {
            var copy = Path.Combine(errors, Path.GetFileName(page));
            File.Copy(page, copy, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(copy, readable);
            }
        }

        File.WriteAllText(Path.Combine(_folder, "portal.conf"), portal
            .Replace("http://web:8080", "http://cnht_nodes", StringComparison.Ordinal)
            .Replace("/etc/nginx/cnht/errors/", errors + "/", StringComparison.Ordinal));

        var upstream = nodes.Count == 0 ? "" : "upstream cnht_nodes {\n" + string.Concat(nodes.Select(n => $"    server {new Uri(n).Authority};\n")) + "}\n";
        var main = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(main, $$"""
            pid {{_folder}}/nginx.pid;
            error_log stderr warn;
            events {}
            http {
                access_log off;
            {{upstream}}
            {{server}}
            }
            """);
        return main;
    }

    private async Task CreateCertificateAsync()
    {
        var certs = Path.Combine(_folder, "certs");
        var result = await Tool.RunAsync("openssl", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=cnht.test",
            "-keyout", Path.Combine(certs, "cnht.key"), "-out", Path.Combine(certs, "cnht.crt"));
        Assert.True(result.ExitCode == 0, result.Output);
    }

    private async Task<Process> StartNginxAsync(string config, int port)
    {
        var nginx = Tool.Start(Tool.StartInfo("nginx", ["-p", _folder, "-c", config, "-e", "stderr", "-g", "daemon off;"]), "nginx");
        _owned.Add(new Stopper(nginx));
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException) when (!nginx.HasExited)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("nginx did not start: " + await nginx.StandardError.ReadToEndAsync());
    }

    /// <summary>Stops nginx the way it expects (SIGTERM to the master, which stops its workers), never by killing the master alone.</summary>
    private sealed class Stopper(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                using var stop = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                stop.WaitForExit(5000);
                if (!process.WaitForExit(10_000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            process.Dispose();
        }
    }

    [Theory]
    [InlineData("http.conf")]
    [InlineData("https.conf")]
    public async Task Nginx_accepts_the_configuration(string file)
    {
        await CreateCertificateAsync();
        var config = Configure(file, ["http://127.0.0.1:8080"], 8081, 8443);
        var result = await Tool.RunAsync(Tool.StartInfo("nginx", ["-t", "-p", _folder, "-c", config, "-e", "stderr"]), "nginx");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("test is successful", result.Output);
    }

    [Fact]
    public async Task Behind_nginx_two_nodes_share_the_sign_in_and_the_forms_of_each_other()
    {
        using var nodeA = new Node("A", null);
        var a = nodeA.Start();
        await nodeA.EnsureDemoUsersAsync();
        using var nodeB = new Node("B", nodeA.DatabasePath);
        var b = nodeB.Start();

        var port = FreePort();
        await StartNginxAsync(Configure("http.conf", [a, b], port, FreePort()), port);

        // Plain HTTP on the loopback address: a browser keeps the portal's Secure cookies here (a secure context).
        using var handler = new LoopbackCookieHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var signIn = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "lanhdao@cnht.demo",
            ["Input.Password"] = UserSeeder.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // nginx alternates between the nodes; every request stays signed in whichever node answers.
        var answeredBy = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("27.247,993", await home.Content.ReadAsStringAsync());
            answeredBy.Add(home.Headers.GetValues("X-Cnht-Node").Single());
        }

        Assert.Equal(["A", "B"], answeredBy.Order());

        // The sign-out form is fetched from one node and posted through nginx to the other.
        var signOut = await client.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Security")).StatusCode);
    }

    [Fact]
    public async Task With_https_at_nginx_the_portal_sees_https_sends_hsts_and_secure_cookies()
    {
        await CreateCertificateAsync();
        using var node = new Node("A", null);
        var address = node.Start();
        var httpPort = FreePort();
        var httpsPort = FreePort();
        await StartNginxAsync(Configure("https.conf", [address], httpPort, httpsPort), httpsPort);

        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // The test certificate is self-signed.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        using var client = new HttpClient(handler);

        using var plain = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{httpPort}/Account/Login");
        plain.Headers.Host = "cnht.test";
        var redirect = await client.SendAsync(plain);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("https://cnht.test/Account/Login", redirect.Headers.Location!.OriginalString);

        using var secure = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{httpsPort}/Account/Login");
        secure.Headers.Host = "cnht.test";
        var page = await client.SendAsync(secure);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cnht.af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("nginx/", string.Join(" ", page.Headers.Server.Select(s => s.ToString())));
    }

    [Fact]
    public async Task An_upload_above_the_proxy_limit_is_refused_in_Vietnamese_before_it_reaches_the_portal()
    {
        using var node = new Node("A", null);
        var address = node.Start();
        var port = FreePort();
        await StartNginxAsync(Configure("http.conf", [address], port, FreePort()), port);

        // A browser posting a 51 MB file: nginx answers from the announced Content-Length alone, before any
        // of the body is read (a raw request, so that the client does not have to send the 51 MB first).
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            var stream = tcp.GetStream();
            var head = "POST /Import HTTP/1.1\r\nHost: cnht.test\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + $"Content-Length: {51 * 1024 * 1024}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            var response = await reader.ReadToEndAsync();
            Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
            Assert.Contains("Content-Type: text/html; charset=utf-8", response);
            Assert.Contains("Tệp tải lên quá lớn", response);
            Assert.Contains("không có dữ liệu nào được lưu", response);
            Assert.DoesNotContain("X-Cnht-Node", response); // the portal never saw the upload
            Assert.DoesNotContain("<center>nginx</center>", response);
        }

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        // The portal's own error answers pass through as the portal wrote them (no proxy_intercept_errors):
        // a form posted without its antiforgery token.
        using var refused = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@y.z" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("A", refused.Headers.GetValues("X-Cnht-Node").Single());
        Assert.DoesNotContain("Tệp tải lên quá lớn", await refused.Content.ReadAsStringAsync());

        // The portal's redirects keep the port the browser used (Host passed on with its port).
        using var signIn = await client.GetAsync("/Proposals");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith($"http://127.0.0.1:{port}/Account/Login", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_proxy_limit_is_above_the_portals_own_upload_limits_so_the_portal_answers_an_oversized_file_in_words()
    {
        // An image or a workbook above the page's limit must reach the portal, which sends the user back to the form with
        // the reason next to the field (ADR 0042, ADR 0208); nginx's own 413 page is only for what no page accepts.
        var conf = File.ReadAllText(RepositoryFiles.PathOf("deploy/nginx/portal.conf"));
        var match = System.Text.RegularExpressions.Regex.Match(conf, @"^client_max_body_size (\d+)m;", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(match.Success, "client_max_body_size in megabytes");
        var proxyLimit = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024;
        Assert.True(proxyLimit > NgheAn.CNHT.Web.Portal.ProfileImageUploadLimit.MaxRequestBytes);
        Assert.True(proxyLimit > NgheAn.CNHT.Web.Services.ImportStreaming.MaxRequestBytes);
    }

    [Fact]
    public async Task With_no_node_answering_nginx_says_so_in_Vietnamese()
    {
        // The only upstream is a port nobody listens on: every node down (restart, maintenance).
        var port = FreePort();
        await StartNginxAsync(Configure("http.conf", [$"http://127.0.0.1:{FreePort()}"], port, FreePort()), port);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var down = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.BadGateway, down.StatusCode);
        var html = await down.Content.ReadAsStringAsync();
        Assert.Contains("Cổng thông tin tạm thời gián đoạn", html);
        Assert.DoesNotContain("nginx", html, StringComparison.OrdinalIgnoreCase);

        // The error pages are internal: asked for by their own address, they are not there.
        using var direct = await client.GetAsync("/cnht-errors/413.html");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
