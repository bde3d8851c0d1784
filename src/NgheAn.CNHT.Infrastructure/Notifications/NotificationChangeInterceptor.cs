using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Domain.Access;

namespace NgheAn.CNHT.Infrastructure.Notifications;

/// <summary>
/// Tells <see cref="UnreadNotices"/> of a save that adds or changes a notice or a read receipt, before it is written and
/// again once it is (ADR 0217): a read receipt is one INSERT that commits on its own, so the transaction interceptor may
/// never see it. Counting before as well as after means a count read while the save runs is read again.
/// </summary>
public sealed class NotificationChangeInterceptor(UnreadNotices unread) : SaveChangesInterceptor
{
    private bool _touched;

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
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is Notification or NotificationReceipt)
            {
                _touched = true;
                unread.Changed();
                return;
            }
        }
    }

    private void After()
    {
        if (_touched)
        {
            _touched = false;
            unread.Changed();
        }
    }
}
