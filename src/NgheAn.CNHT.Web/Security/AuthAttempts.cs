using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NgheAn.CNHT.Web.Security;

/// <summary>Settings of the per-address limit on sign-in attempts (section <c>Security:AuthRateLimit</c>).</summary>
public sealed class AuthRateLimitOptions
{
    public const string Section = "Security:AuthRateLimit";

    /// <summary>Attempts (form posts to sign-in, registration or password reset, and refused API keys) one client address may make per window; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int PermitLimit { get; set; } = 10;

    /// <summary>Length of the window, in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The per-address count shared by the "auth" policy and the API-key handler (one per web node).</summary>
internal sealed class AuthAttempts : IDisposable
{
    public AuthAttempts(IOptions<AuthRateLimitOptions> options)
    {
        var o = options.Value;
        Enabled = o.PermitLimit > 0;
        Limiter = PartitionedRateLimiter.Create<string, string>(address => Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = o.PermitLimit,
                Window = TimeSpan.FromSeconds(o.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(address));
    }

    public bool Enabled { get; }

    public PartitionedRateLimiter<string> Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}
