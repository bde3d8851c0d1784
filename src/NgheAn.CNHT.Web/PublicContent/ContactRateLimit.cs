using System.ComponentModel.DataAnnotations;
using NgheAn.CNHT.Web.Security;

namespace NgheAn.CNHT.Web.PublicContent;

/// <summary>Settings of the contact form's limit (section <c>Portal:ContactRateLimit</c>).</summary>
public sealed class ContactRateLimitOptions : IPostRateLimitOptions
{
    public const string Section = "Portal:ContactRateLimit";

    /// <summary>Messages one client address may send per window; 0 turns the limit off.</summary>
    [Range(0, 100_000)]
    public int PermitLimit { get; set; } = 5;

    /// <summary>Length of the window, in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 600;
}

/// <summary>
/// The contact form to an enterprise is limited per client address (<see cref="PostRateLimit"/>, ADR 0191): opening the
/// form is free, each post counts, the one over the limit gets 429, Retry-After and a short page in the visitor's language.
/// </summary>
public static class ContactRateLimit
{
    public const string Policy = "portal-contact";

    public static IServiceCollection AddContactRateLimit(this IServiceCollection services) =>
        services.AddPostRateLimit<ContactRateLimitOptions>(ContactRateLimitOptions.Section, Policy, "Contact form", (context, minutes) =>
            Portal.PortalUrls.IsEnglish(context)
                ? new PostLimitPage("en", "Too many messages", $"You have sent several messages from your address in a short time. Please try again in {minutes} minutes.", "Back to the directory", "/en/directory")
                : new PostLimitPage("vi", "Gửi quá nhiều lời nhắn", $"Bạn đã gửi nhiều lời nhắn từ địa chỉ của mình trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút.", "Về danh bạ doanh nghiệp", "/danh-ba"));
}
