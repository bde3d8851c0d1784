using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NgheAn.CNHT.Web.Forms;

/// <summary>
/// A list page keeps its last filters, as the proposal register does (ADR 0010): the query string goes into an
/// HttpOnly cookie scoped to the page's folder; opening the page bare (from the menu) brings the filters back;
/// <c>?reset=true</c> forgets them. No server state, so it works on every node.
/// </summary>
public static class RememberedFilters
{
    /// <summary>
    /// Call first in the page's GET handler. Returns a redirect when the page should be shown with the saved filters
    /// (or, after a reset, without any); otherwise remembers the filters of this request and returns null.
    /// </summary>
    public static IActionResult? Apply(PageModel page, string cookie, string folder)
    {
        var request = page.Request;
        var options = new CookieOptions
        {
            Path = folder,
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = request.IsHttps,
            MaxAge = TimeSpan.FromDays(90),
        };
        var bare = request.PathBase + request.Path;
        if (request.Query.ContainsKey("reset"))
        {
            page.Response.Cookies.Delete(cookie, options);
            return page.LocalRedirect(bare);
        }

        if (request.Query.Count == 0)
        {
            var saved = request.Cookies[cookie];
            return saved is { Length: > 1 } && saved[0] == '?' && !saved.Contains('\r') && !saved.Contains('\n') && !saved.Contains("//", StringComparison.Ordinal)
                ? page.LocalRedirect(bare + saved)
                : null;
        }

        // The page number is not a filter: coming back starts at the first page of the same selection.
        var filters = QueryString.Create(request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        if (filters.HasValue)
        {
            page.Response.Cookies.Append(cookie, filters.Value!, options);
        }

        return null;
    }
}
