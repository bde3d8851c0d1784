using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>The directory's facets and its search without diacritics (ADR 0181), over the ~85 demo enterprises.</summary>
public sealed class DirectorySearchTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    private Task<DirectoryPage> SearchAsync(DirectoryFilter filter) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<DirectoryQuery>().SearchAsync(filter));

    [Fact]
    public async Task Searching_co_khi_without_marks_finds_the_co_khi_enterprises()
    {
        var plain = await SearchAsync(new DirectoryFilter(Query: "co khi"));
        var marked = await SearchAsync(new DirectoryFilter(Query: "Cơ khí"));
        Assert.True(plain.Total > 5);
        Assert.Equal(marked.Total, plain.Total);
        Assert.Contains(plain.Rows, r => r.NameVi.Contains("Cơ khí", StringComparison.Ordinal));

        var html = await portal.NewClient().GetStringAsync("/danh-ba?q=co+khi");
        Assert.Contains("Công ty TNHH Cơ khí", html);
        Assert.DoesNotContain("Công ty TNHH May mặc", html);
    }

    [Fact]
    public async Task Sector_and_valid_certification_filter_together()
    {
        var page = await SearchAsync(new DirectoryFilter(Sector: "o-to", Certification: "iatf-16949"));
        Assert.True(page.Total > 0);
        Assert.All(page.Rows, r => Assert.Contains(";o-to;", r.SectorCodes));
        Assert.All(page.Rows, r => Assert.Contains(r.Certifications, c => c.Code == "iatf-16949"));
        var all = await SearchAsync(new DirectoryFilter(Sector: "o-to"));
        Assert.True(all.Total > page.Total);
    }

    [Fact]
    public async Task An_expired_certification_does_not_count_in_the_facet()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var expired = await portal.ReadAsync(db => db.SupplierCertifications.Where(c => c.Code == "iso-9001" && c.ValidUntil < today).Select(c => c.SupplierProfileId).ToListAsync());
        Assert.NotEmpty(expired);
        var slugs = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => expired.Contains(p.Id)).Select(p => p.Slug).ToListAsync());
        var found = new List<string>();
        for (var n = 1; ; n++)
        {
            var page = await SearchAsync(new DirectoryFilter(Certification: "iso-9001", Page: n));
            found.AddRange(page.Rows.Select(r => r.Slug));
            if (n >= page.PageCount)
            {
                break;
            }
        }

        Assert.DoesNotContain(found, slugs.Contains);
    }

    [Fact]
    public async Task Zone_commune_size_and_verified_facets_narrow_the_list()
    {
        var vsip = await SearchAsync(new DirectoryFilter(Zone: "vsip"));
        Assert.True(vsip.Total > 0);
        Assert.All(vsip.Rows, r => Assert.Equal("vsip", r.ZoneCode));

        var commune = await SearchAsync(new DirectoryFilter(Commune: "17110"));
        Assert.True(commune.Total > 0);
        Assert.All(commune.Rows, r => Assert.Equal("Phường Hoàng Mai", r.CommuneName));

        var verified = await SearchAsync(new DirectoryFilter(VerifiedOnly: true));
        Assert.True(verified.Total > 0);
        Assert.All(verified.Rows, r => Assert.True(r.Verified));

        var small = await SearchAsync(new DirectoryFilter(Size: Domain.Suppliers.WorkforceSize.Under10));
        Assert.All(small.Rows, r => Assert.Equal(Domain.Suppliers.WorkforceSize.Under10, r.Workforce));
    }

    [Fact]
    public async Task The_directory_pages_by_twenty_and_shows_every_enterprise_once()
    {
        var first = await SearchAsync(new DirectoryFilter(Page: 1));
        Assert.Equal(20, first.Rows.Count);
        Assert.True(first.Total >= 85);
        var slugs = new HashSet<string>();
        for (var n = 1; n <= first.PageCount; n++)
        {
            foreach (var row in (await SearchAsync(new DirectoryFilter(Page: n))).Rows)
            {
                Assert.True(slugs.Add(row.Slug), row.Slug);
            }
        }

        Assert.Equal(first.Total, slugs.Count);
        var html = await portal.NewClient().GetStringAsync("/danh-ba?page=2");
        Assert.Contains("rel=\"next\"", html);
        Assert.Contains("rel=\"prev\"", html);
    }

    [Fact]
    public async Task A_hand_edited_filter_is_ignored_rather_than_an_error()
    {
        var response = await portal.NewClient().GetAsync("/danh-ba?size=abc&page=x&sector=khong-co");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
