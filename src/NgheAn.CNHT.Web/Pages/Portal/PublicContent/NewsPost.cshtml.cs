using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Web.Portal;
using NgheAn.CNHT.Web.PublicContent;

namespace NgheAn.CNHT.Web.Pages.Portal.PublicContent;

/// <summary>One post (/tin-tuc/{slug}, /en/news/{slug}); its body is sanitized HTML from <see cref="ISafeHtml"/>.</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class NewsPostModel(PublicContentQuery content) : PortalPage
{
    public PublicNewsDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var detail = await content.NewsPostAsync(slug, English, ct);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        Describe(PublicContentUrls.NewsPost(false, slug), PublicContentUrls.NewsPost(true, slug), detail.Post.Title(English));
        ViewData["OgType"] = "article";
        return Page();
    }
}
