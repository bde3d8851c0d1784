using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Mail;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Enterprises;

/// <summary>What a person types to register an enterprise account.</summary>
public sealed record RegistrationInput(
    string TaxCode, string EnterpriseName, string? Address, string? LegalRepresentative, string ContactPerson, string? Position,
    string Email, string? Phone, string Password);

/// <summary>The outcome: the new account, and whether the enterprise was already known to the portal.</summary>
public sealed record RegistrationResult(string UserId, int OrganizationId, bool ExistingOrganization);

/// <summary>
/// Self-registration of enterprise accounts (ADR 0150): the tax code is checked by <see cref="TaxCode"/>; the account is
/// tied to the organization with the same tax code, or to a new one marked unverified; the account, the tie and the
/// confirmation e-mail (in the outbox) are saved together or not at all. Signing in waits for the confirmed address;
/// submitting waits for the Support Center's verification.
/// </summary>
public sealed class EnterpriseRegistration(
    AppDbContext db,
    UserManager<AppUser> users,
    TimeProvider clock,
    MailOutbox outbox,
    IHostEnvironment environment,
    ILogger<EnterpriseRegistration> logger)
{
    /// <summary>Registers; <paramref name="confirmLink"/> builds the absolute confirmation URL from user id and token.</summary>
    public async Task<RegistrationResult> RegisterAsync(RegistrationInput input, Func<string, string, string> confirmLink, CancellationToken ct = default)
    {
        var taxCode = TaxCode.Normalize(input.TaxCode ?? "", nameof(RegistrationInput.TaxCode));
        var email = (input.Email ?? "").Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException("Thư điện tử này đã được dùng cho một tài khoản khác. Nếu đó là bạn, hãy đăng nhập (hoặc liên hệ Trung tâm để lấy lại mật khẩu).", nameof(RegistrationInput.Email));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.TaxCode == taxCode, ct);
        var existing = organization is not null;
        if (organization is null)
        {
            organization = Organization.RegisteredOnline(input.EnterpriseName, taxCode, input.Address, input.ContactPerson, input.Phone, email);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(ct);
        }
        else if (!organization.IsEnterprise)
        {
            throw new DomainException($"Mã số thuế {taxCode} thuộc một cơ quan, đơn vị không phải doanh nghiệp; vui lòng liên hệ Trung tâm.", nameof(RegistrationInput.TaxCode));
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FullName = Guard.Required(input.ContactPerson, "Họ tên người liên hệ", 200, nameof(RegistrationInput.ContactPerson)),
            Title = Guard.Optional(input.Position, "Chức vụ", 200, nameof(RegistrationInput.Position)),
            PhoneNumber = Guard.Optional(input.Phone, "Số điện thoại", 30, nameof(RegistrationInput.Phone)),
            EmailConfirmed = false,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, input.Password ?? "");
        if (!created.Succeeded)
        {
            var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? nameof(RegistrationInput.Password) : nameof(RegistrationInput.Email);
            throw new DomainException(string.Join(" ", created.Errors.Select(e => e.Description)), field);
        }

        var role = await users.AddToRoleAsync(user, Roles.Enterprise);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException("Could not give the Enterprise role: " + string.Join("; ", role.Errors.Select(e => e.Code)));
        }

        db.EnterpriseMembers.Add(new EnterpriseMember(user.Id, email, organization.Id, input.ContactPerson, input.Position, input.LegalRepresentative, input.Phone));
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = confirmLink(user.Id, token);
        QueueConfirmation(email, organization.Name, link, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        outbox.Wake();

        logger.LogInformation("Enterprise account {UserId} registered for organization {OrganizationId} (existing: {Existing})", user.Id, organization.Id, existing);
        if (!environment.IsProduction())
        {
            // Development and test hosts have no mail server: the link is readable here and on the outbox page.
            logger.LogInformation("E-mail confirmation link for {Email}: {Link}", email, link);
        }

        return new RegistrationResult(user.Id, organization.Id, existing);
    }

    /// <summary>The confirmation mail always goes to the outbox: it is sent when SMTP is configured, and shown by the development outbox page.</summary>
    private void QueueConfirmation(string email, string organizationName, string link, DateTime now) =>
        db.OutgoingEmails.Add(new OutgoingEmail(email, "[CNHT Nghệ An] Xác nhận thư điện tử đăng ký tài khoản doanh nghiệp", string.Join("\n",
            "Kính gửi Quý doanh nghiệp,",
            "",
            $"Thư điện tử này vừa được dùng để đăng ký tài khoản của {organizationName} trên Cổng quản lý Chương trình phát triển công nghiệp hỗ trợ tỉnh Nghệ An.",
            "Để xác nhận, vui lòng mở liên kết sau:",
            link,
            "",
            "Sau khi xác nhận, hãy đăng nhập và tải lên giấy chứng nhận đăng ký doanh nghiệp để Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương xác minh tài khoản.",
            "Nếu bạn không đăng ký, hãy bỏ qua thư này."), now));

    public async Task<bool> ConfirmAsync(string? userId, string? token)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        var result = await users.ConfirmEmailAsync(user, token);
        if (result.Succeeded)
        {
            logger.LogInformation("Enterprise account {UserId} confirmed its e-mail", user.Id);
        }

        return result.Succeeded;
    }
}

/// <summary>
/// Who may sign in: staff accounts are created by an administrator and need no confirmation; an enterprise account
/// must have confirmed its e-mail address first.
/// </summary>
public sealed class EnterpriseUserConfirmation : IUserConfirmation<AppUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) =>
        user.EmailConfirmed || !await manager.IsInRoleAsync(user, Roles.Enterprise);
}
