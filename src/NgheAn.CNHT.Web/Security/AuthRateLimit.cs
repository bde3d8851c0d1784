using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NgheAn.CNHT.Web.Security;

/// <summary>
/// A fixed window of attempts per client address (after the forwarded headers, so the proxy's address is never
/// the one counted) on the pages that check a secret: sign-in, registration, password reset. Only form posts
/// count: opening the page is free. Refused API keys draw on the same budget (<see cref="TryCountFailure"/>), so
/// guessing keys is throttled like guessing passwords. Above the limit: 429 with <c>Retry-After</c> and a
/// Vietnamese page. The count is kept by each web node (docs/decisions/0110-sign-in-throttling-and-lockout.md).
/// </summary>
public static class AuthRateLimit
{
    public const string Policy = "auth";

    public static IServiceCollection AddAuthRateLimit(this IServiceCollection services)
    {
        // Idempotent: registration and sign-in features may both ask for it; a policy name can be added only once.
        if (services.Any(d => d.ServiceType == typeof(AuthAttempts)))
        {
            return services;
        }

        services.AddOptions<AuthRateLimitOptions>().BindConfiguration(AuthRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuthAttempts>();
        // AddRateLimiter only configures RateLimiterOptions: the API's policy (ApiRateLimit) and this one live side by side.
        services.AddRateLimiter(o => o.AddPolicy(Policy, context =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var attempts = context.RequestServices.GetRequiredService<AuthAttempts>();
            var address = AddressOf(context);
            return RateLimitPartition.Get(address, key => new SharedPartition(attempts, key));
        }));
        // Whoever else set OnRejected (the API's limit) keeps it for their own policies.
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

    /// <summary>Counts a failed attempt made outside the rate-limited pages (an unknown API key); false when the address is over its limit.</summary>
    internal static bool TryCountFailure(HttpContext context)
    {
        var attempts = context.RequestServices.GetRequiredService<AuthAttempts>();
        using var lease = attempts.Limiter.AttemptAcquire(AddressOf(context));
        return lease.IsAcquired;
    }

    /// <summary>True when the address has no attempt left in the current window (checked before an API key is even looked up).</summary>
    internal static bool IsExhausted(HttpContext context)
    {
        var attempts = context.RequestServices.GetRequiredService<AuthAttempts>();
        return attempts.Enabled && attempts.Limiter.GetStatistics(AddressOf(context)) is { CurrentAvailablePermits: <= 0 };
    }

    /// <summary>The window's length: the longest wait before the address may try again (for Retry-After).</summary>
    internal static int RetryAfterSeconds(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<AuthRateLimitOptions>>().Value.WindowSeconds;

    /// <summary>The client's address as the forwarded-headers middleware left it (the proxy's own address only without a trusted proxy).</summary>
    internal static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>Writes the refusal: 429, Retry-After, a short Vietnamese page (or a JSON problem under /api).</summary>
    internal static async Task WriteRejectionAsync(HttpContext context)
    {
        var seconds = RetryAfterSeconds(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthRateLimit))
            .LogWarning("Sign-in attempt limit reached by {Address} on {Path}", AddressOf(context), context.Request.Path.Value);
        const string detail = "Có quá nhiều lần thử đăng nhập hoặc khóa API không hợp lệ từ địa chỉ của bạn.";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Api.ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu", $"{detail} Thử lại sau {seconds} giây.");
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Quá nhiều lần thử</title></head><body>"
            + $"<h1>Quá nhiều lần thử</h1><p>{detail} Vui lòng thử lại sau {seconds} giây.</p><p><a href=\"/Account/Login\">Về trang đăng nhập</a></p></body></html>");
    }

    /// <summary>
    /// The middleware keeps its own limiter per partition and disposes idle ones; this view onto the shared
    /// per-address limiter lets the middleware and the API-key handler draw on one count.
    /// </summary>
    private sealed class SharedPartition(AuthAttempts attempts, string address) : RateLimiter
    {
        private long _lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => attempts.Limiter.GetStatistics(address);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            return attempts.Limiter.AttemptAcquire(address, permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            // No queue: an attempt over the limit is refused at once.
            return ValueTask.FromResult(attempts.Limiter.AttemptAcquire(address, permitCount));
        }
    }
}
