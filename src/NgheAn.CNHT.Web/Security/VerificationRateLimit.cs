using System.ComponentModel.DataAnnotations;

namespace NgheAn.CNHT.Web.Security;

/// <summary>Settings of the limit on files checked at the public verification page (section <c>Security:VerificationRateLimit</c>).</summary>
public sealed class VerificationRateLimitOptions : IPostRateLimitOptions
{
    public const string Section = "Security:VerificationRateLimit";

    /// <summary>Files one client address may submit per window; 0 turns the limit off.</summary>
    [Range(0, 100_000)]
    public int PermitLimit { get; set; } = 20;

    /// <summary>Length of the window, in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 600;
}

/// <summary>
/// The verification page of an issued document (<c>/xac-thuc/{code}</c>) is anonymous and accepts a PDF of up to 20 MB
/// to compare with the issued file (ADR 0133): each upload is read whole and hashed. Uploads are limited per client
/// address (<see cref="PostRateLimit"/>, ADR 0199); reading the page stays free.
/// </summary>
public static class VerificationRateLimit
{
    public const string Policy = "verification-upload";

    public static IServiceCollection AddVerificationRateLimit(this IServiceCollection services) =>
        services.AddPostRateLimit<VerificationRateLimitOptions>(VerificationRateLimitOptions.Section, Policy, "Verification upload", (_, minutes) => new PostLimitPage(
            "vi",
            "Kiểm tra quá nhiều tệp",
            $"Địa chỉ của bạn đã gửi nhiều tệp để kiểm tra trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút.",
            "Thông tin của văn bản trên trang xác thực vẫn xem được bình thường."));
}
