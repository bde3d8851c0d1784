using NgheAn.CNHT.Domain.Issuing;

namespace NgheAn.CNHT.Application.Issuing;

/// <summary>Where the signer's visible signature goes: page (0-based) and a box in points from the page's top-left corner.</summary>
public sealed record SignerBox(int PageIndex, double X, double Y, double Width, double Height);

/// <summary>What is printed and signed on an issued PDF.</summary>
/// <param name="SignerBox">The signer block of a generated report; null for an uploaded PDF (the last page's lower right is used).</param>
public sealed record SigningRequest(
    string Number,
    DateOnly IssueDate,
    string SignerName,
    IReadOnlyList<string> SignerTitleLines,
    string Issuer,
    string VerificationCode,
    string VerificationUrl,
    SignerBox? SignerBox);

/// <param name="Signature">Null only when signing is not required and no certificate is configured: the file then says it is not signed.</param>
public sealed record SignedPdf(byte[] Content, SignatureFacts? Signature);

/// <summary>The state of the signing certificate, for the issue form and the readiness check. Never carries key material.</summary>
public sealed record SigningStatus(bool CanSign, bool Required, bool IsTestCertificate, string? Subject, DateTime? NotAfterUtc, string? Problem)
{
    /// <summary>Issuing may go ahead: a certificate signs, or signing is not required and the files say "không ký số".</summary>
    public bool CanIssue => CanSign || (!Required && Problem is null);
}

/// <summary>
/// Stamps the verification code, QR code and agency mark on page 1 and signs the PDF (PAdES, SHA-256) with the
/// configured PKCS#12 certificate (Infrastructure/Issuing). Throws <see cref="Domain.Common.DomainException"/> with a
/// Vietnamese message when the certificate is missing, expired or its password is wrong: a document is never issued
/// unsigned when a certificate is expected.
/// </summary>
public interface IDocumentSigner
{
    SigningStatus Status();

    Task<SignedPdf> StampAndSignAsync(byte[] pdf, SigningRequest request, CancellationToken ct = default);

    /// <summary>Throws a <see cref="Domain.Common.DomainException"/> when <paramref name="pdf"/> cannot be read as a PDF.</summary>
    void EnsureReadable(byte[] pdf);
}
