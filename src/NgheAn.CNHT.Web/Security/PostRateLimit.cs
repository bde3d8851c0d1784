using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NgheAn.CNHT.Web.Security;

/// <summary>Settings of a per-address limit on a form's posts: how many per window; 0 turns the limit off.</summary>
public interface IPostRateLimitOptions
{
    int PermitLimit { get; }

    int WindowSeconds { get; }
}

/// <summary>The short page answering a post over the limit, in the visitor's language.</summary>
/// <param name="Language">The page's <c>lang</c>.</param>
/// <param name="Title">Its title and heading.</param>
/// <param name="Text">What happened and when to try again.</param>
/// <param name="Note">A further sentence, or a link's text when <paramref name="Link"/> is given.</param>
/// <param name="Link">Where the note links to, or null for plain text.</param>
public sealed record PostLimitPage(string Language, string Title, string Text, string Note, string? Link = null);

/// <summary>
/// A limit on an anonymous form's posts per client address (ASP.NET Core rate limiter, a fixed window): opening the
/// page is free, each POST counts, the one over the limit gets 429, Retry-After and a short page (ADR 0191, 0199).
/// Counted by each web node, like the sign-in limit. The contact form (<c>ContactRateLimit</c>) and the verification
/// page (<c>VerificationRateLimit</c>) are two uses of it.
/// </summary>
public static class PostRateLimit
{
    /// <summary>Encodes markup characters only: Vietnamese letters stay as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Adds the options of <paramref name="section"/> (validated at start) and the policy <paramref name="policy"/>.</summary>
    /// <param name="what">Names the limit in the warning logged at each refusal (e.g. "Contact form").</param>
    /// <param name="page">The refusal page, given the request and the window in whole minutes (at least 1).</param>
    public static IServiceCollection AddPostRateLimit<TOptions>(this IServiceCollection services, string section, string policy, string what, Func<HttpContext, int, PostLimitPage> page)
        where TOptions : class, IPostRateLimitOptions
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o => o.AddPolicy(policy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<TOptions>>().Value;
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
                rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == policy || other is null
                    ? new ValueTask(WriteRejectionAsync<TOptions>(rejected.HttpContext, what, page))
                    : other(rejected, ct);
        });
        return services;
    }

    private static async Task WriteRejectionAsync<TOptions>(HttpContext context, string what, Func<HttpContext, int, PostLimitPage> page)
        where TOptions : class, IPostRateLimitOptions
    {
        var seconds = context.RequestServices.GetRequiredService<IOptions<TOptions>>().Value.WindowSeconds;
        var content = page(context, Math.Max(1, (seconds + 59) / 60));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostRateLimit))
            .LogWarning("{Limit} limit reached by {Address} on {Path}", what, AuthRateLimit.AddressOf(context), context.Request.Path.Value);
        var title = Html.Encode(content.Title);
        var note = content.Link is null
            ? Html.Encode(content.Note)
            : $"<a href=\"{Html.Encode(content.Link)}\">{Html.Encode(content.Note)}</a>";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{Html.Encode(content.Language)}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>"
            + "<link rel=\"stylesheet\" href=\"/lib/bootstrap/dist/css/bootstrap.min.css\"></head>"
            + $"<body><main class=\"container py-4\"><h1>{title}</h1><p>{Html.Encode(content.Text)}</p><p>{note}</p></main></body></html>");
    }
}
