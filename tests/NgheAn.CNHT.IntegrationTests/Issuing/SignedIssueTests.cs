using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Issuing;

/// <summary>Shared steps of the issuing tests: issue over HTTP, read the number, run pdfsig.</summary>
public static partial class Issue
{
    public static Dictionary<string, string> Form(string kind = "document") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.ProgramCode"] = "2018-2025",
        ["Input.FromYear"] = "",
        ["Input.ToYear"] = "",
        ["Input.IssueDate"] = "2026-01-05",
        ["Input.SignerTitle"] = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        ["Input.SignerName"] = "Trần Văn Bình",
        ["Input.Recipients"] = "UBND tỉnh (để báo cáo);\nSở Tài chính;\nLưu: VT, QLCN.",
    };

    [GeneratedRegex(@"/Reports/Issued/Details/(\d+)")]
    private static partial Regex DetailsLink();

    /// <summary>Posts the issue form (multipart, as the browser does) and returns the new report's id.</summary>
    public static async Task<int> PostAsync(HttpClient leader, Dictionary<string, string>? form = null, (string Field, string Name, byte[] Content)[]? files = null)
    {
        var response = await PostRawAsync(leader, form, files);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, body);
        return int.Parse(DetailsLink().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, Dictionary<string, string>? form = null, (string Field, string Name, byte[] Content)[]? files = null)
    {
        var token = WebPageHelpers.AntiforgeryToken(await client.GetStringAsync("/Reports/Issued/Create"));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (key, value) in form ?? Form())
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (field, name, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream");
            content.Add(file, field, name);
        }

        return await client.PostAsync("/Reports/Issued/Create", content);
    }

    public static Task<(string Number, string Code, int? Sequence)> FactsAsync(CnhtFactory portal, int id) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ValueTuple<string, string, int?>(r.Number, r.VerificationCode!, r.RegisterSequence)).SingleAsync());

    public static (string Output, int ExitCode) PdfSig(byte[] pdf) => PdfSignatures.PdfSig(pdf);
}

