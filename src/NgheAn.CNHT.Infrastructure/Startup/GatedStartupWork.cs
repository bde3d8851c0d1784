using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NgheAn.CNHT.Infrastructure.Startup;

/// <summary>
/// A hosted service whose start reads the database (ASP.NET Core's data-protection warm-up, which loads the key ring),
/// started once the <see cref="DatabaseGate"/> opens. When the gate is already open (the database was prepared
/// first) it starts exactly as before; when the database is prepared in the background it starts right after the
/// migrations, without holding up the host's start (hosted services start one after another, before Kestrel listens).
/// </summary>
public sealed class GatedStartupWork(IHostedService inner, DatabaseGate gate, ILogger<GatedStartupWork> logger) : IHostedService
{
    public IHostedService Inner => inner;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (gate.IsOpen)
        {
            return inner.StartAsync(cancellationToken);
        }

        _ = StartWhenOpenAsync();
        return Task.CompletedTask;
    }

    private async Task StartWhenOpenAsync()
    {
        try
        {
            await gate.WaitAsync();
            await inner.StartAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The preparation failed: that failure is logged (critical) and stops the portal; this warm-up just gives up.
            logger.LogDebug(ex, "{Service} not started: the database was not prepared", inner.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);
}
