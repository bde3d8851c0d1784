using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.UnitTests.Persistence;

/// <summary>
/// The node's data version never goes backwards (ADR 0216; the register's counter, ADR 0227, relies on it): when two
/// reads overlap and the one that read the older value returns last, the newer reading is kept and returned.
/// </summary>
public sealed class DataVersionWatchTests
{
    [Fact]
    public async Task Two_overlapping_reads_keep_the_newer_version_whichever_returns_last()
    {
        var watch = new DataVersionWatch(TimeProvider.System);
        var older = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var newer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Both start before either has returned (nothing is kept yet), as two requests of a busy node would.
        var first = watch.CurrentAsync(_ => older.Task).AsTask();
        var second = watch.CurrentAsync(_ => newer.Task).AsTask();
        newer.SetResult(5L << 32);
        Assert.Equal(5L << 32, await second);
        older.SetResult(4L << 32);

        // The read that saw the older value answers with the newer one, and the newer one is what is kept.
        Assert.Equal(5L << 32, await first);
        Assert.Equal(5L << 32, await watch.CurrentAsync(_ => throw new InvalidOperationException("read again while fresh")));
    }

    [Fact]
    public async Task A_newer_read_replaces_the_kept_one_after_a_commit()
    {
        var watch = new DataVersionWatch(TimeProvider.System);
        Assert.Equal(7, await watch.CurrentAsync(_ => Task.FromResult(7L)));
        watch.Committed();
        Assert.Equal(9, await watch.CurrentAsync(_ => Task.FromResult(9L)));
        Assert.Equal(9, await watch.CurrentAsync(_ => throw new InvalidOperationException("read again while fresh")));
    }
}
