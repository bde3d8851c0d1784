using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Mail;

/// <summary>
/// Sends the outbox (<see cref="OutgoingEmail"/>) in the background: woken by the step that queued mail (after its
/// commit) and every <see cref="SmtpOptions.PollSeconds"/> for retries and for mail queued on other nodes. Each
/// message is claimed with a conditional UPDATE before sending, so two nodes never send the same one. A failure is
/// logged and retried later (1, 2, 4 … minutes, <see cref="OutgoingEmail.MaxAttempts"/> times); it never reaches a user.
/// </summary>
public sealed class OutgoingMailSender(
    IServiceScopeFactory scopes,
    MailOutbox outbox,
    IOptions<SmtpOptions> options,
    TimeProvider clock,
    Startup.DatabaseGate databaseGate,
    ILogger<OutgoingMailSender> logger) : BackgroundService
{
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        logger.LogInformation("E-mail notices on: SMTP {Host}:{Port}", settings.Host, settings.Port);
        // A database prepared in the background has no outbox table until its migrations are applied (ADR 0105): wait for it.
        try
        {
            await databaseGate.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(settings, stoppingToken) == Batch)
                {
                    // A full batch: there may be more waiting.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the next round tries again.
                logger.LogWarning(ex, "E-mail outbox round failed");
            }

            try
            {
                await outbox.WaitAsync(TimeSpan.FromSeconds(settings.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Sends what is due now; returns how many messages were claimed.</summary>
    public async Task<int> SendDueAsync(SmtpOptions settings, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingEmails.AsNoTracking()
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var lease = now.AddSeconds(settings.TimeoutSeconds * 4);
        var claimed = new List<OutgoingEmail>();
        foreach (var mail in due)
        {
            var id = mail.Id;
            var rows = await db.OutgoingEmails
                .Where(e => e.Id == id && e.SentAt == null && (e.LockedUntil == null || e.LockedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.LockedUntil, lease), ct);
            if (rows == 1)
            {
                claimed.Add(mail);
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        Exception? connectError = null;
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Socket(settings), ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            connectError = ex;
            logger.LogWarning("SMTP server {Host}:{Port} not reachable: {Error}", settings.Host, settings.Port, ex.Message);
        }

        foreach (var mail in claimed)
        {
            if (connectError is not null)
            {
                await FailedAsync(db, mail, connectError, ct);
                continue;
            }

            try
            {
                await client.SendAsync(Message(settings, mail), ct);
                var id = mail.Id;
                var sentAt = clock.GetUtcNow().UtcDateTime;
                await db.OutgoingEmails.Where(e => e.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.SentAt, sentAt).SetProperty(e => e.LockedUntil, (DateTime?)null)
                        .SetProperty(e => e.Attempts, e => e.Attempts + 1).SetProperty(e => e.LastError, (string?)null), ct);
                logger.LogInformation("E-mail {EmailId} sent", mail.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning("E-mail {EmailId} not sent: {Error}", mail.Id, ex.Message);
                await FailedAsync(db, mail, ex, ct);
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "SMTP disconnect");
            }
        }

        return claimed.Count;
    }

    private async Task FailedAsync(AppDbContext db, OutgoingEmail mail, Exception error, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var next = now + OutgoingEmail.RetryDelay(attempts);
        DateTime? failedAt = attempts >= OutgoingEmail.MaxAttempts ? now : null;
        var message = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        var id = mail.Id;
        await db.OutgoingEmails.Where(e => e.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Attempts, attempts).SetProperty(e => e.NextAttemptAt, next)
                .SetProperty(e => e.LastError, message).SetProperty(e => e.FailedAt, failedAt).SetProperty(e => e.LockedUntil, (DateTime?)null), ct);
        if (failedAt is not null)
        {
            logger.LogError("E-mail {EmailId} given up after {Attempts} attempts", mail.Id, attempts);
        }
    }

    private static SecureSocketOptions Socket(SmtpOptions settings) => settings.Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static MimeMessage Message(SmtpOptions settings, OutgoingEmail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
