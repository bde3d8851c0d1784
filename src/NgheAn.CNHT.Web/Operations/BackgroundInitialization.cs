using NgheAn.CNHT.Infrastructure.Startup;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// Start-up without waiting for the database (issue 21, cold start): the portal listens at once and answers
/// <c>/health/live</c>, while the migrations check, the reference catalog and the seeders run in the background; every other
/// request waits for them (a business page never sees a database that is not ready). If they fail, those requests answer
/// 503, the failure is logged and the portal stops with exit code 1, as it did when they ran before listening.
/// What reads the database outside a request (the data-protection key ring and its warm-up, the mail outbox) waits for
/// the same preparation (<see cref="DatabaseGate"/>, ADR 0105 addenda): a fresh database starts without an error.
/// On by default (<c>Portal:InitializeInBackground</c>, appsettings.json); tests and command-line verbs run them first.
/// </summary>
public sealed class BackgroundInitialization
{
    private readonly Task _done;

    private BackgroundInitialization(Task done) => _done = done;

    /// <summary>The preparation failed (a host stopped before it listened never prepared: not a failure).</summary>
    public bool Failed => _done.IsFaulted;

    public static BackgroundInitialization Start(WebApplication app, Func<Task> initialize)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<BackgroundInitialization>();
        var database = app.Services.GetRequiredService<DatabaseGate>();
        // Before the host starts its hosted services: the key ring's warm-up must find the gate closed.
        database.Hold();
        // Once the server listens (issue 21, cold start; ADR 0105 addendum 3): on two cores the preparation's CPU (EF's
        // model, the migrations check) competed with building the pipeline and starting Kestrel, delaying the first
        // answer. A host that stops before it listens never prepares (its waiting requests answer 503; not a failure).
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Lifetime.ApplicationStarted.Register(() => listening.TrySetResult());
        app.Lifetime.ApplicationStopping.Register(() => listening.TrySetCanceled());
        var done = Task.Run(async () =>
        {
            await listening.Task;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await database.PrepareAsync(initialize);
                logger.LogInformation("Database prepared in the background in {Elapsed:0} ms: every request is served now", watch.Elapsed.TotalMilliseconds);
            }
            catch (Exception ex)
            {
                logger.LogCritical(ex, "Database initialization failed; the portal stops");
                app.Lifetime.StopApplication();
                throw;
            }
        });
        var gate = new BackgroundInitialization(done);
        app.Use(async (context, next) =>
        {
            if (!done.IsCompletedSuccessfully && !context.Request.Path.StartsWithSegments("/health/live", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    await done.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (done.IsFaulted || done.IsCanceled)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
            }

            await next(context);
        });
        return gate;
    }
}
