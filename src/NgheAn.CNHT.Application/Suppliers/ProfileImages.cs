using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Application.Suppliers;

/// <summary>An image to send: its bytes and the content type checked at upload (PNG or JPEG only).</summary>
public sealed record ImageFile(string ContentType, byte[] Data, string Sha256);

/// <summary>
/// Logo and photos of a directory profile (issue 17 item 2, ADR 0193). An upload is checked by content (PNG/JPEG
/// signature) and size, and becomes part of the enterprise's pending change in the same save as the image: like
/// every public field it is shown publicly only after a DOIT specialist approves the change. Three readers, three
/// rules: the public sees an image only while the published profile names it; an enterprise sees only its own
/// profile's images; a moderator sees any.
/// </summary>
public sealed class ProfileImages(IAppDbContext db, EnterpriseContext enterprise, ICurrentUser user, TimeProvider clock, ILogger<ProfileImages> logger)
{
    /// <summary>Adds the logo (replacing the one proposed) or a photo to the enterprise's pending change.</summary>
    public async Task UploadAsync(SupplierImageKind kind, byte[] data, Guid? stamp, CancellationToken ct = default)
    {
        var (profile, pending, content) = await EditableAsync(stamp, ct);
        var detected = data.Length == 0 ? null : FileInspector.Detect(data);
        if (detected is not (DossierFileKind.Png or DossierFileKind.Jpeg))
        {
            throw new DomainException(data.Length == 0
                ? "Tệp ảnh rỗng; vui lòng chọn tệp có nội dung."
                : "Chỉ nhận ảnh PNG hoặc JPEG; nội dung tệp đã chọn không phải ảnh PNG/JPEG (kiểm tra theo nội dung, không theo tên tệp).", "File");
        }

        if (kind == SupplierImageKind.Photo && content.PhotoImageIds.Count >= SupplierImage.MaxPhotos)
        {
            throw new DomainException($"Hồ sơ có tối đa {SupplierImage.MaxPhotos} ảnh; vui lòng xóa bớt ảnh trước khi tải thêm.", "File");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var image = new SupplierImage(profile.Id, kind, FileInspector.ContentType(detected.Value), data, user.UserName, now);
        db.SupplierImages.Add(image);
        var next = kind == SupplierImageKind.Logo
            ? content with { LogoImageId = image.Id }
            : content with { PhotoImageIds = [.. content.PhotoImageIds, image.Id] };
        await SaveChangeAsync(profile, pending, next, stamp!.Value, now, ct);
        logger.LogInformation("Directory {Kind} {ImageId} uploaded for profile {ProfileId} by {User}", kind, image.Id, profile.Id, user.UserName);
    }

    /// <summary>Takes an image off the enterprise's next version (the published one keeps it until approval).</summary>
    public async Task RemoveAsync(Guid imageId, Guid? stamp, CancellationToken ct = default)
    {
        var (profile, pending, content) = await EditableAsync(stamp, ct);
        if (content.LogoImageId != imageId && !content.PhotoImageIds.Contains(imageId))
        {
            throw new NotFoundException("Không tìm thấy ảnh này trong hồ sơ của doanh nghiệp.");
        }

        var next = content with
        {
            LogoImageId = content.LogoImageId == imageId ? null : content.LogoImageId,
            PhotoImageIds = content.PhotoImageIds.Where(i => i != imageId).ToList(),
        };
        await SaveChangeAsync(profile, pending, next, stamp!.Value, clock.GetUtcNow().UtcDateTime, ct);
        logger.LogInformation("Directory image {ImageId} removed from the next version of profile {ProfileId} by {User}", imageId, profile.Id, user.UserName);
    }

    /// <summary>An image of the signed-in enterprise's own profile (pending or published); null for anyone else's.</summary>
    public async Task<ImageFile?> OwnAsync(Guid id, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        return await Read(db.SupplierImages.Where(i => i.Id == id
            && db.SupplierProfiles.Any(p => p.Id == i.SupplierProfileId && p.OrganizationId == account.OrganizationId)), ct);
    }

    /// <summary>Any image, for the moderation queue (the caller is a DOIT specialist).</summary>
    public Task<ImageFile?> ForModerationAsync(Guid id, CancellationToken ct = default) =>
        Read(db.SupplierImages.Where(i => i.Id == id), ct);

    /// <summary>An image the published profile names; null for a pending, replaced or unknown one.</summary>
    public Task<ImageFile?> PublicAsync(Guid id, CancellationToken ct = default)
    {
        var text = id.ToString("D");
        return Read(db.SupplierImages.Where(i => i.Id == id
            && db.SupplierProfiles.Any(p => p.Id == i.SupplierProfileId && p.IsPublished && (p.LogoImageId == id || p.PhotoImageIds.Contains(text)))), ct);
    }

    /// <summary>A released image (ADR 0206) has no bytes left: not found for every reader.</summary>
    private static Task<ImageFile?> Read(IQueryable<SupplierImage> images, CancellationToken ct) =>
        images.AsNoTracking().Where(i => i.ReleasedAt == null).Select(i => new ImageFile(i.ContentType, i.Data, i.Sha256)).FirstOrDefaultAsync(ct);

    private async Task<(SupplierProfile Profile, ProfileChange? Pending, ProfileContent Content)> EditableAsync(Guid? stamp, CancellationToken ct)
    {
        var account = await enterprise.CurrentAsync(ct);
        if (!account.IsVerified)
        {
            throw new DomainException("Tài khoản chưa được Trung tâm xác minh; chưa thể gửi hồ sơ danh bạ.");
        }

        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản; vui lòng tải lại trang rồi thực hiện lại.");
        }

        var profile = await db.SupplierProfiles.Include(p => p.CertificationList).FirstOrDefaultAsync(p => p.OrganizationId == account.OrganizationId, ct)
            ?? throw new DomainException("Vui lòng gửi thông tin hồ sơ trước, rồi tải logo và ảnh.", "File");
        var pending = await db.ProfileChanges.FirstOrDefaultAsync(c => c.SupplierProfileId == profile.Id && c.Status == ProfileChangeStatus.Pending, ct);
        return (profile, pending, pending?.Content ?? profile.Content());
    }

    /// <summary>The image and the change naming it in one save: a stale form, and nothing is written.</summary>
    private async Task SaveChangeAsync(SupplierProfile profile, ProfileChange? pending, ProfileContent next, Guid stamp, DateTime now, CancellationToken ct)
    {
        if (pending is not null)
        {
            db.Entry(pending).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;
            pending.Revise(next, user.UserName, now);
        }
        else
        {
            if (profile.ConcurrencyStamp != stamp)
            {
                throw new ConcurrencyConflictException("Hồ sơ vừa được thay đổi sau khi bạn mở trang; vui lòng tải lại trang.");
            }

            db.ProfileChanges.Add(new ProfileChange(profile.Id, next, user.UserName, now));
        }

        // A logo replaced, or an image taken off, before approval: retired in this same save (ADR 0206).
        await ImageRetirement.RetireUnusedAsync(db, profile, next, ImageRetirement.WithdrawnBeforeApproval, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Thay đổi đang chờ duyệt vừa được xử lý hoặc sửa sau khi bạn mở trang; vui lòng tải lại trang.");
        }
    }
}
