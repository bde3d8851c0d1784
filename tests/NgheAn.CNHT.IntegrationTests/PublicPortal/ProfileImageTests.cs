using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>
/// Logo and photos of a directory profile (issue 17 item 2, ADR 0193), on real SQLite: an upload is checked by content
/// and size, waits for moderation like any public field, and only then is served publicly with safe headers; no other
/// enterprise and no visitor reaches a pending image.
/// </summary>
public sealed class ProfileImageTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    /// <summary>An enterprise with a published profile (submitted and approved), and its slug.</summary>
    private async Task<(HttpClient Enterprise, int OrganizationId, string Slug)> PublishedEnterpriseAsync(string name)
    {
        var (enterprise, organizationId) = await portal.EnterpriseAsync();
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, name))).StatusCode);
        await ApproveAsync(organizationId);
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.OrganizationId == organizationId).Select(p => p.Slug).SingleAsync());
        return (enterprise, organizationId, slug);
    }

    private async Task<string> ApproveAsync(int organizationId)
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var changeId = await portal.PendingChangeOfAsync(organizationId);
        var review = await specialist.GetStringAsync($"/Directory/Review/{changeId}");
        var approve = await specialist.PostFormAsync($"/Directory/Review/{changeId}", new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(review) }, $"/Directory/Review/{changeId}?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        return review;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient enterprise, string handler, byte[] data, string fileName)
    {
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(DirectoryPortal.Stamp(html)), "Stamp" },
            { new ByteArrayContent(data), "Upload", fileName },
        };
        return await enterprise.PostAsync($"/DoanhNghiep/HoSo?handler={handler}", form);
    }

    private Task<List<SupplierImage>> ImagesOfAsync(int organizationId) =>
        portal.ReadAsync(db => db.SupplierImages.Where(i => db.SupplierProfiles.Any(p => p.Id == i.SupplierProfileId && p.OrganizationId == organizationId)).ToListAsync());

    [Fact]
    public async Task A_logo_and_a_photo_are_public_only_after_approval_and_served_with_safe_headers()
    {
        var (enterprise, organizationId, slug) = await PublishedEnterpriseAsync("Công ty Ảnh Logo Kiểm thử");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(enterprise, "Logo", Png, "logo.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(enterprise, "Photo", Jpeg, "xuong.jpg")).StatusCode);
        var images = await ImagesOfAsync(organizationId);
        var logo = images.Single(i => i.Kind == SupplierImageKind.Logo);
        var photo = images.Single(i => i.Kind == SupplierImageKind.Photo);
        Assert.Equal("image/png", logo.ContentType);
        Assert.Equal("image/jpeg", photo.ContentType);

        // Pending: the enterprise sees its own images, a visitor sees nothing of them.
        var own = await enterprise.GetAsync($"/DoanhNghiep/HoSo?handler=Image&id={logo.Id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(Png, await own.Content.ReadAsByteArrayAsync());
        Assert.Contains(logo.Id.ToString(), await enterprise.GetStringAsync("/DoanhNghiep/HoSo"));
        var visitor = portal.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/danh-ba/anh/{logo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/danh-ba/anh/{photo.Id}")).StatusCode);
        Assert.DoesNotContain(logo.Id.ToString(), await visitor.GetStringAsync($"/danh-ba/{slug}"));
        Assert.DoesNotContain(photo.Id.ToString(), await visitor.GetStringAsync($"/en/directory/{slug}"));

        // The reviewer sees the new images beside the diff, then approves.
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var changeId = await portal.PendingChangeOfAsync(organizationId);
        var review = await specialist.GetStringAsync($"/Directory/Review/{changeId}");
        Assert.Contains("Logo mới (xem ảnh bên dưới)", review);
        Assert.Contains($"id={logo.Id}", review);
        Assert.Contains($"id={photo.Id}", review);
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/Directory?handler=Image&id={photo.Id}")).StatusCode);
        await ApproveAsync(organizationId);

        var page = await visitor.GetStringAsync($"/danh-ba/{slug}");
        Assert.Contains($"/danh-ba/anh/{logo.Id}", page);
        Assert.Contains($"/danh-ba/anh/{photo.Id}", page);
        Assert.Contains("property=\"og:image\"", page);
        Assert.Contains($"/danh-ba/anh/{photo.Id}", await visitor.GetStringAsync($"/en/directory/{slug}"));
        Assert.Contains($"/danh-ba/anh/{logo.Id}", await visitor.GetStringAsync("/danh-ba?q=" + Uri.EscapeDataString("Ảnh Logo Kiểm thử")));

        var served = await visitor.GetAsync($"/danh-ba/anh/{logo.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("public", served.Headers.CacheControl?.ToString());
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());

        // Audited like every profile change: the image row and the change naming it.
        Assert.True(await portal.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SupplierImage) && a.EntityKey == logo.Id.ToString() && a.Action == "Insert")));

        // Removing the photo: the public profile keeps it until the removal is approved.
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.PostFormAsync("/DoanhNghiep/HoSo", new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(html), ["ImageId"] = photo.Id.ToString() }, "/DoanhNghiep/HoSo?handler=RemoveImage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/danh-ba/anh/{photo.Id}")).StatusCode);
        await ApproveAsync(organizationId);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/danh-ba/anh/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/danh-ba/anh/{logo.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_file_of_another_type_or_too_large_is_refused_in_Vietnamese_and_nothing_is_saved()
    {
        var (enterprise, organizationId, _) = await PublishedEnterpriseAsync("Công ty Ảnh Sai Loại Kiểm thử");
        var renamed = await UploadAsync(enterprise, "Logo", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "logo.png");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("nội dung tệp đã chọn không phải ảnh PNG/JPEG", await renamed.Content.ReadAsStringAsync());

        var big = new byte[SupplierImage.MaxLogoBytes + 1];
        Png.CopyTo(big, 0);
        var tooLarge = await UploadAsync(enterprise, "Logo", big, "logo-lon.png");
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("Logo vượt quá dung lượng cho phép (tối đa 1 MB).", await tooLarge.Content.ReadAsStringAsync());

        Assert.Empty(await ImagesOfAsync(organizationId));
        Assert.False(await portal.ReadAsync(db => db.ProfileChanges.AnyAsync(c => c.SupplierProfile.OrganizationId == organizationId && c.Status == ProfileChangeStatus.Pending)));
    }

    [Fact]
    public async Task Another_enterprise_cannot_see_or_remove_a_pending_image_and_staff_pages_stay_closed()
    {
        var (owner, ownerOrganization, _) = await PublishedEnterpriseAsync("Công ty Ảnh Chủ Kiểm thử");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(owner, "Photo", Png, "anh.png")).StatusCode);
        var pending = (await ImagesOfAsync(ownerOrganization)).Single();

        var (other, otherOrganization, _) = await PublishedEnterpriseAsync("Công ty Ảnh Khác Kiểm thử");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/DoanhNghiep/HoSo?handler=Image&id={pending.Id}")).StatusCode);
        var html = await other.GetStringAsync("/DoanhNghiep/HoSo");
        var remove = await other.PostFormAsync("/DoanhNghiep/HoSo", new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(html), ["ImageId"] = pending.Id.ToString() }, "/DoanhNghiep/HoSo?handler=RemoveImage");
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync($"/Directory?handler=Image&id={pending.Id}")).StatusCode);

        // The other enterprise's upload lands on its own profile only: the form names no profile.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(other, "Logo", Png, "logo.png")).StatusCode);
        Assert.Single(await ImagesOfAsync(otherOrganization));
        Assert.Single(await ImagesOfAsync(ownerOrganization));
        var ownerChange = await portal.ReadAsync(db => db.ProfileChanges.SingleAsync(c => c.SupplierProfile.OrganizationId == ownerOrganization && c.Status == ProfileChangeStatus.Pending));
        Assert.Null(ownerChange.Content.LogoImageId);
        Assert.Equal([pending.Id], ownerChange.Content.PhotoImageIds);

        var anonymous = portal.NewClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/DoanhNghiep/HoSo?handler=Image&id={pending.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/Directory?handler=Image&id={pending.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/danh-ba/anh/{pending.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_pending_image_never_reaches_a_public_page_an_open_data_file_or_the_sitemap()
    {
        var (enterprise, organizationId, slug) = await PublishedEnterpriseAsync("Công ty Ảnh Riêng Tư Kiểm thử");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(enterprise, "Logo", Png, "logo.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(enterprise, "Photo", Jpeg, "anh.jpg")).StatusCode);
        var ids = (await ImagesOfAsync(organizationId)).Select(i => i.Id.ToString()).ToList();
        Assert.Equal(2, ids.Count);

        var visitor = portal.NewClient();
        var paths = new[]
        {
            $"/danh-ba/{slug}", $"/en/directory/{slug}", "/danh-ba?q=" + Uri.EscapeDataString("Ảnh Riêng Tư"), "/en/directory?q=" + Uri.EscapeDataString("Anh Rieng Tu"),
            "/du-lieu-mo/danh-ba.csv", "/du-lieu-mo/danh-ba.json", "/sitemap.xml",
        };
        foreach (var path in paths)
        {
            var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            foreach (var id in ids)
            {
                Assert.False(text.Contains(id, StringComparison.OrdinalIgnoreCase), $"pending image {id} on {path}");
            }
        }

        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/danh-ba/anh/{id}")).StatusCode);
        }

        // The profile itself is public (the search found it), so the absence above is the images', not the page's.
        Assert.Contains("Công ty Ảnh Riêng Tư Kiểm thử", await visitor.GetStringAsync($"/danh-ba/{slug}"));
    }
}
