using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.Application.Reports;

public sealed record ReportDownloadRow(long Id, string UserName, string ReportKind, string Format, string Parameters, DateTime At);

/// <summary>Who downloaded which report, in which format, when (append-only; never edited).</summary>
public sealed class ReportDownloadLog(IAppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The kind recorded for a download of a program's whole data (Xuất dữ liệu), besides the report kinds.</summary>
    public const string ProgramDataKind = "du-lieu-chuong-trinh";

    /// <summary>The Vietnamese name of a recorded kind.</summary>
    public static string Title(string kind) =>
        kind == ProgramDataKind ? "Dữ liệu chương trình (xuất toàn bộ)" : ReportKinds.TryParse(kind, out var report) ? report.Title() : kind;

    public async Task RecordAsync(string reportKind, ReportFormat format, string parameters, CancellationToken ct = default)
    {
        db.ReportDownloads.Add(new ReportDownload(user.UserName, reportKind, format.Extension(), parameters.Length > 500 ? parameters[..500] : parameters,
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ReportDownloadRow>> RecentAsync(int take = 200, CancellationToken ct = default) =>
        await db.ReportDownloads.AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Take(take)
            .Select(d => new ReportDownloadRow(d.Id, d.UserName, d.ReportKind, d.Format, d.Parameters, d.At))
            .ToListAsync(ct);
}
