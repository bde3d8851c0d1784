using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Web.Portal;

namespace NgheAn.CNHT.Web.Pages.Portal;

/// <summary>A published profile (/danh-ba/{slug}, /en/directory/{slug}): public fields only, printable, with schema.org data.</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class ProfileModel(DirectoryQuery directory) : PortalPage
{
    public PublicProfile Profile { get; private set; } = null!;

    /// <summary>schema.org Organization as JSON; the default encoder escapes &lt; &gt; &amp; ' so the text cannot close the script element.</summary>
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var profile = await directory.ProfileAsync(slug, ct);
        if (profile is null)
        {
            return NotFound();
        }

        Profile = profile;
        var en = English;
        var products = profile.Products(en);
        Describe(PortalUrls.Profile(false, slug), PortalUrls.Profile(true, slug), profile.Name(en),
            (CnhtTaxonomy.Names(CnhtTaxonomy.Sectors, profile.SectorCodes, en) + (products is null ? "" : " — " + products)) is var d && d.Length > 300 ? d[..300] : d);
        ViewData["OgType"] = "profile";
        var ogImage = profile.LogoImageId ?? (profile.Photos.Count > 0 ? profile.Photos[0] : null);
        if (ogImage is { } imageId)
        {
            ViewData["OgImage"] = PortalUrls.Absolute(Request, ProfileImageEndpoints.Url(imageId));
        }

        var url = PortalUrls.Absolute(Request, PortalUrls.Profile(en, slug));
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = profile.Name(en),
            ["alternateName"] = en ? profile.NameVi : profile.NameEn,
            ["url"] = url,
            ["taxID"] = profile.TaxCode,
            ["description"] = products,
            ["email"] = profile.ContactEmail,
            ["telephone"] = profile.ContactPhone,
            ["sameAs"] = profile.Website,
            ["logo"] = profile.LogoImageId is { } l ? PortalUrls.Absolute(Request, ProfileImageEndpoints.Url(l)) : null,
            ["knowsAbout"] = CnhtTaxonomy.Split(profile.SectorCodes).Concat(CnhtTaxonomy.Split(profile.ProcessCodes))
                .Select(c => (CnhtTaxonomy.Sector(c) ?? CnhtTaxonomy.Process(c))?.Name(en)).Where(n => n is not null).ToList(),
            ["address"] = new Dictionary<string, object?>
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = profile.Address,
                ["addressLocality"] = profile.CommuneName,
                ["addressRegion"] = en ? "Nghe An" : "Nghệ An",
                ["addressCountry"] = "VN",
            },
            ["hasCredential"] = profile.Certifications.Select(c => new Dictionary<string, object?>
            {
                ["@type"] = "EducationalOccupationalCredential",
                ["name"] = CnhtTaxonomy.Certification(c.Code)?.NameEn ?? c.Code,
                ["expires"] = c.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList(),
        };
        JsonLd = JsonSerializer.Serialize(ld.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value));
        return Page();
    }
}
