using System.Net;
using System.Text.RegularExpressions;
using NgheAn.CNHT.IntegrationTests.Security;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>
/// Every page of the portal (every GET row of the authorization matrix, opened by a caller allowed to see it)
/// speaks Vietnamese: a Vietnamese title, lang="vi", and no English left in its text, labels, placeholders,
/// tooltips or button captions. Error pages and form refusals too.
/// </summary>
public sealed partial class VietnameseEverywhereTests(MatrixPortal portal) : IClassFixture<MatrixPortal>
{
    /// <summary>Callers tried in this order; the first one the matrix lets in opens the page.</summary>
    private static readonly string[] Callers = ["Viewer", "DoitSpecialist", "DoitLeader", "SupportCenter", "Admin", "Anonymous", "Enterprise"];
    private static readonly string[] Columns = ["Anonymous", "Admin", "DoitSpecialist", "DoitLeader", "SupportCenter", "Viewer", "Enterprise"];

    /// <summary>Whole English words that have leaked into Vietnamese UIs before (framework defaults, scaffolding, placeholders).</summary>
    [GeneratedRegex(@"\b(Submit|Cancel|Save|Delete|Edit|Search|Previous|Next|Close|Loading|Error|Login|Log in|Logout|Log out|Sign in|Sign out|Home|Dashboard|Settings|Details|Create|Back to List|Back|Required|Invalid|The field|is required|must be|is not valid|Toggle navigation|Password|Remember me|Privacy|Welcome|Upload|Download|Filter|Reset|Page|of|Total|Yes|No|Unknown|Actions|Status|Name|Date|Amount|Description|Notifications|Mark as read|Guide|Help)\b")]
    private static partial Regex English();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Attributes a person reads, and the validation messages (data-val-*) a client-side check would show.</summary>
    [GeneratedRegex("(?:placeholder|title|aria-label|alt|data-val-[a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex ReadableAttributes();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    /// <summary>The page's words a person reads: text outside tags, scripts and styles, and the readable attributes.</summary>
    private static string Readable(string html)
    {
        var withoutCode = Code().Replace(html, " ");
        var attributes = string.Join(" ", ReadableAttributes().Matches(withoutCode).Select(m => m.Groups[1].Value));
        // Codes, e-mail addresses and URLs are data, not language.
        var text = WebUtility.HtmlDecode(Tag().Replace(withoutCode, " ") + " " + attributes);
        return Regex.Replace(text, @"\S+@\S+|https?://\S+|/[A-Za-z/]+", " ");
    }

    private static void AssertVietnamese(string url, string html)
    {
        Assert.Contains("<html lang=\"vi\">", html);
        var title = WebUtility.HtmlDecode(Title().Match(html).Groups[1].Value.Trim());
        Assert.Matches(@"^\S.* — CNHT Nghệ An$", title);
        var leaks = English().Matches(Readable(html)).Select(m => m.Value).Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{url}: English on the page: {string.Join(", ", leaks)}");
    }

    /// <summary>The pages that answer with a redirect for the caller who opens them, and where each one sends him.</summary>
    private static readonly Dictionary<string, string> Redirects = new(StringComparer.Ordinal)
    {
        // Without a password step just passed, the second-factor page starts at the sign-in.
        ["GET /Account/TwoFactor"] = "/Account/Login",
        // The sample proposal has left draft: editing is refused and the caller is shown the proposal instead.
        ["GET /Proposals/Edit/{id:int}"] = "/Proposals/Details/{id}",
    };

    [GeneratedRegex(@"/(\d+)(?:$|[/?])")]
    private static partial Regex IdIn();

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in AuthorizationMatrixTests.Table.Keys.Where(k => k.StartsWith("GET /", StringComparison.Ordinal)
                     && !k.Contains("?handler=", StringComparison.Ordinal) && !k.Contains("/api/", StringComparison.Ordinal)
                     && !k.Contains("openapi", StringComparison.Ordinal) && !k.Contains("/health/", StringComparison.Ordinal)
                     && !k.Contains("{**path", StringComparison.Ordinal) && !k.EndsWith("/Index", StringComparison.Ordinal)
                     && !k.Contains("/Account/Logout", StringComparison.Ordinal)
                     // The public portal's English pages (issue 17) and its open data files are not Vietnamese HTML.
                     && !k.StartsWith("GET /en", StringComparison.Ordinal)
                     && !k.EndsWith(".csv", StringComparison.Ordinal) && !k.EndsWith(".json", StringComparison.Ordinal)
                     && !k.EndsWith(".xml", StringComparison.Ordinal) && !k.EndsWith(".txt", StringComparison.Ordinal) && !k.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            data.Add(endpoint);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_is_in_vietnamese(string endpoint)
    {
        var outcomes = AuthorizationMatrixTests.Table[endpoint].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var who = Callers.First(c => outcomes[Array.IndexOf(Columns, c)] == "A");
        var client = await portal.ClientAsync(who);
        var url = portal.UrlFor(endpoint["GET ".Length..]);
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (Redirects.TryGetValue(endpoint, out var target))
        {
            // A page that sends the caller elsewhere has no text of its own: it must go exactly where it should.
            var expected = target.Replace("{id}", IdIn().Match(url).Groups[1].Value, StringComparison.Ordinal);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{url} answered {(int)response.StatusCode}, expected a redirect to {expected}");
            Assert.Equal(expected, response.Headers.Location?.OriginalString);
            return;
        }

        Assert.False((int)response.StatusCode is >= 300 and < 400, $"{url} redirected to {response.Headers.Location}, which no row of Redirects expects");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{url} answered {response.Content.Headers.ContentType}");
        AssertVietnamese(url, html);
    }

    [Theory]
    [InlineData("/khong-co-trang-nay", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    [InlineData("/Proposals/Details/999999", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    [InlineData("/Error?code=500", HttpStatusCode.OK, "Đã có lỗi xảy ra")]
    [InlineData("/Error?code=400", HttpStatusCode.OK, "Yêu cầu không hợp lệ")]
    public async Task Error_pages_are_in_vietnamese(string url, HttpStatusCode status, string heading)
    {
        var client = await portal.ClientAsync("Viewer");
        var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{heading}</h1>", WebUtility.HtmlDecode(html));
        AssertVietnamese(url, html);
    }

    [Theory]
    [InlineData("DoitSpecialist", "/Proposals/Create", "Vui lòng")]
    [InlineData("DoitSpecialist", "/Organizations/Create", "Tên đơn vị không được để trống.")]
    [InlineData("Admin", "/Admin/Users", "Vui lòng")]
    public async Task An_empty_form_is_refused_in_vietnamese(string who, string page, string expected)
    {
        var client = await portal.ClientAsync(who);
        var response = await client.PostFormAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, WebUtility.HtmlDecode(html));
        AssertVietnamese(page, html);
    }
}
