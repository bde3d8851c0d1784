using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Issuing;

/// <summary>Which file became the issued document: the one the portal generated, or the final text staff uploaded.</summary>
public enum IssuedSource
{
    Generated,
    Uploaded,
}

/// <summary>The certificate a document was signed with (never the key): what the verification page shows.</summary>
public sealed record SignatureFacts(string Subject, string Thumbprint, DateTime NotAfterUtc, bool IsTestCertificate, DateTime SignedAtUtc);

/// <summary>
/// The files of an issued document. <see cref="IssuedPdf"/> is the file that left the department (stamped with the
/// verification code and signed); the generated files and any uploaded final text are kept beside it.
/// </summary>
public sealed record IssuedFiles(
    byte[] GeneratedPdf,
    byte[] Xlsx,
    byte[] GeneratedDocx,
    byte[]? UploadedPdf,
    byte[]? UploadedDocx,
    IssuedSource Source,
    byte[] IssuedPdf,
    string VerificationCode,
    SignatureFacts? Signature);

/// <summary>
/// The revocation of an issued document, with its reason. Append-only: the document keeps its number in the
/// register and its files; the public verification page says it has been revoked (ADR 0133).
/// </summary>
public sealed class IssuedReportRevocation
{
    private IssuedReportRevocation() { }

    public IssuedReportRevocation(int issuedReportId, string reason, Actor actor, DateTime utcNow)
    {
        IssuedReportId = issuedReportId;
        Reason = Guard.Required(reason, "Lý do thu hồi", 1000, nameof(Reason));
        RevokedBy = actor.UserName;
        RevokedAt = utcNow;
    }

    public int Id { get; private set; }
    public int IssuedReportId { get; private set; }
    public string Reason { get; private set; } = "";
    public string RevokedBy { get; private set; } = "";
    public DateTime RevokedAt { get; private set; }
}
