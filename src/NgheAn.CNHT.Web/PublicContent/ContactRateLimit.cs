using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NgheAn.CNHT.Web.PublicContent;

/// <summary>Settings of the contact form's limit (section <c>Portal:ContactRateLimit</c>).</summary>
public sealed class ContactRateLimitOptions
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
/// The contact form to an enterprise is limited per client address (ASP.NET Core rate limiter, a fixed window,
/// ADR 0191): opening the form is free, each post counts, the one over the limit gets 429, Retry-After and a short
/// page in the visitor's language. Counted by each web node, like the sign-in limit.
/// </summary>
public static class ContactRateLimit
{
    public const string Policy = "portal-contact";

    public static IServiceCollection AddContactRateLimit(this IServiceCollection services)
    {
        services.AddOptions<ContactRateLimitOptions>().BindConfiguration(ContactRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o => o.AddPolicy(Policy, context =>
        {
            var method = context.Request.Method;
            var options = context.RequestServices.GetRequiredService<IOptions<ContactRateLimitOptions>>().Value;
            if (!HttpMethods.IsPost(method) || options.PermitLimit == 0)
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            return RateLimitPartition.GetFixedWindowLimiter(Security.AuthRateLimit.AddressOf(context), _ => new FixedWindowRateLimiterOptions
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
        var seconds = context.RequestServices.GetRequiredService<IOptions<ContactRateLimitOptions>>().Value.WindowSeconds;
        var minutes = Math.Max(1, (seconds + 59) / 60);
        var en = Portal.PortalUrls.IsEnglish(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContactRateLimit))
            .LogWarning("Contact form limit reached by {Address} on {Path}", Security.AuthRateLimit.AddressOf(context), context.Request.Path.Value);
        var back = WebUtility.HtmlEncode(en ? "/en/directory" : "/danh-ba");
        var (lang, title, text, link) = en
            ? ("en", "Too many messages", $"You have sent several messages from your address in a short time. Please try again in {minutes} minutes.", "Back to the directory")
            : ("vi", "Gửi quá nhiều lời nhắn", $"Bạn đã gửi nhiều lời nhắn từ địa chỉ của mình trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút.", "Về danh bạ doanh nghiệp");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>"
            + "<link rel=\"stylesheet\" href=\"/lib/bootstrap/dist/css/bootstrap.min.css\"></head>"
            + $"<body><main class=\"container py-4\"><h1>{title}</h1><p>{text}</p><p><a href=\"{back}\">{link}</a></p></main></body></html>");
    }
}
