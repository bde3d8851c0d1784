using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>Sessions end when they must: disabled accounts, changed passwords, changed roles; two-factor for Admin and DoitLeader.</summary>
public sealed partial class SessionSecurityTests
{
    private static async Task<string> UserIdAsync(CnhtFactory portal, string email) =>
        await portal.ScopedAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        // Not "/": since issue 17 an anonymous visitor gets the public portal's home there.
        var response = await client.GetAsync("/Account/Security");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_at_once_and_blocks_sign_in()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var viewer = await portal.SignInAsAsync("Viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/")).StatusCode);

        var admin = await portal.SignInAsAsync("Admin");
        var id = await UserIdAsync(portal, "xem@cnht.demo");
        var disable = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>(), $"/Admin/Users/Edit/{id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        await AssertSignedOutAsync(viewer);
        var again = await portal.NewClient().SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword);
        Assert.Contains("vô hiệu hóa", await again.Content.ReadAsStringAsync());

        await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>(), $"/Admin/Users/Edit/{id}?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, (await portal.NewClient().SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Opening_the_account_page_keeps_every_other_session_and_shows_a_key_to_scan()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var here = await portal.SignInAsAsync("Viewer");
        var elsewhere = await portal.SignInAsAsync("Viewer");

        var first = await here.GetStringAsync("/Account/Security");
        // The key's QR code is drawn on the server: an SVG in the page, no script and no key in an attribute.
        Assert.Matches("<div id=\"qr\"[^>]*><svg[^>]*>.*<rect", first.ReplaceLineEndings(" "));
        Assert.DoesNotContain("data-uri", first);
        // The key is made once and kept: opening the page again shows the same one.
        Assert.Equal(KeyOf(first), KeyOf(await here.GetStringAsync("/Account/Security")));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/Proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Proposals")).StatusCode);
    }

    private static string KeyOf(string html) =>
        SharedKeyRegex().Match(html).Groups[1].Value is { Length: > 0 } key ? key : throw new Xunit.Sdk.XunitException("no key on the page");

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_session()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var here = await portal.SignInAsAsync("SupportCenter");
        var elsewhere = await portal.SignInAsAsync("SupportCenter");

        var change = await here.PostFormAsync("/Account/Security", new Dictionary<string, string>
        {
            ["Password.Current"] = UserSeeder.DemoPassword,
            ["Password.New"] = "Mat-khau-moi@2026",
            ["Password.Confirm"] = "Mat-khau-moi@2026",
        }, "/Account/Security?handler=ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        await AssertSignedOutAsync(elsewhere);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.NewClient().SignInAsync("trungtam@cnht.demo", "Mat-khau-moi@2026")).StatusCode);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_in_vietnamese()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var client = await portal.SignInAsAsync("Viewer");
        var response = await client.PostFormAsync("/Account/Security", new Dictionary<string, string>
        {
            ["Password.Current"] = UserSeeder.DemoPassword, ["Password.New"] = "abc", ["Password.Confirm"] = "abc",
        }, "/Account/Security?handler=ChangePassword");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("Mật khẩu phải có ít nhất 10 ký tự", StringComparison.Ordinal), $"{(int)response.StatusCode} {response.Headers.Location} {html}");
    }

    [Fact]
    public async Task A_new_role_takes_effect_on_the_next_request()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var viewer = await portal.SignInAsAsync("Viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Catalog")).StatusCode);
        var admin = await portal.SignInAsAsync("Admin");
        var id = await UserIdAsync(portal, "xem@cnht.demo");
        var save = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Phạm Thị Dung", ["Input.Role"] = "Admin",
        }, $"/Admin/Users/Edit/{id}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await AssertSignedOutAsync(viewer);
    }

    [Theory]
    [InlineData("DoitSpecialist")]
    [InlineData("DoitLeader")]
    [InlineData("SupportCenter")]
    [InlineData("Viewer")]
    public async Task Only_the_administrator_manages_accounts(string role)
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var client = await portal.SignInAsAsync(role);
        var response = await client.GetAsync("/Admin/Users");
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_administrator_creates_an_account_that_can_sign_in()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var admin = await portal.SignInAsAsync("Admin");
        var bad = await admin.PostFormAsync("/Admin/Users", new Dictionary<string, string>
        {
            ["Input.Email"] = "chuyenvien2@sct.nghean.gov.vn", ["Input.FullName"] = "Hoàng Văn Em", ["Input.Role"] = "DoitSpecialist", ["Input.Password"] = "ngan",
        });
        Assert.Contains("Mật khẩu phải có ít nhất", await bad.Content.ReadAsStringAsync());
        var ok = await admin.PostFormAsync("/Admin/Users", new Dictionary<string, string>
        {
            ["Input.Email"] = "chuyenvien2@sct.nghean.gov.vn", ["Input.FullName"] = "Hoàng Văn Em", ["Input.Role"] = "DoitSpecialist", ["Input.Password"] = "Chuyen-vien@2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("chuyenvien2@sct.nghean.gov.vn", "Chuyen-vien@2026")).StatusCode);
        Assert.Contains("Hoàng Văn Em", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Leaders_must_set_up_two_factor_then_sign_in_with_a_code_or_a_recovery_code()
    {
        await using var portal = new CnhtFactory { EnforceTwoFactor = true };
        await portal.EnsureDemoUsersAsync();
        var leader = await portal.SignInAsAsync("DoitLeader");

        // Without a second factor every page leads to the set-up page.
        var home = await leader.GetAsync("/Catalog");
        Assert.Equal("/Account/Security?required=1", home.Headers.Location!.OriginalString);
        var setup = await leader.GetStringAsync("/Account/Security?required=1");
        var key = SharedKeyRegex().Match(setup).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));

        var wrong = await leader.PostFormAsync("/Account/Security", new Dictionary<string, string> { ["Verify.Code"] = "000000" }, "/Account/Security?handler=Enable");
        Assert.Contains("Mã xác thực không đúng", await wrong.Content.ReadAsStringAsync());
        var enable = await leader.PostFormAsync("/Account/Security", new Dictionary<string, string> { ["Verify.Code"] = Totp.Code(key) }, "/Account/Security?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        var codesPage = await leader.GetStringAsync("/Account/Security");
        var recovery = RecoveryRegex().Matches(codesPage).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recovery.Count);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/Catalog")).StatusCode);

        // Next sign-in: password, then the authenticator code.
        var fresh = portal.NewClient();
        var step1 = await fresh.SignInAsync("lanhdao@cnht.demo", UserSeeder.DemoPassword);
        Assert.StartsWith("/Account/TwoFactor", step1.Headers.Location!.OriginalString);
        var step2 = await fresh.PostFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/Catalog")).StatusCode);

        // A recovery code works once.
        var lost = portal.NewClient();
        await lost.SignInAsync("lanhdao@cnht.demo", UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await lost.PostFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Input.Code"] = recovery[0] })).StatusCode);
        var reuse = portal.NewClient();
        await reuse.SignInAsync("lanhdao@cnht.demo", UserSeeder.DemoPassword);
        var refused = await reuse.PostFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Input.Code"] = recovery[0] });
        Assert.Contains("Mã xác thực không đúng", await refused.Content.ReadAsStringAsync());

        // The mandatory second factor cannot be switched off.
        var disable = await fresh.PostFormAsync("/Account/Security", new Dictionary<string, string>(), "/Account/Security?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.True(await portal.ScopedAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("lanhdao@cnht.demo"))!.TwoFactorEnabled));
    }

    [Fact]
    public async Task Specialists_are_not_forced_into_two_factor_but_may_opt_in()
    {
        await using var portal = new CnhtFactory { EnforceTwoFactor = true };
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync("/Catalog")).StatusCode);
        var page = await specialist.GetStringAsync("/Account/Security");
        Assert.Contains("Chưa bật", page);
    }

    [GeneratedRegex("<code id=\"shared-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKeyRegex();

    [GeneratedRegex("<li class=\"col\">([0-9A-Z]{5}-[0-9A-Z]{5})</li>")]
    private static partial Regex RecoveryRegex();
}
