using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Domain.Access;

namespace NgheAn.CNHT.Infrastructure.Notifications;

/// <summary>
/// Tells <see cref="UnreadNotices"/> of a save that adds or changes a notice or a read receipt, before it is written and
/// again once it is (ADR 0217): a read receipt is one INSERT that commits on its own, so the transaction interceptor may
/// never see it. Counting before as well as after means a count read while the save runs is read again.
/// </summary>
public sealed class NotificationChangeInterceptor(UnreadNotices unread) : Persistence.ChangeSignalInterceptor
{
    protected override bool Watches(object entity) => entity is Notification or NotificationReceipt;

    protected override void Signal() => unread.Changed();
}
