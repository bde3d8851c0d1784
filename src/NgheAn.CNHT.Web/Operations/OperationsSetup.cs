using System.Net;
using Microsoft.AspNetCore.HttpsPolicy;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using Serilog.Events;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>Reverse proxy, HTTPS and health wiring for production (docs/operations.md, ADR 0050).</summary>
public static class OperationsSetup
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOptions<HttpsOptions>().BindConfiguration(HttpsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LogOutputOptions>().BindConfiguration(LogOutputOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section)
            .ValidateDataAnnotations()
            .Validate(s => s.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies: mỗi mục phải là một địa chỉ IP.")
            .Validate(s => s.KnownNetworks.All(n => IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks: mỗi mục phải có dạng CIDR, ví dụ 172.30.80.0/24.")
            .ValidateOnStart();

        // Options read lazily from the service provider, so test hosts' configuration overrides apply.
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ForwardedHeadersSettings>>((o, settings) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.Value.ForwardLimit;
            foreach (var proxy in settings.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        services.AddOptions<HstsOptions>().Configure<Microsoft.Extensions.Options.IOptions<HttpsOptions>>((o, https) =>
        {
            o.MaxAge = TimeSpan.FromDays(https.Value.HstsMaxAgeDays);
            o.IncludeSubDomains = false;
        });
        services.AddOptions<HttpsRedirectionOptions>().Configure<Microsoft.Extensions.Options.IOptions<HttpsOptions>>((o, https) =>
        {
            if (https.Value.Port is { } port)
            {
                o.HttpsPort = port;
            }
        });

        // No "Server: Kestrel": a stranger learns nothing about the stack from a header (ADR 0112).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddPortalHealthChecks();
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the proxy saw them, then HSTS and redirection.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        var https = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HttpsOptions>>().Value;
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && https.Hsts)
        {
            app.UseHsts();
        }

        if (https.Redirect)
        {
            // Probes (container HEALTHCHECK, load balancer) call plain HTTP on the node itself.
            app.UseWhen(context => !HealthEndpoints.IsHealthRequest(context), branch => branch.UseHttpsRedirection());
        }

        return app;
    }

    /// <summary>
    /// Request log level: health probes every few seconds would drown the log, so they go to Verbose. A request the
    /// client abandoned (a closed tab, a cancelled download) ends in a cancellation, not a failure of the portal: it is
    /// logged as information, not as an error that would page an operator.
    /// </summary>
    public static LogEventLevel RequestLogLevel(HttpContext context, double elapsed, Exception? ex) =>
        HealthEndpoints.IsHealthRequest(context)
            ? (context.Response.StatusCode == StatusCodes.Status200OK ? LogEventLevel.Verbose : LogEventLevel.Warning)
            : ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
            : ex is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;

    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o => o.GetLevel = RequestLogLevel);
}
