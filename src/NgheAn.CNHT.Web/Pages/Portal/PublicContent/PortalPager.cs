namespace NgheAn.CNHT.Web.Pages.Portal.PublicContent;

/// <summary>Previous/next paging of a public list, with links in the page's own language.</summary>
public sealed record PortalPager(int Page, int PageCount, Func<int, string> Link);
