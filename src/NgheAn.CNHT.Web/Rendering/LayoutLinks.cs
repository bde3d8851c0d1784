using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace NgheAn.CNHT.Web.Rendering;

/// <summary>
/// The addresses the layout writes on every page, computed once per path base instead of by a tag helper per request
/// (ADR 0223): static files with their content version (what <c>asp-append-version</c> appends) and page links (what
/// <c>asp-page</c> generates). In Development they are computed on every request, so an edited file gets its new
/// version at once. The version is the one <c>asp-append-version</c> writes (<c>?v=</c> and the URL-safe base64 of the
/// file's SHA-256), read from the web root without watching it: the framework's file version provider watches the web
/// root, and a host's web root provider is not disposed with the host, so each host left one inotify instance behind
/// (128 per user on Debian: the test run's hosts ran out of them).
/// </summary>
public sealed class LayoutLinks(LinkGenerator links, IWebHostEnvironment environment)
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
        url = versioned ? WithVersion(resolved, path.StartsWith("~/", StringComparison.Ordinal) ? path[1..] : path) : resolved;
        if (_keep)
        {
            _assets[key] = url;
        }

        return url;
    }

    /// <summary><paramref name="url"/> with the content version of the web root's file at <paramref name="webPath"/> (none if absent).</summary>
    private string WithVersion(string url, string webPath)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(webPath);
        if (!file.Exists || file.IsDirectory)
        {
            return url;
        }

        using var stream = file.CreateReadStream();
        return QueryHelpers.AddQueryString(url, "v", WebEncoders.Base64UrlEncode(SHA256.HashData(stream)));
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
