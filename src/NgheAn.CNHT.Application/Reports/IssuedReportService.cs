using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Issuing;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Issuing;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.Application.Reports;

public sealed record IssueReportInput(
    ReportKind Kind,
    string ProgramCode,
    int? FromYear,
    int? ToYear,
    DateOnly IssueDate,
    string? SignerTitle,
    string? SignerName,
    string? Recipients,
    string VerificationBaseUrl,
    UploadedText? FinalPdf = null,
    UploadedText? FinalDocx = null);

/// <summary>The final text staff edited outside the portal and attach when issuing.</summary>
public sealed record UploadedText(string FileName, byte[] Content);

public sealed record IssuedReportSummary(
    int Id,
    ReportKind Kind,
    string ProgramCode,
    int FromYear,
    int ToYear,
    string Number,
    DateOnly IssueDate,
    string SignerName,
    string SignerTitle,
    string IssuedBy,
    DateTime IssuedAt,
    int PdfBytes,
    int XlsxBytes,
    IssuedSource Source = IssuedSource.Generated,
    string? VerificationCode = null,
    string? IssuedSha256 = null,
    bool HasDocx = false,
    bool HasUploadedPdf = false,
    bool HasUploadedDocx = false,
    string? SignatureSubject = null,
    bool SignatureIsTest = false,
    DateTime? SignedAt = null,
    DateTime? RevokedAt = null,
    string? RevokedBy = null,
    string? RevocationReason = null)
{
    public bool IsSigned => SignedAt is not null;
    public bool IsRevoked => RevokedAt is not null;

    public string Parameters => $"issued={Number};program={ProgramCode};from={FromYear};to={ToYear}";

    public string FileName(ReportFormat format)
    {
        var number = new string(Number.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return $"{Kind.FileStem()}-{new YearRange(FromYear, ToYear)}-so-{number}.{format.Extension()}";
    }

    public DocumentHeader Header => DocumentHeader.Issued(Number, IssueDate, SignerTitle, SignerName);
}

/// <summary>What changed in the live figures since a report was issued.</summary>
public sealed record IssuedReportComparison(IssuedReportSummary Report, IReadOnlyList<FigureChange> Changes, DateTime ComparedAtUtc);

/// <summary>
/// Leadership issues a report (number, date, signer): its model (JSON), PDF and Excel are built once and
/// frozen in <see cref="IssuedReport"/>, which nothing updates afterwards (the audit interceptor refuses it).
/// </summary>
public sealed class IssuedReportService(
    IAppDbContext db,
    ReportService reports,
    IReportRenderer renderer,
    DocumentQuery documents,
    ICurrentUser user,
    TimeProvider clock,
    IDocumentSigner signer,
    OutgoingRegister register,
    ILogger<IssuedReportService> logger)
{
    /// <summary>Largest final text accepted on upload.</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    public const string VerificationPath = "/xac-thuc/";

    /// <summary>
    /// Issues a report: the next number of the register, the files frozen, the issued PDF (generated, or the
    /// uploaded final text) stamped with its verification code and signed. One transaction: a failure at any
    /// step (certificate, upload, database) leaves no number used and nothing saved.
    /// </summary>
    public async Task<int> IssueAsync(IssueReportInput input, CancellationToken ct = default)
    {
        var actor = user.Actor;
        if (!actor.IsIn(Roles.DoitLeader))
        {
            throw new DomainException("Chỉ Lãnh đạo Sở được ban hành báo cáo.");
        }

        var signerName = Guard.Required(input.SignerName, "Người ký", 200, nameof(input.SignerName));
        var signerTitle = Guard.Required(input.SignerTitle?.Replace("\r", "", StringComparison.Ordinal), "Chức vụ người ký", 200, nameof(input.SignerTitle));
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.IssueDate > VnFormat.TodayInVietnam(now) || input.IssueDate.Year < 2000)
        {
            throw new DomainException("Ngày ban hành không được ở tương lai.", nameof(input.IssueDate));
        }

        CheckUploads(input.FinalPdf, input.FinalDocx);
        var status = signer.Status();
        if (!status.CanIssue)
        {
            throw new DomainException(status.Problem ?? "Chưa cấu hình chứng thư số để ký văn bản.");
        }

        var recipients = Recipients(input.Recipients);
        // The figures are read before the register is locked: the lock is held only while the files are made.
        var draftHeader = DocumentHeader.Issued("…", input.IssueDate, signerTitle, signerName);
        // An issued report is signed as PDF: a register too long to print is refused before anything is built (ADR 0230).
        await reports.EnsurePrintableAsync(new ReportRequest(input.Kind, input.ProgramCode, input.FromYear, input.ToYear), ReportFormat.Pdf, ct);
        IReportModel model = input.Kind == ReportKind.Document
            ? await documents.BuildAsync(input.ProgramCode, input.FromYear, input.ToYear, draftHeader, recipients, ct)
            : await reports.BuildAsync(new ReportRequest(input.Kind, input.ProgramCode, input.FromYear, input.ToYear), ct);
        var programId = await db.Programs.Where(p => p.Code == model.ProgramCode).Select(p => p.Id).SingleAsync(ct);
        var code = NewVerificationCode();
        var url = input.VerificationBaseUrl.TrimEnd('/') + VerificationPath + code;

        await register.EnsureCounterAsync(input.IssueDate.Year, RegisterNumber.Report, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await register.TakeNextAsync(input.IssueDate.Year, RegisterNumber.Report, ct);
        var header = DocumentHeader.Issued(number.Text, input.IssueDate, signerTitle, signerName);
        if (model is ReportDocument document)
        {
            model = document with { Header = header };
        }

        var generated = renderer.RenderPdf(model, header);
        var source = input.FinalPdf is null ? IssuedSource.Generated : IssuedSource.Uploaded;
        var signed = await signer.StampAndSignAsync(input.FinalPdf?.Content ?? generated.Content,
            new SigningRequest(number.Text, input.IssueDate, signerName, header.SignerTitleLines, header.Issuer, code, url,
                source == IssuedSource.Generated ? generated.SignerBox : null), ct);
        var files = new IssuedFiles(generated.Content, renderer.Render(model, ReportFormat.Xlsx, header), renderer.Render(model, ReportFormat.Docx, header),
            input.FinalPdf?.Content, input.FinalDocx?.Content, source, signed.Content, code, signed.Signature);
        var report = new IssuedReport(input.Kind.Slug(), programId, model.FromYear, model.ToYear, number, input.IssueDate, signerName, signerTitle,
            ReportService.ToJson(model), files, actor, now);
        db.IssuedReports.Add(report);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Report {Kind} issued as {Number} by {User}, source {Source}, signed {Signed}",
            input.Kind, number.Text, actor.UserName, source, signed.Signature is not null);
        return report.Id;
    }

    /// <summary>Revokes an issued document with a reason; the verification page says so from then on.</summary>
    public async Task RevokeAsync(int id, string? reason, CancellationToken ct = default)
    {
        var actor = user.Actor;
        if (!actor.IsIn(Roles.DoitLeader))
        {
            throw new DomainException("Chỉ Lãnh đạo Sở được thu hồi văn bản đã ban hành.");
        }

        if (!await db.IssuedReports.AnyAsync(r => r.Id == id, ct))
        {
            throw new NotFoundException("Không tìm thấy văn bản đã ban hành.");
        }

        if (await db.IssuedReportRevocations.AnyAsync(r => r.IssuedReportId == id, ct))
        {
            throw new DomainException("Văn bản này đã bị thu hồi.");
        }

        db.IssuedReportRevocations.Add(new IssuedReportRevocation(id, reason!, actor, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Issued report {Id} revoked by {User}", id, actor.UserName);
    }

    private static void CheckUploads(UploadedText? pdf, UploadedText? docx)
    {
        if (pdf is not null)
        {
            if (pdf.Content.Length is 0 or > MaxUploadBytes || !pdf.Content.AsSpan().StartsWith("%PDF-"u8))
            {
                throw new DomainException($"Tệp {pdf.FileName} không phải là tệp PDF (tối đa 20 MB).", nameof(IssueReportInput.FinalPdf));
            }
        }

        if (docx is not null)
        {
            if (docx.Content.Length is 0 or > MaxUploadBytes || !IsDocx(docx.Content))
            {
                throw new DomainException($"Tệp {docx.FileName} không phải là tệp Word (.docx, tối đa 20 MB).", nameof(IssueReportInput.FinalDocx));
            }

            if (pdf is null)
            {
                throw new DomainException("Hãy tải lên kèm bản PDF xuất từ chính tệp Word này: bản PDF là bản được ký số và phát hành.",
                    nameof(IssueReportInput.FinalPdf));
            }
        }
    }

    private static bool IsDocx(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Ten characters of Crockford's base 32 (no I, L, O, U): easy to read aloud and type from paper.</summary>
    private static string NewVerificationCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        return string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    public async Task<IReadOnlyList<IssuedReportSummary>> ListAsync(CancellationToken ct = default) =>
        (await Summaries(db.IssuedReports.AsNoTracking()).ToListAsync(ct)).OrderByDescending(r => r.IssueDate).ThenByDescending(r => r.Id).Select(ToSummary).ToList();

    public async Task<IssuedReportSummary?> GetAsync(int id, CancellationToken ct = default) =>
        await Summaries(db.IssuedReports.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(ct) is { } row ? ToSummary(row) : null;

    /// <summary>The frozen files: JSON, PDF and Excel exactly as issued; HTML rendered from the frozen model.</summary>
    public async Task<ReportFile?> GetFileAsync(int id, ReportFormat format, CancellationToken ct = default)
    {
        var summary = await GetAsync(id, ct);
        if (summary is null)
        {
            return null;
        }

        var query = db.IssuedReports.AsNoTracking().Where(r => r.Id == id);
        byte[] content = format switch
        {
            // The file that was issued (signed); reports issued before signing existed have only the generated PDF.
            ReportFormat.Pdf => await query.Select(r => r.IssuedPdf ?? r.Pdf).SingleAsync(ct),
            ReportFormat.Xlsx => await query.Select(r => r.Xlsx).SingleAsync(ct),
            ReportFormat.Docx => await query.Select(r => r.UploadedDocx ?? r.Docx).SingleAsync(ct)
                ?? renderer.Render(await FrozenModelAsync(id, summary.Kind, ct), ReportFormat.Docx, summary.Header),
            ReportFormat.Json => Encoding.UTF8.GetBytes(await query.Select(r => r.ModelJson).SingleAsync(ct)),
            _ => reports.Render(await FrozenModelAsync(id, summary.Kind, ct), ReportFormat.Html, summary.Header).Content,
        };
        return new ReportFile(summary.FileName(format), format.ContentType(), content);
    }

    /// <summary>The kept files beside the issued one: the generated PDF and the uploaded final texts.</summary>
    public async Task<ReportFile?> GetKeptFileAsync(int id, string which, CancellationToken ct = default)
    {
        var summary = await GetAsync(id, ct);
        if (summary is null)
        {
            return null;
        }

        var query = db.IssuedReports.AsNoTracking().Where(r => r.Id == id);
        var (content, format, suffix) = which switch
        {
            "generated-pdf" => (await query.Select(r => r.Pdf).SingleAsync(ct), ReportFormat.Pdf, "ban-tao-tu-dong"),
            "generated-docx" => (await query.Select(r => r.Docx).SingleAsync(ct), ReportFormat.Docx, "ban-tao-tu-dong"),
            "uploaded-pdf" => (await query.Select(r => r.UploadedPdf).SingleAsync(ct), ReportFormat.Pdf, "ban-tai-len"),
            "uploaded-docx" => (await query.Select(r => r.UploadedDocx).SingleAsync(ct), ReportFormat.Docx, "ban-tai-len"),
            _ => (null, ReportFormat.Pdf, ""),
        };
        if (content is null)
        {
            return null;
        }

        var name = summary.FileName(format);
        return new ReportFile(name.Insert(name.LastIndexOf('.'), "-" + suffix), format.ContentType(), content);
    }

    public async Task<IReportModel> FrozenModelAsync(int id, ReportKind kind, CancellationToken ct = default) =>
        ReportService.FromJson(kind, await db.IssuedReports.AsNoTracking().Where(r => r.Id == id).Select(r => r.ModelJson).SingleAsync(ct));

    /// <summary>The issued figures against the same report built from the live data now.</summary>
    public async Task<IssuedReportComparison?> CompareAsync(int id, CancellationToken ct = default)
    {
        var summary = await GetAsync(id, ct);
        if (summary is null)
        {
            return null;
        }

        var frozen = await FrozenModelAsync(id, summary.Kind, ct);
        var live = await reports.BuildAsync(new ReportRequest(summary.Kind, summary.ProgramCode, summary.FromYear, summary.ToYear), ct);
        return new IssuedReportComparison(summary, ReportComparer.Compare(frozen, live), clock.GetUtcNow().UtcDateTime);
    }

    private static IReadOnlyList<string>? Recipients(string? text)
    {
        var lines = text?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.TrimStart('-', ' ').Normalize(NormalizationForm.FormC)).Where(l => l.Length > 0).ToList();
        return lines is { Count: > 0 } ? lines : null;
    }

    private sealed record Row(int Id, string Kind, string ProgramCode, int FromYear, int ToYear, string Number, DateOnly IssueDate,
        string SignerName, string SignerTitle, string IssuedBy, DateTime IssuedAt, int PdfBytes, int XlsxBytes,
        IssuedSource Source, string? VerificationCode, string? IssuedSha256, bool HasDocx, bool HasUploadedPdf, bool HasUploadedDocx,
        string? SignatureSubject, bool SignatureIsTest, DateTime? SignedAt, DateTime? RevokedAt, string? RevokedBy, string? RevocationReason);

    private IQueryable<Row> Summaries(IQueryable<IssuedReport> reports) =>
        from r in reports
        join p in db.Programs.AsNoTracking() on r.ProgramId equals p.Id
        from v in db.IssuedReportRevocations.AsNoTracking().Where(v => v.IssuedReportId == r.Id).DefaultIfEmpty()
        select new Row(r.Id, r.ReportKind, p.Code, r.FromYear, r.ToYear, r.Number, r.IssueDate, r.SignerName, r.SignerTitle, r.IssuedBy, r.IssuedAt,
            r.Pdf.Length, r.Xlsx.Length, r.Source, r.VerificationCode, r.IssuedSha256, r.Docx != null, r.UploadedPdf != null, r.UploadedDocx != null,
            r.SignatureSubject, r.SignatureIsTest, r.SignedAt,
            v == null ? null : v.RevokedAt, v == null ? null : v.RevokedBy, v == null ? null : v.Reason);

    private static IssuedReportSummary ToSummary(Row r) =>
        new(r.Id, ReportKinds.TryParse(r.Kind, out var kind) ? kind : ReportKind.Appendix, r.ProgramCode, r.FromYear, r.ToYear, r.Number, r.IssueDate,
            r.SignerName, r.SignerTitle, r.IssuedBy, r.IssuedAt, r.PdfBytes, r.XlsxBytes, r.Source, r.VerificationCode, r.IssuedSha256,
            r.HasDocx, r.HasUploadedPdf, r.HasUploadedDocx, r.SignatureSubject, r.SignatureIsTest, r.SignedAt, r.RevokedAt, r.RevokedBy, r.RevocationReason);

    /// <summary>The public verification page's view of a code; null when no document has it.</summary>
    public async Task<IssuedReportSummary?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return normalized.Length is > 0 and <= 16
            && await Summaries(db.IssuedReports.AsNoTracking().Where(r => r.VerificationCode == normalized)).FirstOrDefaultAsync(ct) is { } row
            ? ToSummary(row)
            : null;
    }

    /// <summary>Whether a file is byte for byte the issued one (SHA-256 of the whole file).</summary>
    public static bool IsIdentical(IssuedReportSummary report, byte[] file) =>
        report.IssuedSha256 is { } expected && string.Equals(Convert.ToHexStringLower(SHA256.HashData(file)), expected, StringComparison.Ordinal);
}
