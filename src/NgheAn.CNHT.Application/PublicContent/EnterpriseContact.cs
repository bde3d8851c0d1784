using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.PublicContent;

/// <summary>What a visitor writes to an enterprise from its public profile.</summary>
public sealed record ContactMessage(string? Name, string? Email, string? Company, string? Message);

/// <summary>The enterprise a visitor may write to: its public name and whether it can receive messages at all.</summary>
public sealed record ContactTarget(string Slug, string NameVi, string? NameEn, bool CanReceive)
{
    public string Name(bool en) => en ? NameEn ?? NameVi : NameVi;
}

/// <summary>
/// The contact form on a public profile (issue 17 item 8, ADR 0191). The message goes into the mail outbox, addressed to
/// the contact e-mail the enterprise chose to publish, or else to the e-mail of its verified accounts; the address is
/// never shown to the visitor. Nothing else is stored: the outbox row is the only trace.
/// </summary>
public sealed class EnterpriseContact(IAppDbContext db, INotificationRecipients recipients, IMailOutbox outbox, TimeProvider clock, ILogger<EnterpriseContact> logger)
{
    public const int MessageLength = 4000;

    public async Task<ContactTarget?> TargetAsync(string slug, CancellationToken ct = default)
    {
        var profile = await db.SupplierProfiles.AsNoTracking().Where(p => p.Slug == slug && p.IsPublished)
            .Select(p => new { p.Slug, p.NameVi, p.NameEn, p.OrganizationId, p.ShowContactEmail, p.ContactEmail })
            .FirstOrDefaultAsync(ct);
        if (profile is null)
        {
            return null;
        }

        var addresses = await AddressesAsync(profile.OrganizationId, profile.ShowContactEmail ? profile.ContactEmail : null, ct);
        return new ContactTarget(profile.Slug, profile.NameVi, profile.NameEn, addresses.Count > 0);
    }

    /// <summary>Queues the message for the enterprise; false when the enterprise has no address to receive it.</summary>
    public async Task<bool> SendAsync(string slug, ContactMessage message, bool english, CancellationToken ct = default)
    {
        var check = new RuleCheck();
        var name = check.Run(() => Guard.Required(message.Name, english ? "Your name" : "Họ và tên", 200, nameof(message.Name)), "");
        var email = check.Run(() =>
        {
            var value = Guard.Required(message.Email, english ? "Your e-mail" : "Thư điện tử của bạn", 256, nameof(message.Email));
            return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal)
                ? value
                : throw new DomainException(english ? "The e-mail address is not valid." : "Địa chỉ thư điện tử không hợp lệ.", nameof(message.Email));
        }, "");
        var company = check.Run(() => Guard.Optional(message.Company, english ? "Company" : "Đơn vị", 300, nameof(message.Company)));
        var text = check.Run(() => Guard.Required(message.Message, english ? "Message" : "Nội dung", MessageLength, nameof(message.Message)), "");
        check.ThrowIfBroken();

        var profile = await db.SupplierProfiles.AsNoTracking().Where(p => p.Slug == slug && p.IsPublished)
            .Select(p => new { p.Id, p.NameVi, p.OrganizationId, p.ShowContactEmail, p.ContactEmail })
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Không tìm thấy doanh nghiệp.");
        var addresses = await AddressesAsync(profile.OrganizationId, profile.ShowContactEmail ? profile.ContactEmail : null, ct);
        if (addresses.Count == 0)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = $"[CNHT Nghệ An] Liên hệ qua cổng thông tin / Enquiry via the portal: {name}";
        var body = string.Join("\n",
            $"Kính gửi {profile.NameVi},",
            "",
            "Một khách truy cập Cổng thông tin công nghiệp hỗ trợ Nghệ An gửi lời nhắn cho Quý doanh nghiệp qua trang hồ sơ công khai.",
            "A visitor of the Nghe An supporting-industry portal sent your enterprise this message from your public profile.",
            "",
            $"Người gửi / From: {name}" + (company is null ? "" : $" — {company}"),
            $"Thư điện tử để trả lời / Reply to: {email}",
            $"Thời điểm / Sent: {VnFormat.DateTime(now)}",
            "",
            text,
            "",
            "Cổng thông tin không công bố địa chỉ của Quý doanh nghiệp cho người gửi; Quý doanh nghiệp trả lời trực tiếp nếu muốn.",
            "The portal did not disclose your address to the sender; reply directly if you wish.");
        foreach (var address in addresses)
        {
            db.OutgoingEmails.Add(new OutgoingEmail(address, subject.Length <= 300 ? subject : subject[..299] + "…", body, now));
        }

        await db.SaveChangesAsync(ct);
        if (outbox.Enabled)
        {
            outbox.Wake();
        }

        logger.LogInformation("Contact message for directory profile {ProfileId} queued to {Count} address(es)", profile.Id, addresses.Count);
        return true;
    }

    /// <summary>The published contact e-mail, or the e-mails of the enterprise's verified accounts.</summary>
    private async Task<IReadOnlyList<string>> AddressesAsync(int organizationId, string? publishedEmail, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(publishedEmail))
        {
            return [publishedEmail.Trim()];
        }

        var addresses = new List<string>();
        foreach (var userName in await EnterpriseContext.VerifiedMembersAsync(db, organizationId, ct))
        {
            addresses.AddRange(await recipients.EmailsAsync(Roles.Enterprise, userName, ct));
        }

        return addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
