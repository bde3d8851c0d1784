using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Issuing;

/// <summary>
/// A missing certificate, a wrong password or an expired certificate: issuing is refused with a Vietnamese sentence,
/// nothing is saved and no number is used; where signing is required the readiness check fails. Never a password in the answer.
/// </summary>
public sealed class CertificateProblemTests
{
    private const string Password = "Mat-khau-dung-2026";

    private static string WriteCertificate(DateTime notBefore, DateTime notAfter)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Kiểm thử chứng thư, O=Sở Công Thương tỉnh Nghệ An, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"cert-{Guid.NewGuid():N}.p12");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    public static TheoryData<string, string> Problems => new()
    {
        { "missing", "Không tìm thấy tệp chứng thư số" },
        { "wrong-password", "mật khẩu không đúng hoặc tệp bị hỏng" },
        { "expired", "Chứng thư số đã hết hạn" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Issuing_is_refused_with_a_clear_message_and_the_node_is_not_ready(string problem, string message)
    {
        var now = DateTime.UtcNow;
        var (path, password) = problem switch
        {
            "missing" => (Path.Combine(Path.GetTempPath(), "cnht-tests", "khong-co-chung-thu.p12"), Password),
            "wrong-password" => (WriteCertificate(now.AddDays(-1), now.AddDays(30)), "sai-mat-khau"),
            _ => (WriteCertificate(now.AddDays(-400), now.AddDays(-2)), Password),
        };
        using var portal = new CnhtFactory
        {
            Settings = { ["Signing:CertificatePath"] = path, ["Signing:CertificatePassword"] = password, ["Signing:Required"] = "true" },
        };
        await portal.EnsureDemoUsersAsync();
        var leader = await portal.SignInAsAsync("DoitLeader");

        var form = await leader.GetStringAsync("/Reports/Issued/Create");
        Assert.Contains("id=\"signing-problem\"", form);
        Assert.Contains(message, form);

        var response = await Issue.PostRawAsync(leader);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.DoesNotContain(password, html);
        Assert.Equal(0, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.CountAsync()));
        Assert.False(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutgoingNumberCounters.AnyAsync(c => c.LastNumber > 0)));

        var ready = await portal.NewClient().GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"signing\"", body);
        Assert.Contains(message, body);
        Assert.DoesNotContain(password, body);
    }

    [Fact]
    public async Task A_valid_configured_certificate_signs_without_the_test_warning()
    {
        var now = DateTime.UtcNow;
        using var portal = new CnhtFactory
        {
            Settings = { ["Signing:CertificatePath"] = WriteCertificate(now.AddDays(-1), now.AddDays(365)), ["Signing:CertificatePassword"] = Password, ["Signing:Required"] = "true" },
        };
        await portal.EnsureDemoUsersAsync();
        var leader = await portal.SignInAsAsync("DoitLeader");
        var id = await Issue.PostAsync(leader, Issue.Form("register"));
        var pdf = await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=pdf");
        var (report, _) = Issue.PdfSig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Kiểm thử chứng thư", report);
        Assert.DoesNotContain("THỬ NGHIỆM", ReportFiles.PdfText(pdf));
        Assert.Equal(HttpStatusCode.OK, (await portal.NewClient().GetAsync("/health/ready")).StatusCode);
    }
}
