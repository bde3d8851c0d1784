using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.Application.Reports;

public sealed record IssueReportInput(
    ReportKind Kind,
    string ProgramCode,
    int? FromYear,
    int? ToYear,
    string? Number,
    DateOnly IssueDate,
    string? SignerTitle,
    string? SignerName,
    string? Recipients);

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
    int XlsxBytes)
{
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
    DocumentQuery documents,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<IssuedReportService> logger)
{
    public async Task<int> IssueAsync(IssueReportInput input, CancellationToken ct = default)
    {
        var actor = user.Actor;
        if (!actor.IsIn(Roles.DoitLeader))
        {
            throw new DomainException("Chỉ Lãnh đạo Sở được ban hành báo cáo.");
        }

        var number = DocumentHeader.NormalizeNumber(Guard.Required(input.Number, "Số báo cáo", 40, nameof(input.Number)));
        var signerName = Guard.Required(input.SignerName, "Người ký", 200, nameof(input.SignerName));
        var signerTitle = Guard.Required(input.SignerTitle?.Replace("\r", "", StringComparison.Ordinal), "Chức vụ người ký", 200, nameof(input.SignerTitle));
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.IssueDate > VnFormat.TodayInVietnam(now) || input.IssueDate.Year < 2000)
        {
            throw new DomainException("Ngày ban hành không được ở tương lai.", nameof(input.IssueDate));
        }

        if (await db.IssuedReports.AnyAsync(r => r.Number == number, ct))
        {
            throw new DomainException($"Số báo cáo {number} đã được dùng cho một báo cáo đã ban hành.", nameof(input.Number));
        }

        var header = DocumentHeader.Issued(number, input.IssueDate, signerTitle, signerName);
        IReportModel model = input.Kind == ReportKind.Document
            ? await documents.BuildAsync(input.ProgramCode, input.FromYear, input.ToYear, header, Recipients(input.Recipients), ct)
            : await reports.BuildAsync(new ReportRequest(input.Kind, input.ProgramCode, input.FromYear, input.ToYear), ct);
        var programId = await db.Programs.Where(p => p.Code == model.ProgramCode).Select(p => p.Id).SingleAsync(ct);
        var report = new IssuedReport(input.Kind.Slug(), programId, model.FromYear, model.ToYear, number, input.IssueDate, signerName, signerTitle,
            ReportService.ToJson(model),
            reports.Render(model, ReportFormat.Pdf, header).Content,
            reports.Render(model, ReportFormat.Xlsx, header).Content,
            actor, now);
        db.IssuedReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two leaders issued the same number at the same moment: the unique index kept one.
            if (await db.IssuedReports.AsNoTracking().AnyAsync(r => r.Number == number, CancellationToken.None))
            {
                throw new DomainException($"Số báo cáo {number} đã được dùng cho một báo cáo đã ban hành.", nameof(input.Number));
            }

            throw;
        }
        logger.LogInformation("Report {Kind} issued as {Number} by {User}", input.Kind, number, actor.UserName);
        return report.Id;
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
            ReportFormat.Pdf => await query.Select(r => r.Pdf).SingleAsync(ct),
            ReportFormat.Xlsx => await query.Select(r => r.Xlsx).SingleAsync(ct),
            ReportFormat.Json => Encoding.UTF8.GetBytes(await query.Select(r => r.ModelJson).SingleAsync(ct)),
            _ => reports.Render(await FrozenModelAsync(id, summary.Kind, ct), ReportFormat.Html, summary.Header).Content,
        };
        return new ReportFile(summary.FileName(format), format.ContentType(), content);
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
        string SignerName, string SignerTitle, string IssuedBy, DateTime IssuedAt, int PdfBytes, int XlsxBytes);

    private IQueryable<Row> Summaries(IQueryable<IssuedReport> reports) =>
        from r in reports
        join p in db.Programs.AsNoTracking() on r.ProgramId equals p.Id
        select new Row(r.Id, r.ReportKind, p.Code, r.FromYear, r.ToYear, r.Number, r.IssueDate, r.SignerName, r.SignerTitle, r.IssuedBy, r.IssuedAt,
            r.Pdf.Length, r.Xlsx.Length);

    private static IssuedReportSummary ToSummary(Row r) =>
        new(r.Id, ReportKinds.TryParse(r.Kind, out var kind) ? kind : ReportKind.Appendix, r.ProgramCode, r.FromYear, r.ToYear, r.Number, r.IssueDate,
            r.SignerName, r.SignerTitle, r.IssuedBy, r.IssuedAt, r.PdfBytes, r.XlsxBytes);
}
