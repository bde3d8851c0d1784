using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Application.Suppliers;

/// <summary>
/// What happens to a logo or photo nobody uses any more (ADR 0206): nothing is deleted. The moment neither the published
/// profile nor the pending change names an image, it is retired (time and reason) in the same save as the change
/// that let it go, so the audit trail shows both together; its bytes are kept <see cref="SupplierImage.RetentionDays"/>
/// days, then <see cref="RetiredImageRelease"/> lets only the bytes go.
/// </summary>
public static class ImageRetirement
{
    public const string WithdrawnBeforeApproval = "Doanh nghiệp thay hoặc bỏ ảnh trong thay đổi chờ duyệt";
    public const string InRejectedChange = "Thay đổi có ảnh này bị Sở Công Thương từ chối";
    public const string ReplacedByApprovedChange = "Thay đổi được Sở Công Thương duyệt không còn dùng ảnh này";

    /// <summary>
    /// Retires every image of <paramref name="profile"/> that neither the profile (as it will be saved) nor
    /// <paramref name="pending"/> (the change still waiting, if any) names. The caller saves.
    /// </summary>
    public static async Task<int> RetireUnusedAsync(IAppDbContext db, SupplierProfile profile, ProfileContent? pending, string reason, DateTime utcNow, CancellationToken ct)
    {
        var named = new HashSet<Guid>(SupplierImage.Split(profile.PhotoImageIds));
        if (profile.LogoImageId is { } logo)
        {
            named.Add(logo);
        }

        if (pending is not null)
        {
            if (pending.LogoImageId is { } pendingLogo)
            {
                named.Add(pendingLogo);
            }

            named.UnionWith(pending.PhotoImageIds);
        }

        // Ids first: only the images that retire are loaded with their bytes.
        var live = await db.SupplierImages.Where(i => i.SupplierProfileId == profile.Id && i.RetiredAt == null).Select(i => i.Id).ToListAsync(ct);
        var unused = live.Where(id => !named.Contains(id)).ToList();
        if (unused.Count == 0)
        {
            return 0;
        }

        var images = await db.SupplierImages.Where(i => unused.Contains(i.Id)).ToListAsync(ct);
        foreach (var image in images)
        {
            image.Retire(reason, utcNow);
        }

        return images.Count;
    }
}
