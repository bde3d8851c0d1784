namespace NgheAn.CNHT.Application.Notifications;

/// <summary>Who receives e-mail for a notice: the active accounts of a role (or one of them) that have an address.</summary>
public interface INotificationRecipients
{
    Task<IReadOnlyList<string>> EmailsAsync(string role, string? userName, CancellationToken ct = default);
}

/// <summary>
/// The e-mail outbox as the application sees it: whether mail is configured at all (<c>Smtp:Host</c>), the
/// portal's public address for links, and a nudge for the background sender once a transaction has committed.
/// </summary>
public interface IMailOutbox
{
    bool Enabled { get; }

    /// <summary>The address users open the portal at (for links in e-mails), e.g. https://cnht.nghean.gov.vn.</summary>
    string? PortalUrl { get; }

    /// <summary>Tells the sender there is mail to send. Never blocks and never throws.</summary>
    void Wake();
}

/// <summary>No e-mail (hosts without the infrastructure sender, such as tools).</summary>
public sealed class NoMailOutbox : IMailOutbox
{
    public bool Enabled => false;
    public string? PortalUrl => null;
    public void Wake() { }
}
