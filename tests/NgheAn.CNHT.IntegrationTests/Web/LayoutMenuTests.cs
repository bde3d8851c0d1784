using System.Net;
using System.Text.RegularExpressions;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Pages.Shared;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>
/// The layout's main menu is kept rendered per role set and section (ADR 0217) and the page carries one sign-out form:
/// once warm, each user still sees the menu of their own roles, their own name and their own bell, the active section
/// follows the path, and the sign-out stays a POST with an antiforgery token.
/// </summary>
public sealed partial class LayoutMenuTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Once_warm_each_user_sees_the_menu_of_their_roles_and_their_own_name()
    {
        var admin = await portal.SignInAsAsync("Admin");
        var viewer = await portal.SignInAsAsync("Viewer");
        var center = await portal.SignInAsAsync("SupportCenter");

        for (var round = 0; round < 2; round++)
        {
            var adminHome = WebUtility.HtmlDecode(await admin.GetStringAsync("/"));
            var viewerHome = WebUtility.HtmlDecode(await viewer.GetStringAsync("/"));
            var centerHome = WebUtility.HtmlDecode(await center.GetStringAsync("/"));

            Assert.Contains("Tài khoản người dùng", adminHome);
            Assert.DoesNotContain("Tài khoản người dùng", viewerHome);
            Assert.DoesNotContain("Tài khoản người dùng", centerHome);
            Assert.Contains("Nhập dữ liệu", centerHome);
            Assert.DoesNotContain("Nhập dữ liệu", viewerHome);
            Assert.Contains("Tiếp nhận hồ sơ", centerHome);
            Assert.DoesNotContain("Tiếp nhận hồ sơ", adminHome);

            // The names are outside the kept menu: each page carries its own user's.
            Assert.Contains("Tài khoản: ", viewerHome);
            Assert.NotEqual(AccountName(adminHome), AccountName(viewerHome));
            Assert.NotEqual(AccountName(centerHome), AccountName(viewerHome));
        }
    }

    [Fact]
    public async Task The_active_section_follows_the_path_with_the_menu_kept()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal("/", ActiveLink(await viewer.GetStringAsync("/")));
            Assert.Equal("/Proposals", ActiveLink(await viewer.GetStringAsync("/Proposals")));
            Assert.Equal("/Disbursements", ActiveLink(await viewer.GetStringAsync("/Disbursements")));
        }
    }

    [Fact]
    public async Task One_sign_out_form_with_its_token_and_the_phone_button_submits_it()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        var html = await viewer.GetStringAsync("/");

        var forms = SignOutFormRegex().Matches(html);
        var form = Assert.Single(forms);
        Assert.Contains("id=\"sign-out\"", form.Value);
        Assert.Single(TokenRegex().Matches(html));
        Assert.Contains("form=\"sign-out\"", html);

        // Still a POST that needs the token: without it the portal refuses, with it the session ends.
        var refused = await viewer.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var signedOut = await viewer.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/Proposals")).StatusCode);
    }

    [Fact]
    public void Every_section_the_menu_marks_active_is_in_its_key()
    {
        var marked = new[] { "src/NgheAn.CNHT.Web/Pages/Shared/_Layout.cshtml", "src/NgheAn.CNHT.Web/Pages/Shared/_EnterpriseNav.cshtml" }
            .SelectMany(f => ActiveCallRegex().Matches(File.ReadAllText(RepositoryFiles.PathOf(f))).Select(m => m.Groups[1].Value))
            .Where(p => p != "/")
            .Distinct()
            .ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, prefix => Assert.Contains(prefix, LayoutMenu.Sections));
    }

    private static string AccountName(string html) => AccountRegex().Match(html).Groups[1].Value;

    private static string? ActiveLink(string html) => ActiveLinkRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("Tài khoản: ([^<\"]+)<")]
    private static partial Regex AccountRegex();

    [GeneratedRegex("class=\"nav-link active\" aria-current=\"page\" href=\"([^\"]+)\"")]
    private static partial Regex ActiveLinkRegex();

    [GeneratedRegex("<form[^>]*action=\"/Account/Logout\"[^>]*>")]
    private static partial Regex SignOutFormRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("Active\\(\"([^\"]+)\"\\)")]
    private static partial Regex ActiveCallRegex();
}
