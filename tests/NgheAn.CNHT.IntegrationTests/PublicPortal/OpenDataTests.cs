using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>Open data and discovery (issue 17 item 7, ADR 0183).</summary>
public sealed class OpenDataTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    [Fact]
    public async Task The_directory_is_downloadable_as_csv_and_json_with_its_licence()
    {
        var client = portal.NewClient();
        var published = await portal.ReadAsync(db => db.SupplierProfiles.CountAsync(p => p.IsPublished));

        var csv = await client.GetAsync("/du-lieu-mo/danh-ba.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("CC BY 4.0", csv.Headers.GetValues("X-Licence").Single());
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("slug,name_vi,name_en,tax_code", lines[0]);
        Assert.Equal(published + 1, lines.Length);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/du-lieu-mo/danh-ba.json"));
        Assert.Contains("CC BY 4.0", json.RootElement.GetProperty("licence").GetString());
        Assert.Equal(published, json.RootElement.GetProperty("enterprises").GetArrayLength());
        var first = json.RootElement.GetProperty("enterprises")[0];
        Assert.StartsWith("https://localhost/danh-ba/", first.GetProperty("urlVi").GetString());
        Assert.StartsWith("https://localhost/en/directory/", first.GetProperty("urlEn").GetString());
    }

    [Fact]
    public async Task The_sitemap_lists_every_profile_in_both_languages_and_robots_points_to_it()
    {
        var client = portal.NewClient();
        var slugs = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished).Select(p => p.Slug).ToListAsync());
        var xml = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = xml.Descendants(sm + "loc").Select(e => e.Value).ToHashSet();
        foreach (var slug in slugs)
        {
            Assert.Contains($"https://localhost/danh-ba/{slug}", locs);
            Assert.Contains($"https://localhost/en/directory/{slug}", locs);
        }

        Assert.Contains("https://localhost/", locs);
        Assert.Contains("https://localhost/en", locs);
        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: https://localhost/sitemap.xml", robots);
        Assert.Contains("Disallow: /", robots);
    }

    [Fact]
    public async Task A_profile_carries_schema_org_json_ld_open_graph_and_hreflang()
    {
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished && p.ShowTaxCode).Select(p => p.Slug).FirstAsync());
        var html = await portal.NewClient().GetStringAsync($"/danh-ba/{slug}");
        var ld = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>").Groups[1].Value;
        using var json = JsonDocument.Parse(ld);
        Assert.Equal("Organization", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal($"https://localhost/danh-ba/{slug}", json.RootElement.GetProperty("url").GetString());
        Assert.Contains("<meta property=\"og:type\" content=\"profile\" />", html);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"en\" href=\"https://localhost/en/directory/{slug}\" />", html);
    }

    [Fact]
    public async Task Public_pages_are_cached_but_an_approved_change_shows_on_the_next_request()
    {
        var client = portal.NewClient();
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished && p.CapabilityVerifiedOn == null).OrderByDescending(p => p.Id).Select(p => p.Slug).FirstAsync());
        var before = await client.GetStringAsync($"/danh-ba/{slug}");
        Assert.Equal(before, await client.GetStringAsync($"/danh-ba/{slug}"));
        Assert.DoesNotContain("Đã được Sở Công Thương xác nhận năng lực", before);

        await portal.ReadAsync(async db =>
        {
            var profile = await db.SupplierProfiles.SingleAsync(p => p.Slug == slug);
            profile.VerifyCapability(new Domain.Common.Actor("chuyenvien@cnht.demo", "Chuyên viên", new HashSet<string> { Domain.Roles.DoitSpecialist }), DateOnly.FromDateTime(DateTime.Today), null, DateOnly.FromDateTime(DateTime.Today));
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Đã được Sở Công Thương xác nhận năng lực", await client.GetStringAsync($"/danh-ba/{slug}"));
    }
}
