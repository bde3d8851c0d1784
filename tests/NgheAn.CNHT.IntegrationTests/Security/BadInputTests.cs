using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// Bad input through the real forms: each case gets a clear Vietnamese answer (or a safe refusal) and
/// the database is unchanged afterwards. One portal for the class; every case must leave it as it was.
/// </summary>
public sealed class BadInputTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string> LedgerAmounts => new()
    {
        { "Amount", "-1.000.000", "phải là số đồng nguyên" },
        { "Amount", "0", "phải lớn hơn 0" },
        { "Amount", "1.000.000.000.000.000.001", "vượt quá giới hạn" },
        { "Amount", "99999999999999999999999999999999", "phải là số đồng nguyên" },
        { "Amount", "1500,5", "phải là số đồng nguyên" },
        { "Amount", "12.5", "phải là số đồng nguyên" },
        { "Amount", "một triệu", "phải là số đồng nguyên" },
        { "Amount", "1e6", "phải là số đồng nguyên" },
        { "Amount", "", "Vui lòng nhập số tiền" },
        { "Amount", "   ", "Vui lòng nhập số tiền" },
        { "Amount", "<script>alert(1)</script>", "phải là số đồng nguyên" },
        { "Amount", "1; DROP TABLE DisbursementEntries;--", "phải là số đồng nguyên" },
        { "Amount", "9.000.000.000", "Vượt mức ngân sách tỉnh được duyệt" },
        { "VoucherNumber", "", "Vui lòng nhập số chứng từ" },
        { "VoucherNumber", new string('X', 51), "Số chứng từ dài tối đa 50 ký tự" },
        { "Note", new string('n', 1001), "Ghi chú dài tối đa 1000 ký tự" },
        { "EntryDate", "", "Vui lòng nhập ngày chứng từ" },
        { "EntryDate", "2099-01-01", "không được ở tương lai" },
        { "EntryDate", "2019-01-01", "không được trước ngày quyết định phê duyệt" },
        { "EntryDate", "31/02/2025", "không hợp lệ" },
        { "Kind", "Reversal", "Bút toán đảo được tạo từ bút toán gốc" },
        { "Kind", "Khac", "không hợp lệ" },
        { "Source", "42", "Giá trị \"42\" không hợp lệ" },
    };

    private async Task<(HttpClient Client, int ProposalId)> CenterAsync(ProposalStatus status = ProposalStatus.Implementing)
    {
        var client = await portal.SignInAsAsync("SupportCenter");
        var id = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Status == status).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        return (client, id);
    }

    private static Dictionary<string, string> Entry() => new()
    {
        ["Input.EntryDate"] = Today, ["Input.Amount"] = "1.000.000", ["Input.Kind"] = "Payment",
        ["Input.Source"] = "ProvincialBudget", ["Input.VoucherNumber"] = "PC-BAD", ["Input.Note"] = "",
    };

    [Theory]
    [MemberData(nameof(LedgerAmounts))]
    public async Task Ledger_form_refuses_bad_input_and_changes_nothing(string field, string value, string message)
    {
        var (client, id) = await CenterAsync();
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var form = Entry();
        form["Input." + field] = value;
        var response = await client.PostFormAsync($"/Disbursements/Record?proposalId={id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(body.Contains(message, StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(body, "text-danger[^>]*>[^<]+|alert-danger[^<]*<ul><li>[^<]+").Value);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(portal));
    }

    [Theory]
    [InlineData(ProposalStatus.Settled, "Đề án đã quyết toán")]
    [InlineData(ProposalStatus.Accepted, null)]
    public async Task A_tampered_proposal_id_cannot_post_to_a_closed_proposal(ProposalStatus status, string? message)
    {
        var (client, implementing) = await CenterAsync();
        var target = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Status == status).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var before = await DatabaseFingerprint.TakeAsync(portal);
        // The form of one proposal, posted with another proposal's id in the hidden field.
        var html = await client.GetStringAsync($"/Disbursements/Record?proposalId={implementing}");
        var form = Entry();
        form["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(html);
        form["ProposalId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Input.Amount"] = "999.999.999.999";
        // Even with the target's own ledger version (a form without it is refused as stale first), the domain refuses.
        form["Input.Version"] = (await portal.ScopedAsync(sp => NgheAn.CNHT.Application.Disbursements.LedgerService.VersionAsync(
            sp.GetRequiredService<AppDbContext>(), target, CancellationToken.None)))!;
        var response = await client.PostAsync($"/Disbursements/Record?proposalId={implementing}", new FormUrlEncodedContent(form));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message ?? "Vượt mức ngân sách tỉnh được duyệt", body);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(portal));
    }

    [Theory]
    [InlineData("/Disbursements/Record?proposalId=999999")]
    [InlineData("/Disbursements/Record?proposalId=-1")]
    [InlineData("/Disbursements/Record?proposalId=abc")]
    [InlineData("/Disbursements/Reverse?id=999999")]
    [InlineData("/Disbursements/Settle?proposalId=999999")]
    [InlineData("/Estimates/Details/999999")]
    [InlineData("/Catalog/Plan/999999")]
    [InlineData("/Catalog/Setup/..%2F..%2Fetc%2Fpasswd")]
    public async Task Unknown_or_forged_ids_are_not_found(string path)
    {
        var client = await portal.SignInAsAsync(path.StartsWith("/Disbursements", StringComparison.Ordinal) ? "SupportCenter" : "DoitSpecialist");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Script_in_a_note_is_stored_as_text_and_rendered_encoded()
    {
        await using var own = new CnhtFactory();
        await own.EnsureDemoUsersAsync();
        var client = await own.SignInAsAsync("SupportCenter");
        var id = await own.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Status == ProposalStatus.Implementing).Select(p => p.Id).FirstAsync());
        var form = Entry();
        form["Input.Note"] = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        form["Input.VoucherNumber"] = "'; DELETE FROM Proposals; --";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Record?proposalId={id}", form)).StatusCode);
        var html = await client.GetStringAsync($"/Disbursements?proposal={id}");
        Assert.DoesNotContain("<script>alert('x')</script>", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<img src=x onerror", html);
        Assert.Contains("&#x27;; DELETE FROM Proposals; --", html);
        Assert.Equal(23, await own.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.CountAsync()));
    }

    public static TheoryData<string, string, string> PlanInputs => new()
    {
        { "Input.NewAmount", "-5", "phải là số đồng nguyên" },
        { "Input.NewAmount", "1,25", "phải là số đồng nguyên" },
        { "Input.NewAmount", "abc", "phải là số đồng nguyên" },
        { "Input.NewAmount", "1.000.000.000.000.000.001", "vượt quá giới hạn" },
        { "Input.DecisionReference", new string('Q', 201), "dài tối đa 200 ký tự" },
        { "Input.Reason", new string('L', 1001), "dài tối đa 1000 ký tự" },
    };

    [Theory]
    [MemberData(nameof(PlanInputs))]
    public async Task Plan_revision_refuses_bad_input_and_changes_nothing(string field, string value, string message)
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var item = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.Where(i => i.Code == "1.2" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).FirstAsync());
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var form = new Dictionary<string, string> { ["Input.NewAmount"] = "2.000.000.000", ["Input.DecisionReference"] = "1/QĐ-UBND", ["Input.Reason"] = "" };
        form[field] = value;
        var response = await client.PostFormAsync($"/Catalog/Plan/{item}", form);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(portal));
    }

    public static TheoryData<string, string, string> SettlementInputs => new()
    {
        { "Input.SettledTotalCost", "-1", "phải là số đồng nguyên" },
        { "Input.SettledTotalCost", "0", "phải lớn hơn 0" },
        { "Input.SettledProvincialShare", "99.999.999.999.999", "không được" },
        { "Input.SettledProvincialShare", "xyz", "phải là số đồng nguyên" },
        { "Input.DecisionNumber", "", "Vui lòng nhập số quyết định quyết toán" },
        { "Input.SettlementDate", "2099-12-31", "không được ở tương lai" },
        { "Input.SettlementDate", "2001-01-01", "không được trước ngày nghiệm thu" },
    };

    [Theory]
    [MemberData(nameof(SettlementInputs))]
    public async Task Settlement_refuses_bad_input_and_changes_nothing(string field, string value, string message)
    {
        var (client, id) = await CenterAsync(ProposalStatus.Accepted);
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var form = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "9/QĐ", ["Input.SettlementDate"] = Today,
            ["Input.SettledTotalCost"] = "1.000.000.000", ["Input.SettledProvincialShare"] = "300.000.000",
        };
        form[field] = value;
        var response = await client.PostFormAsync($"/Disbursements/Settle?proposalId={id}", form);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(portal));
    }

    public static TheoryData<string, string, string> AccountInputs => new()
    {
        { "Input.Email", "khong-phai-email", "Thư điện tử không hợp lệ" },
        { "Input.Email", "", "Vui lòng nhập thư điện tử" },
        { "Input.Email", "xem@cnht.demo", "Đã có tài khoản" },
        { "Input.FullName", "", "Vui lòng nhập họ và tên" },
        { "Input.FullName", new string('A', 201), "dài tối đa 200 ký tự" },
        { "Input.Role", "SuperAdmin", "Vai trò không hợp lệ" },
        { "Input.Password", "password", "Mật khẩu phải có" },
    };

    [Theory]
    [MemberData(nameof(AccountInputs))]
    public async Task Account_creation_refuses_bad_input_and_creates_nobody(string field, string value, string message)
    {
        var client = await portal.SignInAsAsync("Admin");
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var form = new Dictionary<string, string> { ["Input.Email"] = "moi@cnht.demo", ["Input.FullName"] = "Người Mới", ["Input.Role"] = "Viewer", ["Input.Password"] = "Mat-khau@2026" };
        form[field] = value;
        var response = await client.PostFormAsync("/Admin/Users", form);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(portal));
    }

    [Theory]
    [InlineData("/Disbursements/Record?proposalId=1")]
    [InlineData("/Catalog/Plan/1")]
    [InlineData("/Admin/Users")]
    [InlineData("/Estimates?handler=Create")]
    [InlineData("/Account/Security?handler=ChangePassword")]
    public async Task Posts_without_an_antiforgery_token_are_refused(string path)
    {
        var client = await portal.SignInAsAsync(path.StartsWith("/Admin", StringComparison.Ordinal) ? "Admin" : path.StartsWith("/Disbursements", StringComparison.Ordinal) ? "SupportCenter" : "DoitSpecialist");
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Amount"] = "1", ["Input.NewAmount"] = "1", ["Input.Year"] = "2024" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(portal));
    }
}

