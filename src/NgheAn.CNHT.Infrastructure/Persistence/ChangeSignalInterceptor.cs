using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// Signals a save that adds, changes or deletes an entity this interceptor watches, before it is written and again once
/// it is (or fails). A save of one statement commits without a transaction of its own, so a transaction interceptor
/// may never see it; signalling before as well as after means a value kept in memory and read while the save runs is
/// read again. Used by the account watch (ADR 0205) and the bell's kept notices (ADR 0217).
/// </summary>
public abstract class ChangeSignalInterceptor : SaveChangesInterceptor
{
    private bool _touched;

    /// <summary>Whether a change of <paramref name="entity"/> must be signalled.</summary>
    protected abstract bool Watches(object entity);

    /// <summary>Tells what keeps the value in memory that it may have changed.</summary>
    protected abstract void Signal();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After();
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watches(entry.Entity))
            {
                _touched = true;
                Signal();
                return;
            }
        }
    }

    private void After()
    {
        if (_touched)
        {
            _touched = false;
            Signal();
        }
    }
}
