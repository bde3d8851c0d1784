using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Notifications;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// The data version of this node (ADR 0198, ADR 0216): read from the database at most once per <see cref="Freshness"/>,
/// and again at once after any transaction this node commits or any write command it runs outside a transaction
/// (<see cref="DataVersionCommitInterceptor"/>, <see cref="DataVersionWriteInterceptor"/>). Public pages (output cache),
/// staff pages, cached read models (<see cref="VersionedCache"/>) and report files are keyed by it, so a warm page costs
/// no database round trip; a change made on this node shows on the next request, a change made elsewhere (another
/// node, the command line) within <see cref="Freshness"/>.
/// </summary>
public sealed class DataVersionWatch(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private sealed record Reading(long Version, long Commits, DateTimeOffset At);

    private long _commits;
    private Reading? _last;

    /// <summary>How many transactions this node has committed since it started.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Called after every commit of this node and every write command outside a transaction.</summary>
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
        var reading = new Reading(version, commits, clock.GetUtcNow());
        while (true)
        {
            // Never backwards: the version only rises in the database, so when two reads overlap and the older value
            // comes back last, the newer reading stays (a kept model keyed by an older value would be served again).
            var kept = Volatile.Read(ref _last);
            if (kept is not null && kept.Version > version)
            {
                return kept.Version;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _last, reading, kept), kept))
            {
                return version;
            }
        }
    }
}

/// <summary>
/// Tells the <see cref="DataVersionWatch"/> (and the kept unread counts, ADR 0217) of every committed transaction (each
/// business write runs in one).
/// </summary>
public sealed class DataVersionCommitInterceptor(DataVersionWatch watch, UnreadNotices unread) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        watch.Committed();
        unread.Changed();
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A write command run outside any transaction commits on its own (<c>ExecuteSqlRaw</c> of <see cref="DataVersion.RaiseSql"/>
/// by the bulk paths, <c>ExecuteUpdate</c>, raw SQL): it counts as a commit of this node, so the data version is read
/// again at once (ADR 0216). Commands inside a transaction are counted when it commits.
/// </summary>
public sealed class DataVersionWriteInterceptor(DataVersionWatch watch, UnreadNotices unread) : DbCommandInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Wrote(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wrote(command);
        return ValueTask.FromResult(result);
    }

    private void Wrote(DbCommand command)
    {
        if (command.Transaction is null)
        {
            watch.Committed();
            unread.Changed();
        }
    }
}
