using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Form posting with the antiforgery token, as a browser would (after eShopOnWeb's WebPageHelpers).</summary>
public static partial class WebPageHelpers
{
    public static readonly IReadOnlyDictionary<string, string> DemoEmails = new Dictionary<string, string>
    {
        ["Admin"] = "admin@cnht.demo",
        ["DoitSpecialist"] = "chuyenvien@cnht.demo",
        ["DoitLeader"] = "lanhdao@cnht.demo",
        ["SupportCenter"] = "trungtam@cnht.demo",
        ["Viewer"] = "xem@cnht.demo",
    };

    public static HttpClient NewClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.ClientOptions.BaseAddress });

    /// <summary>A client signed in as the demo user of the role.</summary>
    public static async Task<HttpClient> SignInAsAsync(this WebApplicationFactory<Program> factory, string role)
    {
        var client = factory.NewClient();
        var response = await client.SignInAsync(DemoEmails[role], UserSeeder.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>
    /// GETs the page to obtain its antiforgery token, then posts the form to it (or to <paramref name="action"/>).
    /// Like a browser, the version the page was opened on (hidden <c>Act.Stamp</c>, <c>Input.Version</c>, <c>Version</c>)
    /// goes with the form unless the test sets it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(html) };
        foreach (Match hidden in VersionFieldRegex().Matches(html))
        {
            form.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts exactly <paramref name="fields"/> with the page's antiforgery token: no hidden version is carried (a stale or hand-made form).</summary>
    public static async Task<HttpResponseMessage> PostBareFormAsync(this HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(html) };
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" (?:id=\"[^\"]*\" )?name=\"(Act\\.Stamp|Input\\.Version|Version)\"(?: [a-z-]+=\"[^\"]*\")*? value=\"([^\"]*)\"")]
    private static partial Regex VersionFieldRegex();

    /// <summary>The value of a hidden field of the page (the version a form was opened on).</summary>
    public static string HiddenValue(string html, string name)
    {
        foreach (Match hidden in VersionFieldRegex().Matches(html))
        {
            if (WebUtility.HtmlDecode(hidden.Groups[1].Value) == name)
            {
                return WebUtility.HtmlDecode(hidden.Groups[2].Value);
            }
        }

        throw new InvalidOperationException($"No hidden field {name} on the page.");
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenRegex().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
