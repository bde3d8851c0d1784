using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NgheAn.CNHT.Web.Api;

/// <summary>Settings of the API's request limit (section <c>Api:RateLimit</c>).</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Requests one API key (or one signed-in user, or one address) may make per minute; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;
}

/// <summary>
/// A fixed one-minute window of requests per caller on /api/v1: per API key, else per signed-in user, else per
/// address. A system that loops on the API cannot take the portal's capacity from the people using it. Above
/// the limit: 429 with <c>Retry-After</c> and a Vietnamese problem body. The count is kept by each web node
/// (behind N nodes a caller may make up to N times the limit), which is enough for that purpose.
/// </summary>
public static class ApiRateLimit
{
    public const string Policy = "api";

    public static IServiceCollection AddApiRateLimit(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiRateLimitOptions>>().Value.PermitsPerMinute;
                if (permits == 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                return RateLimitPartition.GetFixedWindowLimiter(CallerOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var permits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiRateLimitOptions>>().Value.PermitsPerMinute;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRateLimit))
                    .LogWarning("API request limit reached by {Caller}", CallerOf(context));
                await ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu",
                    $"Mỗi khóa API được gửi tối đa {permits.ToString("N0", Domain.Common.VnFormat.Culture)} yêu cầu trong một phút. Thử lại sau {retryAfter} giây.");
            };
        });
        return services;
    }

    /// <summary>Who is counted: the API key, else the signed-in user, else the remote address.</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) is { } key ? "key:" + key
        : context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name
        : "ip:" + context.Connection.RemoteIpAddress;
}
