using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Dashboard;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Startup;

/// <summary>
/// Builds the kept ledger sums and the newest steps of every program (ADR 0104 and its addenda) once the database is
/// ready after a start (the <see cref="DatabaseGate"/>, ADR 0105), so that no user request pays their first build (about
/// 12 s at national size on the shared machine, issue 21). A request that arrives while they are built waits for the same
/// build behind <see cref="LedgerItemSums"/>'s gate and then finds them up to date; it never starts a second one.
/// </summary>
public sealed class KeptSumsWarmUp(IServiceScopeFactory scopes, DatabaseGate databaseGate, LedgerItemSums ledgerSums, NewestSteps newestSteps,
    ILogger<KeptSumsWarmUp> logger) : BackgroundService
{
    /// <summary>Completes when the warm-up has ended (built, failed or stopped); for tests and the start-up timeline.</summary>
    public Task Done => _done.Task;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: hosted services start one after another, before Kestrel listens.
        await Task.Yield();
        try
        {
            try
            {
                await databaseGate.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The preparation failed: logged as critical there, and the portal stops.
                return;
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var programs = await db.Programs.AsNoTracking().OrderBy(p => p.StartYear).Select(p => p.Id).ToListAsync(stoppingToken);
            foreach (var programId in programs)
            {
                await ledgerSums.WarmAsync(db, programId, stoppingToken);
                await newestSteps.IdsAsync(db, programId, 0, stoppingToken);
            }

            logger.LogInformation("Kept ledger sums and newest steps of {Programs} programs built in the background in {Elapsed:0} ms",
                programs.Count, watch.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops: the first request of the next start builds them, as it did before the warm-up.
        }
        catch (Exception ex)
        {
            // The database is unavailable for a moment, say: the first request builds them, as it did before the warm-up.
            logger.LogWarning(ex, "The kept ledger sums were not built in the background; the first request builds them");
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
