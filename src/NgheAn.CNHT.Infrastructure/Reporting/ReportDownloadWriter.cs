using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Reporting;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Startup;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// Saves the queued downloads (<see cref="ReportDownloadQueue"/>, ADR 0219) in batches of up to <see cref="BatchSize"/>,
/// one transaction each, in the order they were made. A batch the database refuses is kept and tried again each second;
/// when the host stops, everything still queued is saved before the writer ends.
/// </summary>
public sealed class ReportDownloadWriter(ReportDownloadQueue queue, IServiceScopeFactory scopes, DatabaseGate databaseGate,
    ILogger<ReportDownloadWriter> logger) : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await databaseGate.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The preparation failed: logged as critical there, and the portal stops.
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var batch = new List<ReportDownload>(BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && queue.Reader.TryRead(out var download))
                {
                    batch.Add(download);
                }

                while (!await SaveAsync(batch))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops: save what is still queued, below.
        }

        while (queue.Reader.TryRead(out var download))
        {
            batch.Add(download);
            if (batch.Count == BatchSize && !await SaveAsync(batch))
            {
                break;
            }
        }

        if (batch.Count > 0 && !await SaveAsync(batch))
        {
            logger.LogError("{Count} report downloads could not be saved to the download log before the portal stopped", batch.Count + queue.Reader.Count);
        }
    }

    /// <summary>Saves the batch in one transaction; true (and the batch emptied) once it is committed.</summary>
    private async Task<bool> SaveAsync(List<ReportDownload> batch)
    {
        if (batch.Count == 0)
        {
            return true;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ReportDownloads.AddRange(batch);
            await db.SaveChangesAsync(CancellationToken.None);
            queue.Written(batch.Count);
            batch.Clear();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Count} report downloads were not saved to the download log; trying again", batch.Count);
            return false;
        }
    }
}
