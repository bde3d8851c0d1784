using AngleSharp.Html.Parser;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.Infrastructure.PublicContent;

namespace NgheAn.CNHT.UnitTests.PublicContent;

/// <summary>
/// ADR 0190: user text is rendered, then sanitized; nothing a visitor's browser would run survives. The output is
/// parsed as a browser would and searched for scripts, event handlers and script-bearing links: typed markup may
/// remain visible as text, never as markup.
/// </summary>
public sealed class SafeHtmlTests
{
    private readonly SafeHtml _html = new();

    private const string Hostile = """
        # Tiêu đề

        <script>alert('xss')</script>
        <img src="x" onerror="alert(1)">
        <a href="javascript:alert(2)">bấm vào đây</a>
        [liên kết độc](javascript:alert(3))
        [liên kết dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)
        <div style="background:url(javascript:alert(5))" onclick="alert(6)">khối</div>
        <iframe src="https://example.com"></iframe>
        [hợp lệ](https://example.vn/trang) và **đậm**
        """;

    private static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        Assert.Empty(document.QuerySelectorAll("script, iframe, img, object, embed, style, form, input"));
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("style", attribute.Name);
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"javascript: in {attribute.Name}");
                Assert.False(attribute.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"data: in {attribute.Name}");
            }
        }
    }

    [Theory]
    [InlineData(TextFormat.Markdown)]
    [InlineData(TextFormat.PlainText)]
    public void Scripts_event_handlers_and_javascript_links_do_not_survive_rendering(TextFormat format) =>
        AssertInert(_html.Render(Hostile, format));

    [Fact]
    public void The_sanitizer_alone_removes_script_onerror_and_javascript_links_from_raw_html()
    {
        var html = SafeHtml.Sanitize("<p>chữ</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">liên kết</a>"
            + "<a href=\" JaVaScRiPt:alert(4)\">hoa thường</a><svg onload=alert(5)></svg><p onmouseover=\"alert(6)\">di chuột</p>");
        AssertInert(html);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.Contains("<p>chữ</p>", html);
        Assert.Contains("liên kết", html);
    }

    [Fact]
    public void Markdown_keeps_its_formatting_and_safe_links_which_carry_nofollow()
    {
        var html = _html.Render(Hostile, TextFormat.Markdown);
        Assert.Contains("<h1>Tiêu đề</h1>", html);
        Assert.Contains("<strong>đậm</strong>", html);
        Assert.Contains("href=\"https://example.vn/trang\"", html);
        Assert.Contains("rel=\"nofollow noopener\"", html);
        // Raw HTML typed in Markdown is shown as text, never run.
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Plain_text_is_shown_as_typed_with_its_line_breaks_and_no_markup()
    {
        var html = _html.Render("Dòng một <b>không đậm</b>\nDòng hai\n\nĐoạn hai", TextFormat.PlainText);
        Assert.Equal("<p>Dòng một &lt;b&gt;không đậm&lt;/b&gt;<br>Dòng hai</p><p>Đoạn hai</p>", html);
    }
}
