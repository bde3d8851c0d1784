using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NgheAn.CNHT.Infrastructure.Identity;

/// <summary>
/// Counts the saves of this node that touch an account (its row, roles, claims, logins or tokens). A session check
/// kept in memory (SessionValidation, ADR 0205) is reused only while this count and the node's commit count are
/// unchanged, so an account change made through this node ends its sessions on their next request.
/// </summary>
public sealed class AccountChangeWatch
{
    private long _changes;

    public long Changes => Interlocked.Read(ref _changes);

    public void Changed() => Interlocked.Increment(ref _changes);
}

/// <summary>
/// Tells the <see cref="AccountChangeWatch"/> of a save that touches an account, before it is written and again once it
/// is (a stamp-only change such as signing out is one UPDATE without a transaction of its own, so the transaction
/// interceptor never sees it). Counting before as well as after means a session read while the save runs is read again.
/// </summary>
public sealed class AccountChangeInterceptor(AccountChangeWatch watch) : SaveChangesInterceptor
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
                && entry.Entity is AppUser or IdentityUserRole<string> or IdentityUserClaim<string> or IdentityUserLogin<string> or IdentityUserToken<string>)
            {
                _touched = true;
                watch.Changed();
                return;
            }
        }
    }

    private void After()
    {
        if (_touched)
        {
            _touched = false;
            watch.Changed();
        }
    }
}
