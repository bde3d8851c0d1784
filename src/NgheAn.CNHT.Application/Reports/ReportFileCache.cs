using Microsoft.Extensions.Caching.Memory;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// Rendered report files (PDF, XLSX, DOCX, JSON) kept in memory under the data version (ADR 0109), like the read models of
/// <see cref="VersionedCache"/>: the second download of the same report, parameters, format and data version serves the
/// same bytes without building or rendering; any business write raises the version, so a changed figure always gives a
/// new file. The key also holds today's date in Vietnam (files carry the date they are made). Files larger than
/// <see cref="MaxCachedBytes"/> (the register at national size) are rendered each time and never kept.
/// </summary>
public sealed class ReportFileCache(ReportService reports, IDataVersion version, IMemoryCache cache, IAppDbContext db, TimeProvider clock)
{
    public const int MaxCachedBytes = 8 * 1024 * 1024;

    /// <summary>Cache size units per entry: one per started 256 KB, so large files count for more against the cache's limit.</summary>
    private const int BytesPerUnit = 256 * 1024;

    public async Task<ReportFile> RenderAsync(ReportRequest request, ReportFormat format, CancellationToken ct = default)
    {
        // Inside an open transaction what is read may never be committed: nothing is cached.
        if (db.InTransaction)
        {
            return await reports.RenderAsync(request, format, ct);
        }

        var current = await version.CurrentAsync(ct);
        var today = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        var key = $"report-file:{request.Kind}:{request.ProgramCode}:{request.FromYear}:{request.ToYear}:{format}:{today:yyyyMMdd}@{current}";
        if (cache.TryGetValue(key, out ReportFile? hit) && hit is not null)
        {
            return hit;
        }

        var file = await reports.RenderAsync(request, format, ct);
        if (file.Content.Length <= MaxCachedBytes)
        {
            cache.Set(key, file, new MemoryCacheEntryOptions
            {
                SlidingExpiration = TimeSpan.FromMinutes(5),
                Size = 1 + (file.Content.Length / BytesPerUnit),
            });
        }

        return file;
    }
}
