using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Startup;

/// <summary>
/// After a start, once the kept sums are built (<see cref="KeptSumsWarmUp"/>) and a few seconds more have passed, writes each
/// program's import template and this year's funding request (Excel and PDF) once, in the background (ADR 0233). The first
/// use of ClosedXML and PDFsharp in a process costs about a second on the shared machine (their code compiled, the fonts
/// loaded), which the first user to download a file paid; the files made are kept as every download is (ADR 0109, 0233),
/// so the first template download after a start is served from memory. Never before the start is over: the portal
/// answers /health/live as soon as it did. Off with <c>Portal:WarmDownloadsAfterStart=false</c>.
/// </summary>
public sealed class DownloadWarmUp(IServiceScopeFactory scopes, KeptSumsWarmUp keptSums, IConfiguration configuration, ILogger<DownloadWarmUp> logger)
    : BackgroundService
{
    public const string Setting = "Portal:WarmDownloadsAfterStart";

    /// <summary>Completes when the warm-up has ended (done, skipped, failed or stopped); for tests.</summary>
    public Task Done => _done.Task;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (!configuration.GetValue(Setting, true))
            {
                return;
            }

            await keptSums.Done.WaitAsync(stoppingToken);
            // Idle time after the start's own work: the first pages a user opens after a start go first.
            await Task.Delay(TimeSpan.FromSeconds(configuration.GetValue("Portal:WarmDownloadsDelaySeconds", 3.0)), stoppingToken);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var programs = await db.Programs.AsNoTracking().OrderBy(p => p.StartYear).Select(p => p.Code).ToListAsync(stoppingToken);
            var template = scope.ServiceProvider.GetRequiredService<ImportTemplate>();
            foreach (var code in programs)
            {
                await template.FileAsync(code, stoppingToken);
            }

            var current = await scope.ServiceProvider.GetRequiredService<Application.Catalog.CatalogQueries>().DefaultProgramCodeAsync(
                Domain.Common.VnFormat.TodayInVietnam(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).Year, stoppingToken);
            if (current is not null)
            {
                var files = scope.ServiceProvider.GetRequiredService<ReportFileCache>();
                var request = new ReportRequest(ReportKind.FundingRequest, current);
                await files.RenderAsync(request, ReportFormat.Xlsx, stoppingToken);
                await files.RenderAsync(request, ReportFormat.Pdf, stoppingToken);
            }

            logger.LogInformation("Import templates of {Programs} programs and a funding request's files written in the background in {Elapsed:0} ms",
                programs.Count, watch.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Only a warm-up: the first download makes its file, as it did before.
            logger.LogWarning(ex, "The downloads were not warmed up in the background; the first download makes its file");
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
