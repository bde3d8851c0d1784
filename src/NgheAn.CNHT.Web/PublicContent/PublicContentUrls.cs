namespace NgheAn.CNHT.Web.PublicContent;

/// <summary>
/// Addresses of the priority projects, the program page, news and events and the contact form, in both languages
/// (ADR 0180's rule: Vietnamese words at the root, English ones under /en/). Pages and the sitemap link here.
/// </summary>
public static class PublicContentUrls
{
    public static string Projects(bool en) => en ? "/en/priority-projects" : "/du-an-uu-tien";
    public static string Project(bool en, string slug) => Projects(en) + "/" + Uri.EscapeDataString(slug);
    public static string ProjectsPdf(bool en) => Projects(en) + ".pdf";
    public static string Program(bool en) => en ? "/en/program" : "/chuong-trinh";
    public static string News(bool en) => en ? "/en/news" : "/tin-tuc";
    public static string NewsPost(bool en, string slug) => News(en) + "/" + Uri.EscapeDataString(slug);
    public static string Contact(bool en, string slug) => Web.Portal.PortalUrls.Profile(en, slug) + (en ? "/contact" : "/lien-he");
}
