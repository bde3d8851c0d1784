using System.Threading.Channels;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// The downloads waiting to be written to the download log (ADR 0219). A download is a read: recording it in its own
/// write transaction made every download wait for SQLite's single writer (40 % of a cached download's CPU, issue 21 § 4).
/// One background writer saves what is queued in batches; <see cref="FlushAsync"/> waits until everything queued before
/// the call is saved, so the log read on this node always shows the downloads made before it.
/// </summary>
public sealed class ReportDownloadQueue
{
    /// <summary>At most this many downloads wait; beyond it a download waits for the writer (never dropped).</summary>
    public const int Capacity = 10_000;

    private readonly Channel<ReportDownload> _channel = Channel.CreateBounded<ReportDownload>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private long _queued;
    private long _written;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelReader<ReportDownload> Reader => _channel.Reader;

    /// <summary>How many downloads were queued and not yet saved.</summary>
    public long Pending => Volatile.Read(ref _queued) - Volatile.Read(ref _written);

    public async ValueTask EnqueueAsync(ReportDownload download, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _queued);
        try
        {
            if (!_channel.Writer.TryWrite(download))
            {
                await _channel.Writer.WriteAsync(download, ct);
            }
        }
        catch
        {
            Interlocked.Decrement(ref _queued);
            throw;
        }
    }

    /// <summary>Waits until every download queued before this call is saved, or <paramref name="timeout"/> has passed.</summary>
    /// <returns>false when the time ran out first (the writer cannot reach the database, say).</returns>
    public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var target = Volatile.Read(ref _queued);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var progress = Volatile.Read(ref _progress);
                if (Volatile.Read(ref _written) >= target)
                {
                    return true;
                }

                await progress.Task.WaitAsync(limit.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Called by the writer once a batch is committed.</summary>
    public void Written(int count)
    {
        Interlocked.Add(ref _written, count);
        Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
