using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NgheAn.CNHT.Web.Security;

/// <summary>Settings of the limit on files checked at the public verification page (section <c>Security:VerificationRateLimit</c>).</summary>
public sealed class VerificationRateLimitOptions
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
/// address (a fixed window, like the contact form, ADR 0191 and 0199); reading the page stays free. Over the limit:
/// 429, Retry-After and a short Vietnamese page. Counted by each web node.
/// </summary>
public static class VerificationRateLimit
{
    public const string Policy = "verification-upload";

    public static IServiceCollection AddVerificationRateLimit(this IServiceCollection services)
    {
        services.AddOptions<VerificationRateLimitOptions>().BindConfiguration(VerificationRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o => o.AddPolicy(Policy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<VerificationRateLimitOptions>>().Value;
            if (!HttpMethods.IsPost(context.Request.Method) || options.PermitLimit == 0)
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            return RateLimitPartition.GetFixedWindowLimiter(AuthRateLimit.AddressOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = TimeSpan.FromSeconds(options.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }));
        // Other policies keep whatever refusal they set.
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            var other = o.OnRejected;
            o.OnRejected = (rejected, ct) =>
                rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy || other is null
                    ? new ValueTask(WriteRejectionAsync(rejected.HttpContext))
                    : other(rejected, ct);
        });
        return services;
    }

    private static async Task WriteRejectionAsync(HttpContext context)
    {
        var seconds = context.RequestServices.GetRequiredService<IOptions<VerificationRateLimitOptions>>().Value.WindowSeconds;
        var minutes = Math.Max(1, (seconds + 59) / 60);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VerificationRateLimit))
            .LogWarning("Verification upload limit reached by {Address} on {Path}", AuthRateLimit.AddressOf(context), context.Request.Path.Value);
        const string title = "Kiểm tra quá nhiều tệp";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>"
            + "<link rel=\"stylesheet\" href=\"/lib/bootstrap/dist/css/bootstrap.min.css\"></head>"
            + $"<body><main class=\"container py-4\"><h1>{title}</h1><p>Địa chỉ của bạn đã gửi nhiều tệp để kiểm tra trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút.</p>"
            + "<p>Thông tin của văn bản trên trang xác thực vẫn xem được bình thường.</p></main></body></html>");
    }
}
