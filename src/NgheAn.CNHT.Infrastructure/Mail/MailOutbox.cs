using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Notifications;

namespace NgheAn.CNHT.Infrastructure.Mail;

/// <summary>The outbox's switch and doorbell: enabled by <c>Smtp:Host</c>; <see cref="Wake"/> releases the sender's wait.</summary>
public sealed class MailOutbox(IOptions<SmtpOptions> options) : IMailOutbox
{
    // At most one pending ring: a sender that wakes sends everything due, however many rang.
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool Enabled => options.Value.Enabled;

    public string? PortalUrl => options.Value.PortalUrl;

    public void Wake() => _doorbell.Writer.TryWrite(true);

    /// <summary>Waits for a ring or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(poll);
        try
        {
            await _doorbell.Reader.WaitToReadAsync(timeout.Token);
            _doorbell.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed without a ring.
        }
    }
}
