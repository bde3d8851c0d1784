namespace NgheAn.CNHT.Infrastructure.Startup;

/// <summary>
/// Whether the database is prepared (issue 21, cold start; ADR 0105 and its addenda). Open by default: the portal normally
/// prepares the database before anything else runs (command-line verbs, tests, <c>Portal:InitializeInBackground=false</c>).
/// When the web host listens first and prepares the database in the background, the start <see cref="Hold"/>s the gate
/// before the host starts and runs the preparation through <see cref="PrepareAsync"/>, which opens it at the end (or
/// hands its failure to those waiting). What reads the database outside a request (the data-protection key ring and its
/// warm-up, the mail outbox) waits here instead of meeting a file without tables; the preparation's own reads (the
/// migrations' creation of the first data-protection key) pass, since they come after the migrations they depend on.
/// </summary>
public sealed class DatabaseGate
{
    private static readonly AsyncLocal<bool> Preparing = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource? _pending;
    private Task _opened = Task.CompletedTask;

    /// <summary>True once the database is prepared (or when the gate was never held).</summary>
    public bool IsOpen => _opened.IsCompletedSuccessfully;

    /// <summary>Closes the gate until the preparation ends; called before the host starts. Idempotent.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            if (_pending is null && _opened.IsCompletedSuccessfully)
            {
                _pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _opened = _pending.Task;
            }
        }
    }

    /// <summary>Runs the preparation (which passes the gate), then opens the gate; a failure faults it and is rethrown.</summary>
    public async Task PrepareAsync(Func<Task> prepare)
    {
        Preparing.Value = true;
        try
        {
            await prepare();
        }
        catch (Exception ex)
        {
            Release(ex);
            throw;
        }

        Release(null);
    }

    /// <summary>Completes when the gate opens (at once inside the preparation); faults when the preparation failed.</summary>
    public Task WaitAsync(CancellationToken ct = default) => Preparing.Value ? Task.CompletedTask : _opened.WaitAsync(ct);

    /// <summary>Blocks until the gate opens, for synchronous callers (the key ring's repository); returns at once when open.</summary>
    public void Wait()
    {
        var opened = _opened;
        if (!opened.IsCompletedSuccessfully && !Preparing.Value)
        {
            opened.GetAwaiter().GetResult();
        }
    }

    private void Release(Exception? error)
    {
        TaskCompletionSource? pending;
        lock (_lock)
        {
            pending = _pending;
            _pending = null;
        }

        if (error is null)
        {
            pending?.TrySetResult();
        }
        else
        {
            pending?.TrySetException(error);
        }
    }
}
