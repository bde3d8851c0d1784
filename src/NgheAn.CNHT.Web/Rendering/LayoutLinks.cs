using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NgheAn.CNHT.Web.Rendering;

/// <summary>
/// The addresses the layout writes on every page, computed once per path base instead of by a tag helper per request
/// (ADR 0223): static files with their content version (what <c>asp-append-version</c> appends) and page links (what
/// <c>asp-page</c> generates). In Development they are computed on every request, so an edited file gets its new
/// version at once.
/// </summary>
public sealed class LayoutLinks(IFileVersionProvider versions, LinkGenerator links, IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<(string PathBase, string Path, bool Versioned), string> _assets = new();
    private readonly ConcurrentDictionary<(string PathBase, string Page), string> _pages = new();
    private readonly bool _keep = !environment.IsDevelopment();

    /// <summary>"~/css/site.css" as the browser must ask for it: the path base, and with <paramref name="versioned"/> the file's version.</summary>
    public string Asset(HttpContext context, string path, bool versioned = false)
    {
        var key = (context.Request.PathBase.Value ?? "", path, versioned);
        if (_keep && _assets.TryGetValue(key, out var url))
        {
            return url;
        }

        var pathBase = context.Request.PathBase;
        var resolved = path.StartsWith("~/", StringComparison.Ordinal) ? pathBase.Add(new PathString(path[1..])).Value! : path;
        url = versioned ? versions.AddFileVersionToPath(pathBase, resolved) : resolved;
        if (_keep)
        {
            _assets[key] = url;
        }

        return url;
    }

    /// <summary>The address of a Razor page without route values ("/Account/Security").</summary>
    public string Page(HttpContext context, string page)
    {
        var key = (context.Request.PathBase.Value ?? "", page);
        if (_keep && _pages.TryGetValue(key, out var url))
        {
            return url;
        }

        url = links.GetPathByPage(page, handler: null, values: null, pathBase: context.Request.PathBase)
            ?? throw new InvalidOperationException($"No address for the page {page}.");
        if (_keep)
        {
            _pages[key] = url;
        }

        return url;
    }
}
