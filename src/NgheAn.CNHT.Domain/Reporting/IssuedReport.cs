using System.Security.Cryptography;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Issuing;

namespace NgheAn.CNHT.Domain.Reporting;

/// <summary>
/// A report leadership issued (number, date, signer). Its model and files are frozen here and never change.
/// </summary>
public sealed class IssuedReport : Entity
{
    private IssuedReport() { }

    public IssuedReport(string reportKind, int programId, int fromYear, int toYear, string number, DateOnly issueDate, string signerName, string signerTitle,
        string modelJson, byte[] pdf, byte[] xlsx, Actor actor, DateTime utcNow)
    {
        ReportKind = Guard.Required(reportKind, "Loại báo cáo", 30);
        ProgramId = programId;
        FromYear = fromYear;
        ToYear = toYear;
        Number = Guard.Required(number, "Số báo cáo", 50, nameof(Number));
        IssueDate = issueDate;
        SignerName = Guard.Required(signerName, "Người ký", 200, nameof(SignerName));
        SignerTitle = Guard.Required(signerTitle, "Chức vụ người ký", 200, nameof(SignerTitle));
        ModelJson = modelJson;
        Pdf = pdf;
        Xlsx = xlsx;
        IssuedBy = actor.UserName;
        IssuedAt = utcNow;
    }

    /// <summary>
    /// A report issued with a number from the register of outgoing documents, a signed PDF carrying its
    /// verification code, and the generated and uploaded texts kept beside it (ADR 0130-0133).
    /// </summary>
    public IssuedReport(string reportKind, int programId, int fromYear, int toYear, RegisterNumber register, DateOnly issueDate, string signerName,
        string signerTitle, string modelJson, IssuedFiles files, Actor actor, DateTime utcNow)
        : this(reportKind, programId, fromYear, toYear, register.Text, issueDate, signerName, signerTitle, modelJson, files.GeneratedPdf, files.Xlsx, actor, utcNow)
    {
        if (register.Year != issueDate.Year)
        {
            throw new DomainException("Số văn bản phải lấy trong sổ đăng ký của năm ban hành.");
        }

        DocumentType = register.DocumentType;
        RegisterYear = register.Year;
        RegisterSequence = register.Sequence;
        Docx = files.GeneratedDocx;
        UploadedPdf = files.UploadedPdf;
        UploadedDocx = files.UploadedDocx;
        Source = files.Source;
        IssuedPdf = files.IssuedPdf;
        IssuedSha256 = Convert.ToHexStringLower(SHA256.HashData(files.IssuedPdf));
        VerificationCode = Guard.Required(files.VerificationCode, "Mã xác thực", 16);
        if (files.Signature is { } s)
        {
            SignatureSubject = s.Subject;
            SignatureThumbprint = s.Thumbprint;
            SignatureNotAfter = s.NotAfterUtc;
            SignatureIsTest = s.IsTestCertificate;
            SignedAt = s.SignedAtUtc;
        }
    }

    public string ReportKind { get; private set; } = "";
    public int ProgramId { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }
    public string Number { get; private set; } = "";
    public DateOnly IssueDate { get; private set; }
    public string SignerName { get; private set; } = "";
    public string SignerTitle { get; private set; } = "";
    public string ModelJson { get; private set; } = "";
    public byte[] Pdf { get; private set; } = [];
    public byte[] Xlsx { get; private set; } = [];
    public string IssuedBy { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }

    // Register of outgoing documents: null for reports issued before the register existed (numbers typed by hand).
    public string? DocumentType { get; private set; }
    public int? RegisterYear { get; private set; }
    public int? RegisterSequence { get; private set; }

    /// <summary>The Word text the portal generated (null before DOCX existed).</summary>
    public byte[]? Docx { get; private set; }
    public byte[]? UploadedPdf { get; private set; }
    public byte[]? UploadedDocx { get; private set; }
    public IssuedSource Source { get; private set; }

    /// <summary>The file that left the department, byte for byte: stamped with the verification code and signed when a certificate is configured.</summary>
    public byte[]? IssuedPdf { get; private set; }
    public string? IssuedSha256 { get; private set; }
    public string? VerificationCode { get; private set; }
    public string? SignatureSubject { get; private set; }
    public string? SignatureThumbprint { get; private set; }
    public DateTime? SignatureNotAfter { get; private set; }
    public bool SignatureIsTest { get; private set; }
    public DateTime? SignedAt { get; private set; }
}

/// <summary>Who downloaded which report, in which format, when.</summary>
public sealed class ReportDownload
{
    private ReportDownload() { }

    public ReportDownload(string userName, string reportKind, string format, string parameters, DateTime at)
    {
        UserName = userName;
        ReportKind = reportKind;
        Format = format;
        Parameters = parameters;
        At = at;
    }

    public long Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string ReportKind { get; private set; } = "";
    public string Format { get; private set; } = "";
    public string Parameters { get; private set; } = "";
    public DateTime At { get; private set; }
}
