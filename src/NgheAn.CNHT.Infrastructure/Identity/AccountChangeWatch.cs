using Microsoft.AspNetCore.Identity;

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
public sealed class AccountChangeInterceptor(AccountChangeWatch watch) : Persistence.ChangeSignalInterceptor
{
    protected override bool Watches(object entity) =>
        entity is AppUser or IdentityUserRole<string> or IdentityUserClaim<string> or IdentityUserLogin<string> or IdentityUserToken<string>;

    protected override void Signal() => watch.Changed();
}
