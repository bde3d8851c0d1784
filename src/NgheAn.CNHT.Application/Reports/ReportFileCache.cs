using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
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
/// <para>
/// After a write the model is built again, but a PDF, Excel or Word file is rendered again only when the model's content
/// changed (ADR 0233): the rendering is also kept under a fingerprint of the model (its JSON form without the moment it
/// was made), so a write that leaves this report's figures and texts as they were (most writes, for a per-item report)
/// costs the model's queries, not ClosedXML's or PDFsharp's rendering. The same keeping serves files that are a function
/// of a small model alone (<see cref="KeepByContent"/>: the import template of a program's catalog).
/// </para>
/// </summary>
public sealed class ReportFileCache(ReportService reports, IDataVersion version, IMemoryCache cache, IAppDbContext db, TimeProvider clock, ReportRendersUnderWay? underWay = null)
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

        // Many people asking for the same file at once (a meeting's link): one builds and renders it, the others wait for
        // that file instead of rendering it each (40 renders at once starved a 2-core machine for minutes). A waiter whose
        // renderer failed (its request was aborted, say) renders for itself.
        if (underWay is null)
        {
            return await BuildAndKeepAsync(request, format, key, today, ct);
        }

        var mine = new TaskCompletionSource<ReportFile>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = underWay.Renders.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return await running.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                return await BuildAndKeepAsync(request, format, key, today, ct);
            }
        }

        try
        {
            var file = await BuildAndKeepAsync(request, format, key, today, ct);
            mine.SetResult(file);
            return file;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            underWay.Renders.TryRemove(new KeyValuePair<string, Task<ReportFile>>(key, mine.Task));
        }
    }

    private async Task<ReportFile> BuildAndKeepAsync(ReportRequest request, ReportFormat format, string key, DateOnly today, CancellationToken ct)
    {
        underWay?.CountStart();
        await reports.EnsurePrintableAsync(request, format, ct);
        var model = await reports.BuildAsync(request, ct);
        // JSON costs no rendering (and carries the moment it was made); the register's rows are many (ADR 0229): neither is
        // fingerprinted.
        var file = format == ReportFormat.Json || model.Kind == ReportKind.Register
            ? reports.Render(model, format)
            : KeepByContent($"{model.Kind}:{format}:{today:yyyyMMdd}", ReportFingerprint(model), () => reports.Render(model, format));
        Keep(key, file);
        return file;
    }

    /// <summary>
    /// The file <paramref name="render"/> makes, kept under <paramref name="kind"/> and the <paramref name="fingerprint"/> of
    /// everything it is made from (<see cref="Fingerprint(object)"/>): the same content serves the same bytes, any change to
    /// the content gives a new file. Only for files that depend on nothing but that content.
    /// </summary>
    public ReportFile KeepByContent(string kind, string fingerprint, Func<ReportFile> render)
    {
        var key = $"report-content:{kind}:{fingerprint}";
        if (cache.TryGetValue(key, out ReportFile? hit) && hit is not null)
        {
            return hit;
        }

        var file = render();
        Keep(key, file);
        return file;
    }

    /// <summary>A report model's content: its JSON form (the one issued reports are frozen as) without the moment it was made.</summary>
    public static string ReportFingerprint(IReportModel model)
    {
        var node = JsonSerializer.SerializeToNode(model, model.GetType(), ReportJson.Options)!.AsObject();
        node.Remove("generatedAtUtc");
        return Hash(JsonSerializer.SerializeToUtf8Bytes(node, ReportJson.Options));
    }

    /// <summary>Any other model's content: its JSON form, every public property.</summary>
    public static string Fingerprint(object model) => Hash(JsonSerializer.SerializeToUtf8Bytes(model, model.GetType(), ReportJson.Options));

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content));

    private void Keep(string key, ReportFile file)
    {
        if (file.Content.Length <= MaxCachedBytes)
        {
            cache.Set(key, file, new MemoryCacheEntryOptions
            {
                SlidingExpiration = TimeSpan.FromMinutes(5),
                Size = 1 + (file.Content.Length / BytesPerUnit),
            });
        }
    }
}

/// <summary>The report files being rendered now, by their cache key (one per process): concurrent requests for one file share its rendering.</summary>
public sealed class ReportRendersUnderWay
{
    public ConcurrentDictionary<string, Task<ReportFile>> Renders { get; } = new(StringComparer.Ordinal);

    /// <summary>Builds and renders started since the process started (tests).</summary>
    public int Started => Volatile.Read(ref _started);

    private int _started;

    internal void CountStart() => Interlocked.Increment(ref _started);
}
