using System.ComponentModel.DataAnnotations;

namespace NgheAn.CNHT.Infrastructure.Mail;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (MailKit's Auto; SSL on connect for port 465).</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// E-mail for notices (section <c>Smtp</c>). Off unless <see cref="Host"/> is set: the portal then keeps its
/// notices in the bell only. Every value can come from the environment (<c>Smtp__Host</c>, <c>Smtp__Password</c> …).
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp:Port phải từ 1 đến 65535.")]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Account for SMTP authentication; none when empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. cnht@sct.nghean.gov.vn. Required when <see cref="Host"/> is set.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "Cổng CNHT Nghệ An";

    /// <summary>The portal's public address for links in e-mails, e.g. https://cnht.nghean.gov.vn.</summary>
    public string? PortalUrl { get; set; }

    /// <summary>How often the sender looks for mail it was not woken for (other nodes' mail, retries).</summary>
    [Range(1, 3600, ErrorMessage = "Smtp:PollSeconds phải từ 1 đến 3600.")]
    public int PollSeconds { get; set; } = 30;

    [Range(1, 600, ErrorMessage = "Smtp:TimeoutSeconds phải từ 1 đến 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Đã cấu hình Smtp:Host nhưng thiếu Smtp:From (địa chỉ gửi thư).", [nameof(From)]);
        }

        if (!string.IsNullOrWhiteSpace(PortalUrl) && !Uri.TryCreate(PortalUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Smtp:PortalUrl phải là địa chỉ đầy đủ, ví dụ https://cnht.nghean.gov.vn.", [nameof(PortalUrl)]);
        }
    }
}
