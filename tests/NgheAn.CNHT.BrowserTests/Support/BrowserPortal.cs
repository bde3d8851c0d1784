using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.BrowserTests.Support;

/// <summary>
/// The real portal on Kestrel (random port on 127.0.0.1) and Debian's Chromium driven by Playwright.
/// No browser is downloaded: Playwright launches /usr/bin/chromium (README installs it).
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public CnhtFactory Factory { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string OutputFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "test-output", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        // The test command runs the three test projects at once on two cores: a page answering a post can take longer
        // than Playwright's default 5 s there. Waits stay bounded; only the bound is wider.
        Assertions.SetDefaultExpectTimeout(15_000);
        Factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        Factory.StartServer();
        await Factory.EnsureDemoUsersAsync();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--lang=vi-VN", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page that records console errors and failed requests.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        return (context, page, problems);
    }

    public async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(UserSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForPageAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
