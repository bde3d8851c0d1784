using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.Issuing;

/// <summary>The certificate to sign with, or why there is none (a Vietnamese sentence for the user and the readiness check).</summary>
internal sealed record CertificateResult(X509Certificate2? Certificate, bool IsTest, bool Required, string? Problem);

/// <summary>
/// Loads the configured PKCS#12 certificate and checks it (password, private key, validity), or outside Production
/// makes a self-signed test certificate once. The password and the key stay in memory; messages name the file only.
/// </summary>
internal sealed class SigningCertificates(IOptions<SigningOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<SigningCertificates> logger)
{
    private const string TestFile = "test-signing.p12";
    private const string TestPasswordFile = "test-signing.password";
    private static readonly Lock Gate = new();

    public bool Required => options.Value.Required ?? environment.IsProduction();

    public CertificateResult Load()
    {
        var o = options.Value;
        var required = Required;
        if (string.IsNullOrWhiteSpace(o.CertificatePath))
        {
            if (environment.IsProduction())
            {
                return new CertificateResult(null, false, required, required
                    ? "Chưa cấu hình chứng thư số để ký văn bản (Signing:CertificatePath và mật khẩu Signing__CertificatePassword)."
                    : null);
            }

            return LoadOrMakeTestCertificate(required);
        }

        var path = Path.GetFullPath(o.CertificatePath, environment.ContentRootPath);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new CertificateResult(null, false, true, $"Không tìm thấy tệp chứng thư số {name}. Kiểm tra cấu hình Signing:CertificatePath.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, o.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            // The exception text is not logged: it says nothing useful and the password must never reach the log.
            logger.LogWarning("The signing certificate {File} could not be opened (wrong password or damaged file)", name);
            return new CertificateResult(null, false, true, $"Không mở được chứng thư số {name}: mật khẩu không đúng hoặc tệp bị hỏng.");
        }

        return Check(certificate, isTest: false, required: true);
    }

    private CertificateResult Check(X509Certificate2 certificate, bool isTest, bool required)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!certificate.HasPrivateKey)
        {
            return new CertificateResult(null, isTest, required, "Tệp chứng thư số không chứa khóa bí mật nên không ký được văn bản.");
        }

        if (certificate.NotAfter.ToUniversalTime() < now)
        {
            return new CertificateResult(null, isTest, required,
                $"Chứng thư số đã hết hạn từ ngày {VnFormat.Date(DateOnly.FromDateTime(certificate.NotAfter))}: cần gia hạn hoặc cấu hình chứng thư số mới trước khi ban hành.");
        }

        if (certificate.NotBefore.ToUniversalTime() > now)
        {
            return new CertificateResult(null, isTest, required,
                $"Chứng thư số chỉ có hiệu lực từ ngày {VnFormat.Date(DateOnly.FromDateTime(certificate.NotBefore))}.");
        }

        return new CertificateResult(certificate, isTest, required, null);
    }

    private CertificateResult LoadOrMakeTestCertificate(bool required)
    {
        var folder = Path.GetFullPath(options.Value.TestCertificateFolder, environment.ContentRootPath);
        var file = Path.Combine(folder, TestFile);
        var passwordFile = Path.Combine(folder, TestPasswordFile);
        lock (Gate)
        {
            Directory.CreateDirectory(folder);
            // Several test hosts may start at once: one makes the certificate, the others wait and read it.
            using var fileLock = LockFolder(folder);
            if (File.Exists(file) && File.Exists(passwordFile))
            {
                try
                {
                    var existing = X509CertificateLoader.LoadPkcs12FromFile(file, File.ReadAllText(passwordFile), X509KeyStorageFlags.EphemeralKeySet);
                    if (existing.NotAfter.ToUniversalTime() > clock.GetUtcNow().UtcDateTime.AddDays(1))
                    {
                        return new CertificateResult(existing, true, required, null);
                    }
                }
                catch (CryptographicException)
                {
                    // A damaged test certificate is simply made again.
                }
            }

            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            using var made = MakeTestCertificate(clock.GetUtcNow().UtcDateTime);
            File.WriteAllBytes(file + ".tmp", made.Export(X509ContentType.Pkcs12, password));
            File.WriteAllText(passwordFile + ".tmp", password);
            File.Move(file + ".tmp", file, overwrite: true);
            File.Move(passwordFile + ".tmp", passwordFile, overwrite: true);
            logger.LogWarning("A self-signed TEST signing certificate was created in {Folder}; documents signed with it say so", folder);
            return new CertificateResult(X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.EphemeralKeySet), true, required, null);
        }
    }

    private static FileStream LockFolder(string folder)
    {
        var path = Path.Combine(folder, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>RSA 2048, SHA-256, two years; the subject itself says it is a test certificate.</summary>
    internal static X509Certificate2 MakeTestCertificate(DateTime utcNow, int validDays = 730)
    {
        using var rsa = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName("Sở Công Thương tỉnh Nghệ An");
        name.AddCommonName("CHỨNG THƯ THỬ NGHIỆM - Sở Công Thương Nghệ An");
        var request = new CertificateRequest(name.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(utcNow.AddDays(-1), utcNow.AddDays(validDays));
    }
}
