using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// The app's actual endpoints, as "METHOD /route" or "METHOD /route?handler=Name" for Razor Page
/// handlers, read from the running app's EndpointDataSource (static files excluded).
/// </summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<string>> ListAsync(CnhtFactory portal)
    {
        var sources = portal.Services.GetRequiredService<EndpointDataSource>();
        var loader = portal.Services.GetRequiredService<PageLoader>();
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                result.Add($"GET {route}");
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    if (method == "GET" && handler.Name is null)
                    {
                        continue;
                    }

                    result.Add(handler.Name is null ? $"{method} {route}" : $"{method} {route}?handler={handler.Name}");
                }

                continue;
            }

            // Static web assets are files, not application endpoints.
            if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)) || endpoint.DisplayName?.Contains("static", StringComparison.OrdinalIgnoreCase) == true && route.Contains('.'))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var m in methods)
            {
                result.Add($"{m} {route}");
            }
        }

        return [.. result];
    }
}