/// <summary>Bad input through the read-only API: clear refusals (never a 500), nothing changed.</summary>
public sealed class ApiBadInputTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Theory]
    [InlineData("/api/v1/programs/2018-2025/proposals?page=-1")]
    [InlineData("/api/v1/programs/2018-2025/proposals?page=0")]
    [InlineData("/api/v1/programs/2018-2025/proposals?pageSize=100000")]
    [InlineData("/api/v1/programs/2018-2025/proposals?pageSize=abc")]
    [InlineData("/api/v1/programs/2018-2025/proposals?status=Khac")]
    [InlineData("/api/v1/programs/2018-2025/proposals?fromYear=99999")]
    [InlineData("/api/v1/programs/2018-2025/proposals?q=%27%3B%20DROP%20TABLE%20Proposals%3B--")]
    [InlineData("/api/v1/programs/2018-2025/ledger?from=31-02-2025")]
    [InlineData("/api/v1/programs/2018-2025/ledger?source=Bitcoin")]
    [InlineData("/api/v1/programs/2018-2025/appendix?from=2010&to=2012")]
    [InlineData("/api/v1/programs/2018-2025/appendix?from=2025&to=2019")]
    [InlineData("/api/v1/programs/..%2F..%2Fetc%2Fpasswd/appendix")]
    [InlineData("/api/v1/programs/%3Cscript%3E/proposals")]
    public async Task The_api_answers_bad_parameters_without_a_server_error_and_changes_nothing(string url)
    {
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var client = await portal.SignInAsAsync("Viewer");
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode is 200 or 400 or 404, $"{url}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("<script>", body);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(portal));
    }
}
