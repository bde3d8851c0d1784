using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Access;

/// <summary>
/// An in-portal notice that a proposal needs someone's action: to every user of a role, or to one user
/// (<see cref="RecipientUser"/>). Who has read it is kept per user (<see cref="NotificationReceipt"/>), since
/// one colleague reading a notice to the Support Center does not mean the others have. Once the proposal
/// moves on, the notice is resolved: it stays in the list but no longer asks for attention.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string recipientRole, string? recipientUser, int? proposalId, string message, string? link, DateTime utcNow)
    {
        RecipientRole = Guard.Required(recipientRole, "Vai trò nhận", 30);
        RecipientUser = Guard.Optional(recipientUser, "Người nhận", 256);
        ProposalId = proposalId;
        Message = Guard.Required(message, "Nội dung thông báo", 1000);
        Link = Guard.Optional(link, "Liên kết", 300);
        CreatedAt = utcNow;
    }

    public long Id { get; private set; }
    public string RecipientRole { get; private set; } = "";
    public string? RecipientUser { get; private set; }
    public int? ProposalId { get; private set; }
    public string Message { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>When the proposal moved on, so nobody needs to act on this notice any more.</summary>
    public DateTime? ResolvedAt { get; private set; }

    public void Resolve(DateTime utcNow) => ResolvedAt ??= utcNow;
}

/// <summary>That one user has read one notification.</summary>
public sealed class NotificationReceipt
{
    private NotificationReceipt() { }

    public NotificationReceipt(long notificationId, string userName, DateTime utcNow)
    {
        NotificationId = notificationId;
        UserName = Guard.Required(userName, "Người đọc", 256);
        ReadAt = utcNow;
    }

    public long NotificationId { get; private set; }
    public string UserName { get; private set; } = "";
    public DateTime ReadAt { get; private set; }
}

/// <summary>
/// An e-mail waiting to be sent (outbox). Written in the same transaction as the change it tells about and
/// sent afterwards by a background sender, so a slow or broken mail server never holds up or undoes that change.
/// </summary>
public sealed class OutgoingEmail
{
    public const int MaxAttempts = 8;

    private OutgoingEmail() { }

    public OutgoingEmail(string to, string subject, string body, DateTime utcNow)
    {
        To = Guard.Required(to, "Địa chỉ nhận", 320);
        Subject = Guard.Required(subject, "Tiêu đề", 300);
        Body = Guard.Required(body, "Nội dung", 8000);
        CreatedAt = utcNow;
        NextAttemptAt = utcNow;
    }

    public long Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    /// <summary>A sender has claimed the message until this time (several web nodes may run senders).</summary>
    public DateTime? LockedUntil { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAt { get; private set; }
    /// <summary>Given up after <see cref="MaxAttempts"/> failures.</summary>
    public DateTime? FailedAt { get; private set; }

    /// <summary>Retry delay after the n-th failure: 1, 2, 4, 8 … minutes, at most 2 hours.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, Math.Max(0, attempts - 1))));
}
