using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is touched, so a database outage never gets
/// the container restarted). <c>/health/ready</c>: the database answers and every migration is applied,
/// so a load balancer sends traffic only to nodes that can serve it. Both anonymous, neither tells secrets; the
/// check-by-check details of <c>/health/ready</c> go only to a probe on the node itself (loopback, after the forwarded
/// headers) or to a signed-in Admin — anyone else gets the bare status (ADR 0112).
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<SigningHealthCheck>("signing", HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }

    public static void MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteLiveAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    /// <summary>The live answer checks nothing: its two possible bodies written as they are, no serializer warmed for them.</summary>
    private static Task WriteLiveAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var status = report.Status.ToString();
        return context.Response.WriteAsync(MaySeeDetails(context) ? $"{{\"status\":\"{status}\",\"checks\":{{}}}}" : $"{{\"status\":\"{status}\"}}");
    }

    public static bool IsHealthRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    /// <summary>A probe on the node itself, or a signed-in administrator (an operator), may read the details.</summary>
    public static bool MaySeeDetails(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        // No address at all: an in-process caller (a Unix socket, the test server), never a remote one.
        if (address is null || System.Net.IPAddress.IsLoopback(address))
        {
            return true;
        }

        return context.User.Identity?.IsAuthenticated == true && context.User.IsInRole(Domain.Roles.Admin);
    }

    /// <summary>Status per check, with our own descriptions only: exception texts may name servers or logins.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (!MaySeeDetails(context))
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, JsonOptions));
        }

        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : "Không kết nối được cơ sở dữ liệu.",
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

/// <summary>Unhealthy while the database lacks a migration this build expects (run the <c>migrate</c> verb).</summary>
public sealed class MigrationsHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy("Cơ sở dữ liệu đã ở phiên bản mới nhất.")
            : HealthCheckResult.Unhealthy($"Còn {pending} bản cập nhật cơ sở dữ liệu chưa áp dụng (chạy lệnh migrate).");
    }
}
