using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Application.Suppliers;

/// <summary>What the enterprise's profile form shows: its next content (the pending change, else the published one) and state.</summary>
public sealed record ProfileEditView(
    ProfileContent Content, bool IsPublished, string? Slug, bool HasPendingChange, DateTime? PendingSince,
    string? LastRejectionReason, Guid Stamp, string? TaxCode, bool CanSubmit, DateOnly? VerifiedOn);

/// <summary>
/// An enterprise keeps its own directory profile (issue 17): the organization always comes from the signed-in
/// account (<see cref="EnterpriseContext"/>), never from the request, so no enterprise can reach another's profile
/// (ADR 0154, 0182). A submitted change waits for a DOIT specialist; nothing public changes before that.
/// </summary>
public sealed class ProfileEditing(IAppDbContext db, EnterpriseContext enterprise, ICurrentUser user, TimeProvider clock, ILogger<ProfileEditing> logger)
{
    public async Task<ProfileEditView> LoadAsync(CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var profile = await db.SupplierProfiles.AsNoTracking().Include(p => p.CertificationList).FirstOrDefaultAsync(p => p.OrganizationId == account.OrganizationId, ct);
        ProfileChange? pending = null;
        string? rejection = null;
        if (profile is not null)
        {
            pending = await db.ProfileChanges.AsNoTracking().FirstOrDefaultAsync(c => c.SupplierProfileId == profile.Id && c.Status == ProfileChangeStatus.Pending, ct);
            rejection = await db.ProfileChanges.AsNoTracking()
                .Where(c => c.SupplierProfileId == profile.Id && c.Status != ProfileChangeStatus.Pending)
                .OrderByDescending(c => c.DecidedAt)
                .Select(c => c.Status == ProfileChangeStatus.Rejected ? c.RejectionReason : null)
                .FirstOrDefaultAsync(ct);
        }

        var organizationStamp = await db.Organizations.AsNoTracking().Where(o => o.Id == account.OrganizationId).Select(o => o.ConcurrencyStamp).FirstAsync(ct);
        var content = pending?.Content ?? profile?.Content() ?? new ProfileContent { NameVi = account.OrganizationName };
        var stamp = pending?.ConcurrencyStamp ?? profile?.ConcurrencyStamp ?? organizationStamp;
        return new ProfileEditView(content, profile?.IsPublished == true, profile?.Slug, pending is not null, pending?.SubmittedAt,
            pending is null ? rejection : null, stamp, account.TaxCode, account.IsVerified, profile?.CapabilityVerifiedOn);
    }

    /// <summary>Sends the content for approval: a new pending change, or a revision of the one already waiting.</summary>
    public async Task SubmitAsync(ProfileContent content, Guid? stamp, CancellationToken ct = default)
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

        var checkedContent = content.Checked();
        if (checkedContent.CommuneCode is { } communeCode)
        {
            // The name comes from the administrative map, never from the form.
            var commune = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == communeCode).Select(u => u.Name).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("Vui lòng chọn xã/phường trong danh sách.", nameof(ProfileContent.CommuneCode));
            checkedContent = checkedContent with { CommuneName = commune };
        }
        else
        {
            checkedContent = checkedContent with { CommuneName = null };
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.SupplierProfiles.FirstOrDefaultAsync(p => p.OrganizationId == account.OrganizationId, ct);
        if (profile is null)
        {
            var organization = await db.Organizations.FirstAsync(o => o.Id == account.OrganizationId, ct);
            if (organization.ConcurrencyStamp != stamp)
            {
                throw new ConcurrencyConflictException("Hồ sơ vừa được thay đổi sau khi bạn mở trang; vui lòng tải lại trang.");
            }

            checkedContent = checkedContent with { LogoImageId = null, PhotoImageIds = [] };
            profile = new SupplierProfile(account.OrganizationId, await FreeSlugAsync(checkedContent.NameVi, ct), checkedContent.NameVi);
            db.SupplierProfiles.Add(profile);
            db.ProfileChanges.Add(new ProfileChange(profile, checkedContent, user.UserName, now));
        }
        else
        {
            var pending = await db.ProfileChanges.FirstOrDefaultAsync(c => c.SupplierProfileId == profile.Id && c.Status == ProfileChangeStatus.Pending, ct);
            // The text form never carries the images: they stay as the pending change (or the profile) has them (ADR 0193).
            var images = pending?.Content ?? profile.Content();
            checkedContent = checkedContent with { LogoImageId = images.LogoImageId, PhotoImageIds = images.PhotoImageIds };
            if (pending is not null)
            {
                db.Entry(pending).Property(c => c.ConcurrencyStamp).OriginalValue = stamp.Value;
                pending.Revise(checkedContent, user.UserName, now);
            }
            else
            {
                if (profile.ConcurrencyStamp != stamp)
                {
                    throw new ConcurrencyConflictException("Hồ sơ vừa được thay đổi sau khi bạn mở trang; vui lòng tải lại trang.");
                }

                db.ProfileChanges.Add(new ProfileChange(profile.Id, checkedContent, user.UserName, now));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Thay đổi đang chờ duyệt vừa được xử lý hoặc sửa sau khi bạn mở trang; vui lòng tải lại trang.");
        }

        logger.LogInformation("Directory profile change submitted for organization {OrganizationId} by {User}", account.OrganizationId, user.UserName);
    }

    private async Task<string> FreeSlugAsync(string name, CancellationToken ct)
    {
        var slug = SupplierProfile.SlugFor(name);
        var candidate = slug;
        for (var n = 2; await db.SupplierProfiles.AnyAsync(p => p.Slug == candidate, ct); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