/// <summary>
/// An issued report is signed (PAdES, SHA-256) and an independent validator agrees; one changed byte is caught by the
/// validator and by the public verification page; revocation shows there; the register gives consecutive numbers.
/// </summary>
public sealed class SignedIssueTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Pdfsig_finds_the_signature_valid_and_the_whole_document_signed_and_rejects_one_changed_byte()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        var id = await Issue.PostAsync(leader);
        var (number, code, _) = await Issue.FactsAsync(portal, id);
        var pdf = await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=pdf");

        // Kept for a look by eye (bin/Debug/net10.0/test-output/issued/).
        var folder = Path.Combine(AppContext.BaseDirectory, "test-output", "issued");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bao-cao-da-ky.pdf"), pdf);

        var (report, _) = Issue.PdfSig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains("Signing Hash Algorithm: SHA-256", report);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report);
        Assert.Contains("CHỨNG THƯ THỬ NGHIỆM", report);

        // What the reader sees: number, the verification link and code on page 1, the test warning in the signatures.
        var text = ReportFiles.PdfText(pdf);
        Assert.Contains($"Số: {number}", text);
        Assert.Contains("/xac-thuc/" + code, text);
        Assert.Contains("CHỨNG THƯ THỬ NGHIỆM", text);
        Assert.Contains("Ký số bởi: Sở Công Thương tỉnh Nghệ An", text);

        // One byte changed in the middle of the signed bytes (the file still parses: same length, same offsets).
        var tampered = (byte[])pdf.Clone();
        var at = pdf.Length / 3;
        tampered[at] = (byte)(tampered[at] ^ 0x01);
        var (broken, _) = Issue.PdfSig(tampered);
        Assert.DoesNotContain("Signature Validation: Signature is Valid.", broken);
        Assert.Contains("Digest Mismatch", broken);
    }

    [Fact]
    public async Task The_public_page_shows_the_document_tells_identical_from_changed_files_and_shows_a_revocation()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        var id = await Issue.PostAsync(leader, files: null);
        var (number, code, _) = await Issue.FactsAsync(portal, id);
        var pdf = await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=pdf");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));

        var anonymous = portal.NewClient();
        var page = await anonymous.GetAsync("/xac-thuc/" + code);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Xác thực văn bản số {number}", html);
        Assert.Contains("05/01/2026", html);
        Assert.Contains("Trần Văn Bình", html);
        Assert.Contains(sha, html);
        Assert.Contains("id=\"test-certificate\"", html);
        Assert.Contains("id=\"in-force\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/xac-thuc/KHONGCOMA")).StatusCode);

        Assert.Contains("data-identical=\"true\"", await CheckAsync(anonymous, code, pdf));
        var tampered = (byte[])pdf.Clone();
        tampered[pdf.Length / 2] ^= 0x01;
        Assert.Contains("data-identical=\"false\"", await CheckAsync(anonymous, code, tampered));

        // Revocation needs a reason, then shows on the public page with it.
        var details = await leader.GetStringAsync($"/Reports/Issued/Details/{id}");
        var noReason = await leader.PostFormAsync($"/Reports/Issued/Details/{id}", new Dictionary<string, string> { ["RevokeReason"] = "" },
            $"/Reports/Issued/Details/{id}?handler=Revoke");
        Assert.Contains("Lý do thu hồi không được để trống.", await noReason.Content.ReadAsStringAsync());
        Assert.Contains("verification-link", details);
        var revoke = await leader.PostFormAsync($"/Reports/Issued/Details/{id}",
            new Dictionary<string, string> { ["RevokeReason"] = "Số liệu nhóm 3 phải đính chính" }, $"/Reports/Issued/Details/{id}?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        html = await anonymous.GetStringAsync("/xac-thuc/" + code.ToLowerInvariant());
        Assert.Contains("id=\"revoked\"", html);
        Assert.Contains("Số liệu nhóm 3 phải đính chính", html);

        // The issued file itself never changes: revocation is a record beside it.
        Assert.Equal(pdf, await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=pdf"));
    }

    private static async Task<string> CheckAsync(HttpClient client, string code, byte[] file)
    {
        var token = WebPageHelpers.AntiforgeryToken(await client.GetStringAsync("/xac-thuc/" + code));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "Upload", "van-ban.pdf");
        var response = await client.PostAsync("/xac-thuc/" + code, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Two_reports_issued_at_the_same_moment_on_SQLite_get_two_consecutive_numbers()
    {
        var first = await portal.SignInAsAsync("DoitLeader");
        var second = await portal.SignInAsAsync("DoitLeader");
        var form = Issue.Form("appendix");
        form["Input.IssueDate"] = "2025-12-30";
        var ids = await Task.WhenAll(Issue.PostAsync(first, form), Issue.PostAsync(second, form));
        var numbers = (await Task.WhenAll(ids.Select(id => Issue.FactsAsync(portal, id)))).Select(f => f.Sequence!.Value).Order().ToList();
        Assert.Equal(numbers[0] + 1, numbers[1]);

        // The register of 2025 has no gap and no duplicate: 1 … n.
        var all = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.AsNoTracking()
            .Where(r => r.RegisterYear == 2025 && r.DocumentType == "BC").Select(r => r.RegisterSequence!.Value).ToListAsync());
        Assert.Equal(Enumerable.Range(1, all.Count), all.Order());
        Assert.Contains("01/BC-SCT", await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.AsNoTracking()
            .Where(r => r.RegisterYear == 2025).Select(r => r.Number).ToListAsync()));
    }

    [Fact]
    public async Task An_uploaded_final_pdf_is_signed_and_issued_and_the_generated_files_are_kept_beside_it()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        // The "final text": the live document's PDF as staff would export it from Word after editing.
        var final = await leader.GetByteArrayAsync("/Reports/View/document?handler=Download&format=pdf&program=2018-2025");
        var docx = await leader.GetByteArrayAsync("/Reports/View/document?handler=Download&format=docx&program=2018-2025");

        // A Word file alone is refused: the PDF is what is signed.
        var refused = await Issue.PostRawAsync(leader, files: [("Input.FinalDocx", "ban-cuoi.docx", docx)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Hãy tải lên kèm bản PDF", await refused.Content.ReadAsStringAsync());
        var notPdf = await Issue.PostRawAsync(leader, files: [("Input.FinalPdf", "ban-cuoi.pdf", docx)]);
        Assert.Contains("không phải là tệp PDF", await notPdf.Content.ReadAsStringAsync());

        var id = await Issue.PostAsync(leader, files: [("Input.FinalPdf", "ban-cuoi.pdf", final), ("Input.FinalDocx", "ban-cuoi.docx", docx)]);
        var details = await leader.GetStringAsync($"/Reports/Issued/Details/{id}");
        Assert.Contains("Bản PDF cuối cùng do cán bộ tải lên", details);
        var issued = await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=pdf");
        Assert.Contains("Signature Validation: Signature is Valid.", Issue.PdfSig(issued).Output);
        Assert.Equal(final, await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Kept&which=uploaded-pdf"));
        Assert.Equal(docx, await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=docx"));
        var generated = await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Kept&which=generated-pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(generated[..4]));
        Assert.NotEqual(generated, issued);
    }
}
