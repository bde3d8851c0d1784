using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Caching.Memory;

namespace NgheAn.CNHT.Web.Rendering;

/// <summary>
/// Pieces of a page rendered once and then written as one pre-encoded string (ADR 0223): the layout's static parts
/// (kept per path base) and the dashboard's figure sections (kept under the key its page model builds from the data
/// version, the program, the years and the roles). Unlike the cache tag helper, a kept piece costs one dictionary
/// look-up per request (no hashed key, no tag-helper context, no buffer pages to copy), and it is stored with its
/// indentation collapsed: a run of white space that holds a line break becomes one line break, which HTML renders the
/// same way outside <c>pre</c>, <c>textarea</c> and scripts (a piece holding any of those is kept as written).
/// The culture is part of every key. What a piece shows must depend on nothing but its key: per-user data
/// (names, the bell, notices, antiforgery tokens) stays outside.
/// </summary>
public sealed class KeptHtml : IDisposable
{
    /// <summary>At most this many characters kept in all (counted as the entries' size); the oldest go first.</summary>
    private const long MaxChars = 32L * 1024 * 1024;

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = MaxChars });
    private readonly HtmlEncoder _encoder;

    public KeptHtml(HtmlEncoder encoder) => _encoder = encoder;

    /// <summary>How many pieces were rendered (not found kept); tests read it to prove a piece is reused.</summary>
    public long Renderings => Interlocked.Read(ref _renderings);

    private long _renderings;

    /// <summary>
    /// The piece kept under <paramref name="key"/> (and the current UI culture), rendering <paramref name="template"/>
    /// (a Razor template, <c>@&lt;text&gt;…&lt;/text&gt;</c>) on the first request only. Kept for
    /// <paramref name="sliding"/> after its last use (default 10 minutes).
    /// </summary>
    public async ValueTask<IHtmlContent> GetOrRenderAsync(string key, Func<object?, IHtmlContent> template, TimeSpan? sliding = null)
    {
        var fullKey = string.Concat(CultureInfo.CurrentUICulture.Name, "|", key);
        if (_kept.TryGetValue(fullKey, out HtmlString? kept) && kept is not null)
        {
            return kept;
        }

        var content = template(null);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (content is HelperResult helper)
        {
            await helper.WriteAction(writer);
        }
        else
        {
            content.WriteTo(writer, _encoder);
        }

        var html = Collapse(writer.ToString());
        Interlocked.Increment(ref _renderings);
        var rendered = new HtmlString(html);
        _kept.Set(fullKey, rendered, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, html.Length),
            SlidingExpiration = sliding ?? TimeSpan.FromMinutes(10),
        });
        return rendered;
    }

    /// <summary>
    /// Every run of HTML white space holding a line break becomes one line break; a piece with <c>pre</c>, <c>textarea</c> or <c>script</c> is returned as it is.
    /// </summary>
    public static string Collapse(string html)
    {
        if (html.Contains("<pre", StringComparison.OrdinalIgnoreCase)
            || html.Contains("<textarea", StringComparison.OrdinalIgnoreCase)
            || html.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var result = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (!IsSpace(c))
            {
                result.Append(c);
                i++;
                continue;
            }

            var start = i;
            var lineBreak = false;
            while (i < html.Length && IsSpace(html[i]))
            {
                lineBreak |= html[i] == '\n';
                i++;
            }

            if (lineBreak)
            {
                result.Append('\n');
            }
            else
            {
                result.Append(html, start, i - start);
            }
        }

        return result.ToString();
    }

    /// <summary>HTML's white space (not U+00A0, which renders as a non-breaking space and must stay).</summary>
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    public void Dispose() => _kept.Dispose();
}
