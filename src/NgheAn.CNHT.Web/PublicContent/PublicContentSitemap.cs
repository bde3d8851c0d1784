using NgheAn.CNHT.Application.PublicContent;

namespace NgheAn.CNHT.Web.PublicContent;

/// <summary>The public content's pages for sitemap.xml: each as its Vietnamese and English address (ADR 0183's rule).</summary>
public static class PublicContentSitemap
{
    public static async Task<IReadOnlyList<(string Vi, string En, DateTime? LastModified)>> PagesAsync(PublicContentQuery content, CancellationToken ct)
    {
        var pages = new List<(string, string, DateTime?)>
        {
            (PublicContentUrls.Projects(false), PublicContentUrls.Projects(true), null),
            (PublicContentUrls.Program(false), PublicContentUrls.Program(true), null),
            (PublicContentUrls.News(false), PublicContentUrls.News(true), null),
        };
        pages.AddRange((await content.AllProjectsAsync(ct)).Select(p => (PublicContentUrls.Project(false, p.Slug), PublicContentUrls.Project(true, p.Slug), (DateTime?)p.LastChanged)));
        pages.AddRange((await content.AllNewsAsync(ct)).Select(n => (PublicContentUrls.NewsPost(false, n.Slug), PublicContentUrls.NewsPost(true, n.Slug), (DateTime?)n.LastChanged)));
        return pages;
    }
}
