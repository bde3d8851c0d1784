using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>An enterprise edits its own directory profile and nothing else (ADR 0154, 0182).</summary>
public sealed class ProfileIsolationTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    [Fact]
    public async Task An_enterprise_posting_another_profiles_ids_and_stamp_only_ever_changes_its_own()
    {
        var (a, orgA) = await portal.EnterpriseAsync();
        var (b, orgB) = await portal.EnterpriseAsync();
        var htmlB = await b.GetStringAsync("/DoanhNghiep/HoSo");
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(htmlB, "Công ty B Kiểm thử Cách ly"))).StatusCode);
        var (profileB, changeB) = await portal.ReadAsync(async db =>
        {
            var p = await db.SupplierProfiles.SingleAsync(x => x.OrganizationId == orgB);
            var c = await db.ProfileChanges.SingleAsync(x => x.SupplierProfileId == p.Id);
            return (p, c);
        });

        // A posts with B's change stamp and B's ids in every field a form could carry: none of them is read.
        var htmlA = await a.GetStringAsync("/DoanhNghiep/HoSo");
        var form = DirectoryPortal.ProfileForm(htmlA, "Công ty A Ghi Đè", new Dictionary<string, string>
        {
            ["Stamp"] = changeB.ConcurrencyStamp.ToString(),
            ["id"] = profileB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OrganizationId"] = orgB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SupplierProfileId"] = profileB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var response = await a.PostFormAsync($"/DoanhNghiep/HoSo?id={profileB.Id}&organizationId={orgB}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tải lại trang", await response.Content.ReadAsStringAsync());

        var changesOfB = await portal.ReadAsync(db => db.ProfileChanges.Where(c => c.SupplierProfileId == profileB.Id).Select(c => c.ContentJson).ToListAsync());
        Assert.Single(changesOfB);
        Assert.DoesNotContain("Ghi Đè", changesOfB[0]);
        Assert.False(await portal.ReadAsync(db => db.SupplierProfiles.AnyAsync(p => p.OrganizationId == orgA)));

        // A's own form shows A's organization, never B's pending content.
        Assert.DoesNotContain("Công ty B Kiểm thử Cách ly", await a.GetStringAsync("/DoanhNghiep/HoSo"));
    }

    [Theory]
    [InlineData("/Directory")]
    [InlineData("/Directory/Review/1")]
    [InlineData("/Directory/Capability/1")]
    public async Task An_enterprise_never_reaches_the_moderation_pages(string path)
    {
        var (enterprise, _) = await portal.EnterpriseAsync();
        var response = await enterprise.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true, path);
    }

    [Fact]
    public async Task An_enterprise_cannot_approve_its_own_change()
    {
        var (enterprise, organizationId) = await portal.EnterpriseAsync();
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        await enterprise.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, "Công ty Tự Duyệt Kiểm thử"));
        var changeId = await portal.PendingChangeOfAsync(organizationId);
        var stamp = await portal.ReadAsync(db => db.ProfileChanges.Where(c => c.Id == changeId).Select(c => c.ConcurrencyStamp).SingleAsync());
        var token = WebPageHelpers.AntiforgeryToken(html);
        var response = await enterprise.PostAsync($"/Directory/Review/{changeId}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Stamp"] = stamp.ToString(),
        }));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.OrganizationId == organizationId).Select(p => p.IsPublished).SingleAsync()));
    }
}
