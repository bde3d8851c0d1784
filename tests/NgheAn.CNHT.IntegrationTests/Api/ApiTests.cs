using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Api;

/// <summary>The read-only API under /api/v1: API keys issued and revoked by Admin, or the sign-in cookie; 401 without.</summary>
public sealed partial class ApiTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private Task<(string Secret, HttpClient Admin)> IssueKeyAsync(string name) => IssueKeyAsync(portal, name);

    /// <summary>An Admin issues a key in the portal; the secret is read from the page that shows it once.</summary>
    internal static async Task<(string Secret, HttpClient Admin)> IssueKeyAsync(CnhtFactory portal, string name)
    {
        var admin = await portal.SignInAsAsync("Admin");
        var response = await admin.PostFormAsync("/Admin/ApiKeys", new Dictionary<string, string> { ["Input.Name"] = name }, "/Admin/ApiKeys?handler=Issue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var secret = NewKey().Match(html).Groups[1].Value;
        Assert.StartsWith("cnht_", secret);
        return (secret, admin);
    }

    private HttpClient WithKey(string secret)
    {
        var client = portal.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Theory]
    [InlineData("/api/v1/programs")]
    [InlineData("/api/v1/programs/2018-2025/appendix")]
    [InlineData("/api/v1/programs/2018-2025/proposals")]
    [InlineData("/api/v1/programs/2018-2025/ledger")]
    public async Task Without_a_key_or_a_session_the_api_answers_401_with_a_json_problem(string url)
    {
        var response = await portal.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_frameworks_own_refusals_answer_as_json_problems_in_vietnamese()
    {
        var (secret, _) = await IssueKeyAsync("Kiểm tra lỗi API");
        var client = WithKey(secret);

        async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain("   at ", body);
            return body;
        }

        Assert.Contains("Yêu cầu không hợp lệ", await ProblemAsync(await client.GetAsync("/api/v1/programs/2018-2025/proposals?page=abc"), HttpStatusCode.BadRequest));
        Assert.Contains("Yêu cầu không hợp lệ", await ProblemAsync(await client.GetAsync("/api/v1/programs/2018-2025/ledger?from=hom-qua"), HttpStatusCode.BadRequest));
        Assert.Contains("Không tìm thấy", await ProblemAsync(await client.GetAsync("/api/v1/khong-co"), HttpStatusCode.NotFound));
        var post = await client.PostAsync("/api/v1/programs", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("API chỉ đọc", await ProblemAsync(post, HttpStatusCode.MethodNotAllowed));
        Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow));
        // The portal's pages keep their HTML error page.
        var page = await (await portal.SignInAsAsync("Viewer")).GetAsync("/khong-co-trang-nay");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_leader_who_has_not_used_two_factor_gets_a_json_refusal_from_the_api_not_a_redirect()
    {
        await using var enforced = new CnhtFactory { EnforceTwoFactor = true };
        await enforced.EnsureDemoUsersAsync();
        var leader = await enforced.SignInAsAsync("DoitLeader");
        var response = await leader.GetAsync("/api/v1/programs");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("xác thực hai lớp", await response.Content.ReadAsStringAsync());
        // Pages still send the leader to set up two-factor.
        var home = await leader.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Security", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_made_up_key_is_refused()
    {
        var response = await WithKey("cnht_khong-phai-khoa-that").GetAsync("/api/v1/programs");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("không hợp lệ hoặc đã bị thu hồi", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_issued_key_reads_the_appendix_with_amounts_as_integers_of_dong()
    {
        var (secret, _) = await IssueKeyAsync("Trang dữ liệu ngành");
        var api = WithKey(secret);

        var appendix = await Json(await api.GetAsync("/api/v1/programs/2018-2025/appendix"));

        var total = appendix.GetProperty("total");
        Assert.Equal(23, total.GetProperty("proposalCount").GetInt32());
        Assert.Equal("27247993000", total.GetProperty("totalCost").GetRawText());
        Assert.Equal("5500342000", total.GetProperty("provincialShare").GetRawText());
        var group1 = appendix.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("code").GetString() == "1");
        Assert.Equal(5.34m, group1.GetProperty("figures").GetProperty("percentOfPlan").GetDecimal());

        var year = await Json(await api.GetAsync("/api/v1/programs/2018-2025/appendix?from=2025&to=2025"));
        Assert.Equal(1, year.GetProperty("total").GetProperty("proposalCount").GetInt32());
    }

    [Fact]
    public async Task An_issued_key_reads_programs_catalog_proposals_and_ledger()
    {
        var (secret, _) = await IssueKeyAsync("Kho dữ liệu tỉnh");
        var api = WithKey(secret);

        var programs = await Json(await api.GetAsync("/api/v1/programs"));
        Assert.Contains(programs.EnumerateArray(), p => p.GetProperty("code").GetString() == "2026-2030");

        var catalog = await Json(await api.GetAsync("/api/v1/programs/2018-2025"));
        Assert.Equal(8, catalog.GetProperty("groups").GetArrayLength());
        Assert.Equal("5400000000", catalog.GetProperty("groups")[2].GetProperty("items")[2].GetProperty("planAmount").GetRawText());

        var settled = await Json(await api.GetAsync("/api/v1/programs/2018-2025/proposals?status=Settled&pageSize=5&page=2"));
        Assert.Equal(21, settled.GetProperty("totalCount").GetInt32());
        Assert.Equal(5, settled.GetProperty("pageCount").GetInt32());
        Assert.Equal(5, settled.GetProperty("items").GetArrayLength());
        Assert.All(settled.GetProperty("items").EnumerateArray(), p => Assert.Equal("Settled", p.GetProperty("status").GetString()));

        var item33 = await Json(await api.GetAsync("/api/v1/programs/2018-2025/proposals?item=3.3&fromYear=2024"));
        Assert.Equal(["CNHT-2024-01", "CNHT-2025-01"], item33.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray());
        Assert.Equal("2700000000", item33.GetProperty("items")[0].GetProperty("totalCost").GetRawText());

        var ledger = await Json(await api.GetAsync("/api/v1/programs/2018-2025/ledger?proposal=CNHT-2020-01"));
        Assert.True(ledger.GetProperty("totalCount").GetInt32() >= 2);
        Assert.All(ledger.GetProperty("items").EnumerateArray(), e => Assert.Equal("CNHT-2020-01", e.GetProperty("proposalCode").GetString()));
        Assert.Equal(JsonValueKind.Number, ledger.GetProperty("items")[0].GetProperty("amount").ValueKind);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var (secret, admin) = await IssueKeyAsync("Khóa sẽ thu hồi");
        var api = WithKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/programs")).StatusCode);

        var list = await admin.GetStringAsync("/Admin/ApiKeys");
        Assert.DoesNotContain(secret, list);
        var id = Regex.Match(list, "Khóa sẽ thu hồi</td>.*?[?&;]id=(\\d+)", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(id);
        var revoke = await admin.PostFormAsync("/Admin/ApiKeys", new Dictionary<string, string>(), $"/Admin/ApiKeys?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/programs")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_reader_uses_the_api_with_the_cookie_and_an_admin_cookie_is_forbidden()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/programs/2018-2025/appendix")).StatusCode);

        var admin = await portal.SignInAsAsync("Admin");
        var forbidden = await admin.GetAsync("/api/v1/programs");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/programs/1999-2000/appendix", HttpStatusCode.NotFound, "Không có chương trình mã 1999-2000")]
    [InlineData("/api/v1/programs/2018-2025/appendix?from=2010&to=2012", HttpStatusCode.BadRequest, "nằm ngoài giai đoạn")]
    [InlineData("/api/v1/programs/2018-2025/proposals?pageSize=10000", HttpStatusCode.BadRequest, "pageSize phải từ 1 đến 500")]
    [InlineData("/api/v1/programs/2018-2025/proposals?status=Xong", HttpStatusCode.BadRequest, "Trạng thái không hợp lệ")]
    public async Task Bad_requests_get_a_vietnamese_problem_document(string url, HttpStatusCode status, string detail)
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        var response = await viewer.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_an_admin_reaches_the_api_keys_page()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var response = await specialist.GetAsync("/Admin/ApiKeys");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_api_and_its_key_header()
    {
        var response = await portal.NewClient().GetAsync("/openapi/v1.json");
        var json = await Json(response);

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/programs/{code}/appendix", paths);
        Assert.Contains("/api/v1/programs/{code}/proposals", paths);
        Assert.Contains("/api/v1/programs/{code}/ledger", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/Import", StringComparison.OrdinalIgnoreCase));
        var scheme = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var total = json.GetProperty("components").GetProperty("schemas").GetProperty("AppendixFigures").GetProperty("properties").GetProperty("totalCost");
        Assert.Contains("integer", total.GetProperty("type").ToString());
    }

    [GeneratedRegex("<code id=\"new-key\"[^>]*>([^<]+)</code>")]
    private static partial Regex NewKey();
}
