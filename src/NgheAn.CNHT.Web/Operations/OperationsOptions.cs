using System.ComponentModel.DataAnnotations;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>Section <c>Https</c>: redirection to HTTPS and HSTS (docs/operations.md).</summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>
    /// Redirect plain-HTTP requests to HTTPS. Off behind a reverse proxy that terminates TLS and redirects
    /// itself (the compose stack), on for Kestrel or IIS serving HTTPS directly. Health endpoints are never redirected.
    /// </summary>
    public bool Redirect { get; set; } = true;

    /// <summary>The HTTPS port used in redirects; empty = the server's own HTTPS binding (ASPNETCORE_HTTPS_PORTS).</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Send Strict-Transport-Security on HTTPS responses (never in Development, never to localhost).</summary>
    public bool Hsts { get; set; } = true;

    [Range(1, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary>
/// Section <c>ForwardedHeaders</c>: which reverse proxies may set X-Forwarded-For / X-Forwarded-Proto.
/// Empty lists keep ASP.NET Core's default, loopback only.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Trusted proxy networks in CIDR form, e.g. <c>172.30.80.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in front of the portal may append to X-Forwarded-For.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>Section <c>Logging</c> (the Serilog sinks; levels stay under <c>Serilog:MinimumLevel</c>).</summary>
public sealed class LogOutputOptions
{
    public const string Section = "Logging";
    public const string DefaultFile = "logs/cnht-.log";

    /// <summary><c>text</c> (default) or <c>json</c> (compact JSON, one event per line, for containers).</summary>
    [RegularExpression("^(?i)(text|json)$")]
    public string Format { get; set; } = "text";

    /// <summary>Daily rolling log file, relative to the content root; empty = no file (containers log to the console only).</summary>
    public string? File { get; set; } = DefaultFile;

    public bool IsJson => string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase);
}
