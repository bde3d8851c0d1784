using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NgheAn.CNHT.Web.Security;

/// <summary>Section <c>Security:AuthRateLimit</c>: how many sign-in and registration posts one client address may make.</summary>
public sealed class AuthRateLimitOptions
{
    public const string Section = "Security:AuthRateLimit";

    /// <summary>Requests per window and client address; 0 turns the limit off. Generous by default so tests are not throttled.</summary>
    public int PermitLimit { get; set; } = 100;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// A fixed window per client address for the pages that create or open accounts (registration, sign-in).
/// Behind the reverse proxy the address is the forwarded one (UseForwardedHeaders runs first).
/// </summary>
public static class AuthRateLimit
{
    public const string Policy = "auth";

    public static IServiceCollection AddAuthRateLimit(this IServiceCollection services)
    {
        services.AddOptions<AuthRateLimitOptions>().BindConfiguration(AuthRateLimitOptions.Section);
        services.AddRateLimiter(o => o.AddPolicy(Policy, context =>
        {
            var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthRateLimitOptions>>().Value;
            if (options.PermitLimit <= 0)
            {
                return RateLimitPartition.GetNoLimiter("off");
            }

            return RateLimitPartition.GetFixedWindowLimiter("ip:" + context.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds)),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }));
        return services;
    }
}
