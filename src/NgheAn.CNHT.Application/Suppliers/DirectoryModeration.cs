using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Application.Suppliers;

public sealed record PendingChangeRow(int Id, string EnterpriseName, string? TaxCode, bool IsFirstPublication, string SubmittedBy, DateTime SubmittedAt);

public sealed record ProfileAdminRow(int Id, string Slug, string NameVi, string? TaxCode, bool IsPublished, DateOnly? VerifiedOn, string? VerifiedProposalCode, bool HasPendingChange, Guid Stamp);

public sealed record ChangeReview(
    int Id, int ProfileId, string EnterpriseName, string? TaxCode, bool IsFirstPublication, ProfileChangeStatus Status, string SubmittedBy, DateTime SubmittedAt,
    IReadOnlyList<ProfileDiffLine> Diff, Guid Stamp, string? RejectionReason)
{
    /// <summary>The proposed logo when it differs from the published one, and the proposed photos not yet published (ADR 0193).</summary>
    public Guid? NewLogo { get; init; }
    public IReadOnlyList<Guid> NewPhotos { get; init; } = [];
}

/// <summary>
/// The DOIT side of the directory: the moderation queue (a change goes live only when approved), and the
/// "capability verified" mark (content item 1.1) with its date and proposal (ADR 0182).
/// </summary>
public sealed class DirectoryModeration(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<DirectoryModeration> logger)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<PendingChangeRow>> PendingAsync(CancellationToken ct = default) =>
        await db.ProfileChanges.AsNoTracking()
            .Where(c => c.Status == ProfileChangeStatus.Pending)
            .OrderBy(c => c.SubmittedAt)
            .Take(PageSize)
            .Select(c => new PendingChangeRow(c.Id, c.SupplierProfile.Organization.Name, c.SupplierProfile.Organization.TaxCode, !c.SupplierProfile.IsPublished, c.SubmittedBy, c.SubmittedAt))
            .ToListAsync(ct);

    public async Task<(IReadOnlyList<ProfileAdminRow> Rows, int Total)> ProfilesAsync(string? query, int page, CancellationToken ct = default)
    {
        var profiles = db.SupplierProfiles.AsNoTracking();
        foreach (var term in SearchText.Terms(query))
        {
            profiles = profiles.Where(p => p.SearchText.Contains(term) || p.Organization.SearchText.Contains(term));
        }

        var total = await profiles.CountAsync(ct);
        var rows = await profiles.OrderBy(p => p.NameVi).ThenBy(p => p.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(p => new ProfileAdminRow(p.Id, p.Slug, p.NameVi, p.Organization.TaxCode, p.IsPublished, p.CapabilityVerifiedOn,
                db.Proposals.Where(x => x.Id == p.CapabilityProposalId).Select(x => x.Code).FirstOrDefault(),
                db.ProfileChanges.Any(c => c.SupplierProfileId == p.Id && c.Status == ProfileChangeStatus.Pending), p.ConcurrencyStamp))
            .ToListAsync(ct);
        return (rows, total);
    }

    public Task<ProfileAdminRow?> ProfileAsync(int id, CancellationToken ct = default) =>
        db.SupplierProfiles.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProfileAdminRow(p.Id, p.Slug, p.NameVi, p.Organization.TaxCode, p.IsPublished, p.CapabilityVerifiedOn,
                db.Proposals.Where(x => x.Id == p.CapabilityProposalId).Select(x => x.Code).FirstOrDefault(),
                db.ProfileChanges.Any(c => c.SupplierProfileId == p.Id && c.Status == ProfileChangeStatus.Pending), p.ConcurrencyStamp))
            .FirstOrDefaultAsync(ct);

    public async Task<ChangeReview> ReviewAsync(int id, CancellationToken ct = default)
    {
        var change = await db.ProfileChanges.AsNoTracking().Include(c => c.SupplierProfile).ThenInclude(p => p.CertificationList)
            .Include(c => c.SupplierProfile).ThenInclude(p => p.Organization)
            .FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException($"Không tìm thấy thay đổi hồ sơ số {id}.");
        var before = change.SupplierProfile.IsPublished ? change.SupplierProfile.Content() : new ProfileContent();
        return new ChangeReview(change.Id, change.SupplierProfileId, change.SupplierProfile.Organization.Name, change.SupplierProfile.Organization.TaxCode,
            !change.SupplierProfile.IsPublished, change.Status, change.SubmittedBy, change.SubmittedAt,
            ProfileContent.Diff(before, change.Content), change.ConcurrencyStamp, change.RejectionReason)
        {
            NewLogo = change.Content.LogoImageId is { } logo && logo != before.LogoImageId ? logo : null,
            NewPhotos = change.Content.PhotoImageIds.Where(i => !before.PhotoImageIds.Contains(i)).ToList(),
        };
    }

    public async Task ApproveAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var change = await LoadAsync(id, stamp, ct);
        var profile = await db.SupplierProfiles.Include(p => p.CertificationList).FirstAsync(p => p.Id == change.SupplierProfileId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        change.Approve(user.Actor, profile, now);
        // The images the approved version no longer names are retired with the approval (ADR 0206).
        await ImageRetirement.RetireUnusedAsync(db, profile, null, ImageRetirement.ReplacedByApprovedChange, now, ct);
        await SaveAsync(ct);
        logger.LogInformation("Directory profile change {ChangeId} approved by {User}", id, user.UserName);
    }

    public async Task RejectAsync(int id, Guid? stamp, string? reason, CancellationToken ct = default)
    {
        var change = await LoadAsync(id, stamp, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        change.Reject(user.Actor, reason ?? "", now);
        // The images only the rejected change named are retired with the rejection (ADR 0206).
        var profile = await db.SupplierProfiles.FirstAsync(p => p.Id == change.SupplierProfileId, ct);
        await ImageRetirement.RetireUnusedAsync(db, profile, null, ImageRetirement.InRejectedChange, now, ct);
        await SaveAsync(ct);
        logger.LogInformation("Directory profile change {ChangeId} rejected by {User}", id, user.UserName);
    }

    /// <summary>Marks (or, with a null date, withdraws) the capability verification of a profile.</summary>
    public async Task SetCapabilityAsync(int profileId, Guid? stamp, DateOnly? on, string? proposalCode, CancellationToken ct = default)
    {
        var profile = await db.SupplierProfiles.FirstOrDefaultAsync(p => p.Id == profileId, ct)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ danh bạ số {profileId}.");
        RequireStamp(stamp);
        db.Entry(profile).Property(p => p.ConcurrencyStamp).OriginalValue = stamp!.Value;
        if (on is null)
        {
            profile.WithdrawCapability(user.Actor);
        }
        else
        {
            int? proposalId = null;
            if (!string.IsNullOrWhiteSpace(proposalCode))
            {
                var code = proposalCode.Trim();
                proposalId = await db.Proposals.Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
                    ?? throw new DomainException($"Không có đề án mã {code}.", "ProposalCode");
            }

            profile.VerifyCapability(user.Actor, on.Value, proposalId, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        }

        await SaveAsync(ct);
        logger.LogInformation("Capability of directory profile {ProfileId} set to {VerifiedOn} by {User}", profileId, on, user.UserName);
    }

    private async Task<ProfileChange> LoadAsync(int id, Guid? stamp, CancellationToken ct)
    {
        var change = await db.ProfileChanges.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException($"Không tìm thấy thay đổi hồ sơ số {id}.");
        RequireStamp(stamp);
        db.Entry(change).Property(c => c.ConcurrencyStamp).OriginalValue = stamp!.Value;
        return change;
    }

    private static void RequireStamp(Guid? stamp)
    {
        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản; vui lòng tải lại trang rồi thực hiện lại.");
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Hồ sơ vừa được người khác xử lý sau khi bạn mở trang; chưa có gì được lưu. Vui lòng tải lại trang.");
        }
    }
}
