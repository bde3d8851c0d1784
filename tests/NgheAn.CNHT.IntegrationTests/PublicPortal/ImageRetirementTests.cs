using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Portal;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>
/// Images of a directory profile that nobody uses any more (ADR 0206), and uploads above the page's limit (ADR 0208),
/// on real SQLite: a replaced logo, a photo taken off before approval, the image of a rejected change and the logo an
/// approved change replaced are retired with their reason, in the same audited save, never deleted; after the
/// retention period only their bytes are released. A too-large upload comes back with the message next to its field.
/// </summary>
public sealed class ImageRetirementTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<(HttpClient Enterprise, int OrganizationId, string Slug)> PublishedEnterpriseAsync(string name)
    {
        var (enterprise, organizationId) = await portal.EnterpriseAsync();
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, name))).StatusCode);
        await DecideAsync(organizationId, approve: true);
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.OrganizationId == organizationId).Select(p => p.Slug).SingleAsync());
        return (enterprise, organizationId, slug);
    }

    private async Task DecideAsync(int organizationId, bool approve)
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var changeId = await portal.PendingChangeOfAsync(organizationId);
        var review = await specialist.GetStringAsync($"/Directory/Review/{changeId}");
        var form = new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(review) };
        if (!approve)
        {
            form["Reason"] = "Logo không đúng nhận diện của doanh nghiệp.";
        }

        var response = await specialist.PostFormAsync($"/Directory/Review/{changeId}", form, $"/Directory/Review/{changeId}?handler={(approve ? "Approve" : "Reject")}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient enterprise, string handler, byte[] data)
    {
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(DirectoryPortal.Stamp(html)), "Stamp" },
            { new ByteArrayContent(data), "Upload", handler == "Logo" ? "logo.png" : "anh.png" },
        };
        return await enterprise.PostAsync($"/DoanhNghiep/HoSo?handler={handler}", form);
    }

    /// <summary>Uploads a PNG (made unique by a trailing byte, so every upload is a new image) and returns its id.</summary>
    private async Task<Guid> UploadPngAsync(HttpClient enterprise, int organizationId, string handler)
    {
        var before = (await ImagesOfAsync(organizationId)).Select(i => i.Id).ToHashSet();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(enterprise, handler, [.. Png, (byte)Random.Shared.Next(256)])).StatusCode);
        return (await ImagesOfAsync(organizationId)).Single(i => !before.Contains(i.Id)).Id;
    }

    private Task<List<SupplierImage>> ImagesOfAsync(int organizationId) =>
        portal.ReadAsync(db => db.SupplierImages.AsNoTracking().Where(i => db.SupplierProfiles.Any(p => p.Id == i.SupplierProfileId && p.OrganizationId == organizationId)).ToListAsync());

    private Task<SupplierImage> ImageAsync(Guid id) => portal.ReadAsync(db => db.SupplierImages.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task An_image_nobody_uses_any_more_is_retired_with_its_reason_in_an_audited_save_and_never_deleted()
    {
        var (enterprise, organizationId, slug) = await PublishedEnterpriseAsync("Công ty Ảnh Thôi Dùng Kiểm thử");
        var visitor = portal.NewClient();

        // A logo replaced by another before approval, and a photo taken off before approval.
        var first = await UploadPngAsync(enterprise, organizationId, "Logo");
        var second = await UploadPngAsync(enterprise, organizationId, "Logo");
        var photo = await UploadPngAsync(enterprise, organizationId, "Photo");
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.PostFormAsync("/DoanhNghiep/HoSo",
            new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(html), ["ImageId"] = photo.ToString() }, "/DoanhNghiep/HoSo?handler=RemoveImage")).StatusCode);
        Assert.Equal(ImageRetirement.WithdrawnBeforeApproval, (await ImageAsync(first)).RetiredReason);
        Assert.Equal(ImageRetirement.WithdrawnBeforeApproval, (await ImageAsync(photo)).RetiredReason);
        Assert.Null((await ImageAsync(second)).RetiredAt);
        await DecideAsync(organizationId, approve: true);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(ProfileImageEndpoints.Url(second))).StatusCode);

        // A logo in a change the department rejects.
        var rejected = await UploadPngAsync(enterprise, organizationId, "Logo");
        await DecideAsync(organizationId, approve: false);
        Assert.Equal(ImageRetirement.InRejectedChange, (await ImageAsync(rejected)).RetiredReason);
        Assert.Null((await ImageAsync(second)).RetiredAt);

        // The published logo, replaced by an approved change.
        var third = await UploadPngAsync(enterprise, organizationId, "Logo");
        Assert.Null((await ImageAsync(second)).RetiredAt); // still on the public page until the approval
        await DecideAsync(organizationId, approve: true);
        var replaced = await ImageAsync(second);
        Assert.Equal(ImageRetirement.ReplacedByApprovedChange, replaced.RetiredReason);
        Assert.NotNull(replaced.RetiredAt);
        Assert.Null((await ImageAsync(third)).RetiredAt);

        // Nothing deleted: every image is still there with its bytes; only the one in use is public.
        var images = await ImagesOfAsync(organizationId);
        Assert.Equal(5, images.Count);
        Assert.All(images, i => Assert.Equal(i.Size, i.Data.Length));
        Assert.Equal([third], images.Where(i => i.RetiredAt is null).Select(i => i.Id));
        foreach (var retired in new[] { first, photo, rejected, second })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(ProfileImageEndpoints.Url(retired))).StatusCode);
        }

        Assert.Contains(ProfileImageEndpoints.Url(third), await visitor.GetStringAsync($"/danh-ba/{slug}"));

        // Audited: each retirement is an update of the image row naming the time and the reason.
        var audit = await portal.ReadAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(SupplierImage) && a.Action == "Update").Select(a => new { a.EntityKey, a.Changes }).ToListAsync());
        foreach (var retired in new[] { first, photo, rejected, second })
        {
            Assert.Contains(audit, a => a.EntityKey == retired.ToString() && a.Changes.Contains("RetiredAt", StringComparison.Ordinal)
                && a.Changes.Contains("RetiredReason", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_retired_image_keeps_its_bytes_for_the_retention_period_then_only_its_bytes_are_released()
    {
        var (enterprise, organizationId, _) = await PublishedEnterpriseAsync("Công ty Ảnh Giải Phóng Kiểm thử");
        var old = await UploadPngAsync(enterprise, organizationId, "Logo");
        var current = await UploadPngAsync(enterprise, organizationId, "Logo");
        var specialist = await portal.SignInAsAsync("DoitSpecialist");

        // Within the retention period the release leaves it alone; the moderator still sees it.
        await portal.ScopedAsync(sp => sp.GetRequiredService<RetiredImageRelease>().ReleaseAsync());
        var kept = await ImageAsync(old);
        Assert.NotNull(kept.RetiredAt);
        Assert.Null(kept.ReleasedAt);
        Assert.Equal(kept.Size, kept.Data.Length);
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/Directory?handler=Image&id={old}")).StatusCode);

        // Retired longer ago than the retention period: the bytes go, the record stays.
        var past = DateTime.UtcNow.AddDays(-(SupplierImage.RetentionDays + 1));
        await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().SupplierImages.Where(i => i.Id == old)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RetiredAt, past)));
        Assert.True(await portal.ScopedAsync(sp => sp.GetRequiredService<RetiredImageRelease>().ReleaseAsync()) >= 1);

        var released = await ImageAsync(old);
        Assert.Empty(released.Data);
        Assert.NotNull(released.ReleasedAt);
        Assert.Equal(kept.Sha256, released.Sha256);
        Assert.Equal(kept.Size, released.Size);
        Assert.Equal(kept.RetiredReason, released.RetiredReason);
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/Directory?handler=Image&id={old}")).StatusCode);
        Assert.True(await portal.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SupplierImage) && a.EntityKey == old.ToString()
            && a.Action == "Update" && a.Changes.Contains("ReleasedAt"))));

        // The image in use is untouched.
        var inUse = await ImageAsync(current);
        Assert.Null(inUse.RetiredAt);
        Assert.Equal(inUse.Size, inUse.Data.Length);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.GetAsync($"/DoanhNghiep/HoSo?handler=Image&id={current}")).StatusCode);
    }

    [Theory]
    [InlineData("Logo", "logo-file", "Logo vượt quá dung lượng cho phép (tối đa 1 MB).")]
    [InlineData("Photo", "photo-file", "Ảnh vượt quá dung lượng cho phép (tối đa 3 MB mỗi ảnh).")]
    public async Task An_upload_above_the_page_limit_comes_back_with_the_message_next_to_its_field_and_nothing_saved(string handler, string field, string message)
    {
        var (enterprise, organizationId, _) = await PublishedEnterpriseAsync($"Công ty Ảnh Quá Lớn {handler} Kiểm thử");
        var big = new byte[ProfileImageUploadLimit.MaxRequestBytes + 1];
        Png.CopyTo(big, 0);

        var response = await UploadAsync(enterprise, handler, big);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/DoanhNghiep/HoSo?loi=anh-qua-lon", location, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await enterprise.GetStringAsync(location));
        var error = System.Text.RegularExpressions.Regex.Match(page, $"<div id=\"{field}-error\"[^>]*>([^<]+)</div>");
        Assert.True(error.Success, "no message next to " + field);
        Assert.StartsWith(message, error.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("Tệp chưa được lưu", error.Groups[1].Value);
        Assert.Contains($"aria-describedby=\"{field}-error\"", page);

        // A file under the request limit but over the kind's own limit: the same place, after the POST.
        if (handler == "Logo")
        {
            var overLogo = new byte[SupplierImage.MaxLogoBytes + 1];
            Png.CopyTo(overLogo, 0);
            var refused = await UploadAsync(enterprise, handler, overLogo);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"<div id=\"{field}-error\"", await refused.Content.ReadAsStringAsync());
        }

        Assert.Empty(await ImagesOfAsync(organizationId));
        Assert.False(await portal.ReadAsync(db => db.ProfileChanges.AnyAsync(c => c.SupplierProfile.OrganizationId == organizationId && c.Status == ProfileChangeStatus.Pending)));
    }
}
