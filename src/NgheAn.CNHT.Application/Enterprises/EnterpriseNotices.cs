using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Enterprises;

/// <summary>
/// Notices to an enterprise: one in-portal notice per verified account of the organization (always addressed to the
/// person, never to the Enterprise role, which would reach every enterprise), and the same text by e-mail through the
/// outbox when mail is configured. Added to the caller's unit of work, saved with the step or not at all.
/// </summary>
public sealed class EnterpriseNotices(IAppDbContext db, TimeProvider clock, INotificationRecipients recipients, IMailOutbox outbox)
{
    private bool _mailQueued;

    public async Task ToOrganizationAsync(int organizationId, int? proposalId, string message, string subject, string link, CancellationToken ct = default)
    {
        foreach (var userName in await EnterpriseContext.VerifiedMembersAsync(db, organizationId, ct))
        {
            await ToMemberAsync(userName, proposalId, message, subject, link, ct);
        }
    }

    public async Task ToMemberAsync(string userName, int? proposalId, string message, string subject, string link, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = message.Length <= 1000 ? message : message[..999] + "…";
        db.Notifications.Add(new Notification(Roles.Enterprise, userName, proposalId, text, link, now));
        if (!outbox.Enabled)
        {
            return;
        }

        foreach (var address in await recipients.EmailsAsync(Roles.Enterprise, userName, ct))
        {
            db.OutgoingEmails.Add(new OutgoingEmail(address, "[CNHT Nghệ An] " + subject, string.Join("\n",
                "Kính gửi Quý doanh nghiệp,",
                "",
                text,
                "",
                $"Thời điểm: {VnFormat.DateTime(now)}.",
                $"Xem chi tiết tại: {(outbox.PortalUrl?.TrimEnd('/') ?? "")}{link}",
                "",
                "Thư này được gửi tự động từ Cổng quản lý Chương trình phát triển công nghiệp hỗ trợ tỉnh Nghệ An; vui lòng không trả lời thư này."), now));
            _mailQueued = true;
        }
    }

    /// <summary>To every account of the Support Center (a role notice, as the staff's own notices are).</summary>
    public void ToSupportCenter(int? proposalId, string message, string link) =>
        db.Notifications.Add(new Notification(Roles.SupportCenter, null, proposalId, message.Length <= 1000 ? message : message[..999] + "…", link, clock.GetUtcNow().UtcDateTime));

    public void AfterCommit()
    {
        if (_mailQueued)
        {
            _mailQueued = false;
            outbox.Wake();
        }
    }
}
