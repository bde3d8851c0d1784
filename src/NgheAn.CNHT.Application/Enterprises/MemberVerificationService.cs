using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;

namespace NgheAn.CNHT.Application.Enterprises;

public sealed record MemberRow(int Id, string FullName, string UserName, string? Phone, string? LegalRepresentative, int OrganizationId, string OrganizationName,
    string? TaxCode, bool OrganizationUnverified, MemberStatus Status, int? CertificateFileId, DateTime CreatedAt, DateTime? DecidedAt, string? DecidedBy, string? RefusalReason, Guid Stamp);

public sealed record MemberPage(IReadOnlyList<MemberRow> Rows, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>
/// The Support Center checks that a registered person really acts for the enterprise (from the business registration
/// certificate uploaded) and verifies or refuses the account; verifying the first account also verifies an
/// organization the registration created. The enterprise uploads (or replaces) its certificate here too.
/// </summary>
public sealed class MemberVerificationService(
    IAppDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    EnterpriseContext enterprise,
    DossierFileStore files,
    EnterpriseNotices notices,
    ILogger<MemberVerificationService> logger)
{
    public const int PageSize = 30;

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The enterprise's own certificate upload.</summary>
    public async Task UploadCertificateAsync(string? fileName, Stream content, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var member = await db.EnterpriseMembers.FirstAsync(m => m.Id == account.MemberId, ct);
        if (member.IsVerified)
        {
            throw new DomainException("Tài khoản đã được xác minh; không cần tải lại giấy chứng nhận.");
        }

        var file = await files.AddAsync(account.OrganizationId, fileName, content, user.Actor, UtcNow, ct);
        await db.SaveChangesAsync(ct);
        member.AttachCertificate(file.Id);
        notices.ToSupportCenter(null, $"Doanh nghiệp {account.OrganizationName} (MST {account.TaxCode}): tài khoản {account.UserName} đã tải giấy chứng nhận đăng ký doanh nghiệp, chờ xác minh.", "/Intake/Accounts");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Enterprise member {MemberId} uploaded certificate file {FileId}", member.Id, file.Id);
    }

    public async Task<MemberPage> PageAsync(MemberStatus? status, int page, CancellationToken ct = default)
    {
        var query = db.EnterpriseMembers.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var count = await query.CountAsync(ct);
        var pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(m => m.Status == MemberStatus.Pending ? 0 : 1).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new MemberRow(m.Id, m.FullName, m.UserName, m.Phone, m.LegalRepresentative, m.OrganizationId, m.Organization.Name, m.Organization.TaxCode,
                m.Organization.IsUnverified, m.Status, m.CertificateFileId, m.CreatedAt, m.DecidedAt, m.DecidedBy, m.RefusalReason, m.ConcurrencyStamp))
            .ToListAsync(ct);
        return new MemberPage(rows, count, page, PageSize);
    }

    public async Task VerifyAsync(int memberId, Guid? stamp, CancellationToken ct = default)
    {
        var member = await LoadAsync(memberId, stamp, ct);
        member.Verify(user.Actor, UtcNow);
        var organization = await db.Organizations.FirstAsync(o => o.Id == member.OrganizationId, ct);
        organization.MarkVerified();
        await notices.ToMemberAsync(member.UserName, null,
            $"Tài khoản của bạn đã được Trung tâm xác minh là người của doanh nghiệp {organization.Name}: bạn có thể nộp hồ sơ đề nghị hỗ trợ.",
            "Tài khoản doanh nghiệp đã được xác minh", "/DoanhNghiep", ct);
        await SaveAsync(member, ct);
        notices.AfterCommit();
        logger.LogInformation("Enterprise member {MemberId} verified", memberId);
    }

    public async Task RefuseAsync(int memberId, Guid? stamp, string? reason, CancellationToken ct = default)
    {
        var member = await LoadAsync(memberId, stamp, ct);
        member.Refuse(user.Actor, UtcNow, reason ?? "");
        await notices.ToMemberAsync(member.UserName, null,
            $"Trung tâm chưa xác minh được tài khoản của bạn: {member.RefusalReason} Vui lòng tải lại giấy chứng nhận đăng ký doanh nghiệp.",
            "Tài khoản doanh nghiệp chưa được xác minh", "/DoanhNghiep", ct);
        await SaveAsync(member, ct);
        notices.AfterCommit();
        logger.LogInformation("Enterprise member {MemberId} refused", memberId);
    }

    public async Task<Proposals.AttachmentFile?> CertificateAsync(int memberId, CancellationToken ct = default)
    {
        if (!user.Actor.IsIn(Roles.SupportCenter))
        {
            return null;
        }

        var fileId = await db.EnterpriseMembers.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.CertificateFileId).FirstOrDefaultAsync(ct);
        return fileId is null ? null : await files.ReadAsync(fileId.Value, null, ct);
    }

    private async Task<EnterpriseMember> LoadAsync(int memberId, Guid? stamp, CancellationToken ct)
    {
        var member = await db.EnterpriseMembers.FirstOrDefaultAsync(m => m.Id == memberId, ct)
            ?? throw new NotFoundException($"Không tìm thấy tài khoản doanh nghiệp số {memberId}.");
        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản; vui lòng tải lại trang rồi thực hiện lại.", [], member.ConcurrencyStamp);
        }

        db.Entry(member).Property(m => m.ConcurrencyStamp).OriginalValue = stamp.Value;
        return member;
    }

    private async Task SaveAsync(EnterpriseMember member, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Tài khoản này vừa được người khác xử lý sau khi bạn mở trang; thao tác của bạn chưa được lưu. Vui lòng tải lại trang.", [], member.ConcurrencyStamp);
        }
    }
}
