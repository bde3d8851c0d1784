using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.UnitTests.Suppliers;

/// <summary>The rules of ADR 0193 that need no database: limits, the diff a reviewer reads, publication copying the images.</summary>
public sealed class ProfileImageRulesTests
{
    private static readonly ProfileContent Minimal = new() { NameVi = "Công ty Quy Tắc Ảnh", Sectors = ["co-khi"] };

    [Fact]
    public void More_than_six_photos_are_refused_in_vietnamese()
    {
        var content = Minimal with { PhotoImageIds = Enumerable.Range(0, SupplierImage.MaxPhotos + 1).Select(_ => Guid.NewGuid()).ToList() };
        var ex = Assert.Throws<DomainException>(() => content.Checked());
        Assert.Contains("tối đa 6 ảnh", ex.Message);
        Assert.Equal(SupplierImage.MaxPhotos, (Minimal with { PhotoImageIds = content.PhotoImageIds.Take(SupplierImage.MaxPhotos).ToList() }).Checked().PhotoImageIds.Count);
    }

    [Fact]
    public void A_logo_over_one_megabyte_or_a_type_other_than_png_or_jpeg_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new SupplierImage(1, SupplierImageKind.Logo, "image/png", new byte[SupplierImage.MaxLogoBytes + 1], "dn@kiemthu.vn", DateTime.UtcNow));
        Assert.Equal("Logo vượt quá dung lượng cho phép (tối đa 1 MB).", ex.Message);
        Assert.Throws<DomainException>(() => new SupplierImage(1, SupplierImageKind.Photo, "image/svg+xml", [1, 2, 3], "dn@kiemthu.vn", DateTime.UtcNow));
        var photo = new SupplierImage(1, SupplierImageKind.Photo, "image/jpeg", new byte[SupplierImage.MaxLogoBytes + 1], "dn@kiemthu.vn", DateTime.UtcNow);
        Assert.Equal(SupplierImage.MaxLogoBytes + 1, photo.Size);
    }

    [Fact]
    public void The_reviewer_reads_a_new_logo_and_new_photos_in_the_diff_and_approval_publishes_them_in_order()
    {
        var logo = Guid.NewGuid();
        var photos = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var after = Minimal with { LogoImageId = logo, PhotoImageIds = photos };
        var diff = ProfileContent.Diff(Minimal, after);
        Assert.Contains(diff, l => l.Field == "Logo" && l.Before == "Không có" && l.After == "Logo mới (xem ảnh bên dưới)");
        Assert.Contains(diff, l => l.Field == "Ảnh" && l.After == "2 ảnh (2 ảnh mới, xem bên dưới)");
        Assert.DoesNotContain(ProfileContent.Diff(after, after), l => l.Field is "Logo" or "Ảnh");

        var profile = new SupplierProfile(1, "cong-ty-quy-tac-anh", "Công ty Quy Tắc Ảnh");
        profile.Publish(after);
        Assert.Equal(logo, profile.LogoImageId);
        Assert.Equal(photos, SupplierImage.Split(profile.PhotoImageIds));
        Assert.Equal(photos, profile.Content().PhotoImageIds);
    }

    [Fact]
    public void A_retired_image_keeps_its_bytes_for_the_retention_period_and_an_image_in_use_is_never_released()
    {
        var uploaded = new DateTime(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc);
        var image = new SupplierImage(1, SupplierImageKind.Logo, "image/png", [1, 2, 3], "dn@kiemthu.vn", uploaded);
        Assert.Contains("đang được hồ sơ dùng", Assert.Throws<DomainException>(() => image.Release(uploaded.AddYears(1))).Message);

        image.Retire("Thay đổi có ảnh này bị Sở Công Thương từ chối", uploaded.AddDays(1));
        image.Retire("lý do khác", uploaded.AddDays(2)); // once: the first time and reason stay
        Assert.Equal(uploaded.AddDays(1), image.RetiredAt);
        Assert.Equal("Thay đổi có ảnh này bị Sở Công Thương từ chối", image.RetiredReason);
        Assert.Contains("90 ngày", Assert.Throws<DomainException>(() => image.Release(uploaded.AddDays(1 + SupplierImage.RetentionDays - 1))).Message);
        Assert.Equal(3, image.Data.Length);

        var released = uploaded.AddDays(1 + SupplierImage.RetentionDays);
        image.Release(released);
        Assert.Empty(image.Data);
        Assert.Equal(released, image.ReleasedAt);
        Assert.Equal(3, image.Size);
        Assert.Equal(64, image.Sha256.Length);
    }
}
