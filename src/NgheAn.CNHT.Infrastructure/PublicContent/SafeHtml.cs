using System.Net;
using Ganss.Xss;
using Markdig;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.Infrastructure.PublicContent;

/// <summary>
/// User text to HTML (ADR 0190). Markdown is rendered with raw HTML disabled, and the result is then sanitized with an
/// allow-list (HtmlSanitizer): even if the renderer let something through, scripts, event handlers, styles and
/// javascript:/data: links are removed. Plain text is HTML-encoded, paragraphs and line breaks kept. Links open
/// with rel="nofollow noopener".
/// </summary>
public sealed class SafeHtml : ISafeHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public string Render(string? text, TextFormat format)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var html = format == TextFormat.Markdown ? Markdown.ToHtml(text, Pipeline) : PlainText(text);
        return Sanitize(html);
    }

    /// <summary>The allow-list on its own: what would remain of raw HTML if a renderer ever let it through.</summary>
    internal static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static string PlainText(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "b", "i", "del", "ins", "sub", "sup", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
                "h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
