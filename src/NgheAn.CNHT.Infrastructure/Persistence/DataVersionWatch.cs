using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// The data version as public pages use it (ADR 0198): read from the database at most once per
/// <see cref="Freshness"/>, and again at once after any transaction this node commits. A visitor's page is keyed by
/// it (output cache), so a cached page costs no database round trip; a change made on this node shows on the next
/// request, a change made elsewhere (another node, the command line) within <see cref="Freshness"/>.
/// Staff pages and reports keep reading the version on every use (<see cref="VersionedCache"/>): never stale.
/// </summary>
public sealed class DataVersionWatch(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private sealed record Reading(long Version, long Commits, DateTimeOffset At);

    private long _commits;
    private Reading? _last;

    /// <summary>How many transactions this node has committed since it started.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Called after every commit of this node (<see cref="DataVersionCommitInterceptor"/>).</summary>
    public void Committed() => Interlocked.Increment(ref _commits);

    public async ValueTask<long> CurrentAsync(Func<CancellationToken, Task<long>> read, CancellationToken ct = default)
    {
        // Counted before the read: a commit landing while it runs makes the next request read again.
        var commits = Commits;
        if (Volatile.Read(ref _last) is { } last && last.Commits == commits && clock.GetUtcNow() - last.At < Freshness)
        {
            return last.Version;
        }

        var version = await read(ct);
        Volatile.Write(ref _last, new Reading(version, commits, clock.GetUtcNow()));
        return version;
    }
}

/// <summary>Tells the <see cref="DataVersionWatch"/> of every committed transaction (each business write runs in one).</summary>
public sealed class DataVersionCommitInterceptor(DataVersionWatch watch) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => watch.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        watch.Committed();
        return Task.CompletedTask;
    }
}
