using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.Application.Reports;

public sealed record ReportDownloadRow(long Id, string UserName, string ReportKind, string Format, string Parameters, DateTime At);

/// <summary>
/// Who downloaded which report, in which format, when (append-only; never edited). A download is queued with its user and
/// time and saved by one background writer in batches (ADR 0219); the log read here includes every download queued before.
/// </summary>
public sealed class ReportDownloadLog(IAppDbContext db, ICurrentUser user, TimeProvider clock, ReportDownloadQueue queue)
{
    /// <summary>The kind recorded for a download of a program's whole data (Xuất dữ liệu), besides the report kinds.</summary>
    public const string ProgramDataKind = "du-lieu-chuong-trinh";

    /// <summary>The Vietnamese name of a recorded kind.</summary>
    public static string Title(string kind) =>
        kind == ProgramDataKind ? "Dữ liệu chương trình (xuất toàn bộ)" : ReportKinds.TryParse(kind, out var report) ? report.Title() : kind;

    /// <summary>How long a read of the log waits for the downloads queued before it to be saved.</summary>
    public static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(5);

    public async Task RecordAsync(string reportKind, ReportFormat format, string parameters, CancellationToken ct = default) =>
        await queue.EnqueueAsync(new ReportDownload(user.UserName, reportKind, format.Extension(), parameters.Length > 500 ? parameters[..500] : parameters,
            clock.GetUtcNow().UtcDateTime), ct);

    public async Task<IReadOnlyList<ReportDownloadRow>> RecentAsync(int take = 200, CancellationToken ct = default)
    {
        await queue.FlushAsync(FlushWait, ct);
        return await db.ReportDownloads.AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Take(take)
            .Select(d => new ReportDownloadRow(d.Id, d.UserName, d.ReportKind, d.Format, d.Parameters, d.At))
            .ToListAsync(ct);
    }
}
