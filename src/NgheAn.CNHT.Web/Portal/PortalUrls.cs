namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// The public portal's addresses in both languages (ADR 0180): Vietnamese at the root with Vietnamese words,
/// English under /en/ with English words. Pages and the sitemap build links here, never by page name, because
/// each public page answers two routes.
/// </summary>
public static class PortalUrls
{
    public static string Home(bool en) => en ? "/en" : "/";
    public static string Directory(bool en) => en ? "/en/directory" : "/danh-ba";
    public static string Profile(bool en, string slug) => (en ? "/en/directory/" : "/danh-ba/") + Uri.EscapeDataString(slug);
    public static string OpenData(bool en) => en ? "/en/open-data" : "/du-lieu-mo";
    public const string DirectoryCsv = "/du-lieu-mo/danh-ba.csv";
    public const string DirectoryJson = "/du-lieu-mo/danh-ba.json";

    /// <summary>English pages are those under /en (the culture provider reads the same rule).</summary>
    public static bool IsEnglish(HttpContext context) => context.Request.Path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase);

    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
}
