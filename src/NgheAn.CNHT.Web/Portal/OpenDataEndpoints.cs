using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml.Linq;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// Open data and discovery (issue 17, ADR 0183): the directory as CSV and JSON under a stated licence, sitemap.xml
/// with every public page in both languages, robots.txt. The files are built from <see cref="PublicProfile"/>
/// only, the shape in which non-public fields are already gone.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Licence = "Creative Commons Attribution 4.0 International (CC BY 4.0)";
    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/";
    public const string Publisher = "Sở Công Thương tỉnh Nghệ An";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private static readonly string[] CsvHeader =
    [
        "slug", "name_vi", "name_en", "tax_code", "commune_code", "commune", "zone", "address", "sectors", "processes",
        "products_vi", "products_en", "certifications", "capacity", "workforce", "export_markets", "website",
        "contact_name", "contact_phone", "contact_email", "capability_verified_on", "url_vi", "url_en",
    ];

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalUrls.DirectoryCsv, CsvAsync).AllowAnonymous().CacheOutput(PortalCaching.Policy);
        app.MapGet(PortalUrls.DirectoryJson, JsonAsync).AllowAnonymous().CacheOutput(PortalCaching.Policy);
        app.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous().CacheOutput(PortalCaching.Policy);
        app.MapGet("/robots.txt", Robots).AllowAnonymous().CacheOutput(PortalCaching.Policy);
        return app;
    }

    private static async Task<IResult> CsvAsync(HttpContext context, DirectoryQuery directory, CancellationToken ct)
    {
        var profiles = await directory.AllAsync(ct);
        var sb = new StringBuilder();
        sb.Append(SpreadsheetText.CsvLine(CsvHeader)).Append("\r\n");
        foreach (var p in profiles)
        {
            sb.Append(SpreadsheetText.CsvLine(
            [
                p.Slug, p.NameVi, p.NameEn, p.TaxCode, p.CommuneCode, p.CommuneName, CnhtTaxonomy.Zone(p.ZoneCode)?.NameVi, p.Address,
                CnhtTaxonomy.Names(CnhtTaxonomy.Sectors, p.SectorCodes, false), CnhtTaxonomy.Names(CnhtTaxonomy.Processes, p.ProcessCodes, false),
                p.ProductsVi, p.ProductsEn, string.Join("; ", p.Certifications.Select(CertificationText)), p.Capacity,
                p.Workforce is { } w ? CnhtTaxonomy.SizeName(w, false) : null, p.ExportMarkets, p.Website,
                p.ContactName, p.ContactPhone, p.ContactEmail, p.VerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PortalUrls.Absolute(context.Request, PortalUrls.Profile(false, p.Slug)), PortalUrls.Absolute(context.Request, PortalUrls.Profile(true, p.Slug)),
            ])).Append("\r\n");
        }

        context.Response.Headers["X-Licence"] = Licence;
        context.Response.Headers.ContentDisposition = "attachment; filename=\"danh-ba-doanh-nghiep-cnht-nghe-an.csv\"";
        // A byte-order mark so that Excel reads the Vietnamese text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return Results.Bytes(bytes, "text/csv; charset=utf-8");
    }

    private static string CertificationText(PublicCertification c) =>
        (CnhtTaxonomy.Certification(c.Code)?.NameVi ?? c.Code) + (c.ValidUntil is { } d ? " (" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")" : "");

    private static async Task<IResult> JsonAsync(HttpContext context, DirectoryQuery directory, CancellationToken ct)
    {
        var profiles = await directory.AllAsync(ct);
        var document = new
        {
            title = "Danh bạ doanh nghiệp công nghiệp hỗ trợ tỉnh Nghệ An",
            titleEn = "Directory of supporting-industry enterprises, Nghe An province",
            publisher = Publisher,
            licence = Licence,
            licenceUrl = LicenceUrl,
            generatedAt = DateTime.UtcNow,
            count = profiles.Count,
            enterprises = profiles.Select(p => new
            {
                p.Slug,
                p.NameVi,
                p.NameEn,
                p.TaxCode,
                p.CommuneCode,
                commune = p.CommuneName,
                zone = p.ZoneCode,
                zoneName = CnhtTaxonomy.Zone(p.ZoneCode)?.NameVi,
                p.Address,
                sectors = CnhtTaxonomy.Split(p.SectorCodes),
                processes = CnhtTaxonomy.Split(p.ProcessCodes),
                p.ProductsVi,
                p.ProductsEn,
                certifications = p.Certifications.Select(c => new { c.Code, name = CnhtTaxonomy.Certification(c.Code)?.NameVi, validUntil = c.ValidUntil }),
                p.Capacity,
                workforce = p.Workforce?.ToString(),
                p.ExportMarkets,
                p.Website,
                contact = p.ContactName is null && p.ContactPhone is null && p.ContactEmail is null ? null : new { name = p.ContactName, phone = p.ContactPhone, email = p.ContactEmail },
                capabilityVerifiedOn = p.VerifiedOn,
                urlVi = PortalUrls.Absolute(context.Request, PortalUrls.Profile(false, p.Slug)),
                urlEn = PortalUrls.Absolute(context.Request, PortalUrls.Profile(true, p.Slug)),
            }),
        };
        context.Response.Headers["X-Licence"] = Licence;
        return Results.Text(JsonSerializer.Serialize(document, Json), "application/json; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, DirectoryQuery directory, Application.PublicContent.PublicContentQuery content, CancellationToken ct)
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var request = context.Request;
        XElement Url(string vi, string en, bool english, DateTime? lastModified = null)
        {
            var element = new XElement(sm + "url",
                new XElement(sm + "loc", PortalUrls.Absolute(request, english ? en : vi)),
                new XElement(xhtml + "link", new XAttribute("rel", "alternate"), new XAttribute("hreflang", "vi"), new XAttribute("href", PortalUrls.Absolute(request, vi))),
                new XElement(xhtml + "link", new XAttribute("rel", "alternate"), new XAttribute("hreflang", "en"), new XAttribute("href", PortalUrls.Absolute(request, en))));
            if (lastModified is { } at)
            {
                element.Add(new XElement(sm + "lastmod", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            return element;
        }

        var urls = new List<XElement>();
        foreach (var english in new[] { false, true })
        {
            urls.Add(Url(PortalUrls.Home(false), PortalUrls.Home(true), english));
            urls.Add(Url(PortalUrls.Directory(false), PortalUrls.Directory(true), english));
            urls.Add(Url(PortalUrls.OpenData(false), PortalUrls.OpenData(true), english));
        }

        // Priority projects, the program page, news and events (issue 17 items 5 and 6).
        foreach (var (vi, en, at) in await PublicContent.PublicContentSitemap.PagesAsync(content, ct))
        {
            urls.Add(Url(vi, en, false, at));
            urls.Add(Url(vi, en, true, at));
        }

        foreach (var p in await directory.AllAsync(ct))
        {
            urls.Add(Url(PortalUrls.Profile(false, p.Slug), PortalUrls.Profile(true, p.Slug), false, p.LastChanged));
            urls.Add(Url(PortalUrls.Profile(false, p.Slug), PortalUrls.Profile(true, p.Slug), true, p.LastChanged));
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(sm + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", xhtml.NamespaceName), urls));
        return Results.Text(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
    }

    private static IResult Robots(HttpContext context) => Results.Text(
        "User-agent: *\n" +
        "Allow: /$\n" +
        "Allow: /danh-ba\n" +
        "Allow: /en\n" +
        "Allow: /du-lieu-mo\n" +
        "Allow: /Calls\n" +
        "Allow: /du-an-uu-tien\n" +
        "Allow: /chuong-trinh\n" +
        "Allow: /tin-tuc\n" +
        "Disallow: /\n" +
        "Sitemap: " + PortalUrls.Absolute(context.Request, "/sitemap.xml") + "\n",
        "text/plain; charset=utf-8");
}
