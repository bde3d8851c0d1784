using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Razor;

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
public sealed class KeptHtml
{
    /// <summary>At most this many characters kept in all; past it the least recently used pieces go first.</summary>
    private const long MaxChars = 32L * 1024 * 1024;

    /// <summary>A kept piece and when it was last written (milliseconds of <see cref="Environment.TickCount64"/>).</summary>
    private sealed class Piece(HtmlString html, long slidingMs)
    {
        public HtmlString Html { get; } = html;
        public long SlidingMs { get; } = slidingMs;
        public long LastUsed;
    }

    // A dictionary rather than MemoryCache: a hit is one look-up and one write of the time, no clock, no expiry scan
    // (MemoryCache's bookkeeping on every hit was 3 % of a warm dashboard). Expired pieces are swept on additions.
    private readonly ConcurrentDictionary<string, Piece> _kept = new(StringComparer.Ordinal);
    private readonly HtmlEncoder _encoder;
    private readonly Lock _sweep = new();
    private long _chars;
    private long _additions;
    private long _renderings;

    public KeptHtml(HtmlEncoder encoder) => _encoder = encoder;

    /// <summary>How many pieces were rendered (not found kept); tests read it to prove a piece is reused.</summary>
    public long Renderings => Interlocked.Read(ref _renderings);

    /// <summary>
    /// The piece kept under <paramref name="key"/> (and the current UI culture), rendering <paramref name="template"/>
    /// (a Razor template, <c>@&lt;text&gt;…&lt;/text&gt;</c>) on the first request only. Kept for
    /// <paramref name="sliding"/> after its last use (default 10 minutes).
    /// </summary>
    public async ValueTask<IHtmlContent> GetOrRenderAsync(string key, Func<object?, IHtmlContent> template, TimeSpan? sliding = null)
    {
        var fullKey = string.Concat(CultureInfo.CurrentUICulture.Name, "|", key);
        var now = Environment.TickCount64;
        if (_kept.TryGetValue(fullKey, out var kept) && now - Volatile.Read(ref kept.LastUsed) <= kept.SlidingMs)
        {
            Volatile.Write(ref kept.LastUsed, now);
            return kept.Html;
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
        var piece = new Piece(new HtmlString(html), (long)(sliding ?? TimeSpan.FromMinutes(10)).TotalMilliseconds) { LastUsed = now };
        if (_kept.TryRemove(fullKey, out var old))
        {
            Interlocked.Add(ref _chars, -old.Html.Value!.Length);
        }

        if (_kept.TryAdd(fullKey, piece))
        {
            Interlocked.Add(ref _chars, html.Length);
        }

        if (Interlocked.Read(ref _chars) > MaxChars || Interlocked.Increment(ref _additions) % 64 == 0)
        {
            Sweep(now);
        }

        return piece.Html;
    }

    /// <summary>Drops expired pieces, then the least recently used ones until three quarters of the budget is left.</summary>
    private void Sweep(long now)
    {
        lock (_sweep)
        {
            foreach (var (key, piece) in _kept)
            {
                if (now - Volatile.Read(ref piece.LastUsed) > piece.SlidingMs && _kept.TryRemove(new KeyValuePair<string, Piece>(key, piece)))
                {
                    Interlocked.Add(ref _chars, -piece.Html.Value!.Length);
                }
            }

            if (Interlocked.Read(ref _chars) <= MaxChars)
            {
                return;
            }

            foreach (var (key, piece) in _kept.OrderBy(e => Volatile.Read(ref e.Value.LastUsed)).ToList())
            {
                if (Interlocked.Read(ref _chars) <= MaxChars * 3 / 4)
                {
                    break;
                }

                if (_kept.TryRemove(new KeyValuePair<string, Piece>(key, piece)))
                {
                    Interlocked.Add(ref _chars, -piece.Html.Value!.Length);
                }
            }
        }
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
}
