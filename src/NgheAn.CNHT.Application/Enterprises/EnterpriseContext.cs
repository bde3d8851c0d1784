using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Enterprises;

namespace NgheAn.CNHT.Application.Enterprises;

/// <summary>The signed-in enterprise account and its organization.</summary>
public sealed record EnterpriseAccount(int MemberId, int OrganizationId, string OrganizationName, string? TaxCode, bool OrganizationUnverified, MemberStatus Status, string FullName, string UserName)
{
    public bool IsVerified => Status == MemberStatus.Verified;
}

/// <summary>
/// Who the enterprise is, for every enterprise-facing read and write: the organization comes from the signed-in
/// account, never from the request, so an id of another enterprise's record simply is not found (isolation, ADR 0154).
/// </summary>
public sealed class EnterpriseContext(IAppDbContext db, ICurrentUser user)
{
    private EnterpriseAccount? _account;

    /// <summary>The current enterprise account; <see cref="NotFoundException"/> for anyone else.</summary>
    public async Task<EnterpriseAccount> CurrentAsync(CancellationToken ct = default)
    {
        if (_account is not null)
        {
            return _account;
        }

        var actor = user.Actor;
        if (!actor.IsIn(Roles.Enterprise))
        {
            throw new NotFoundException("Trang này dành cho tài khoản doanh nghiệp.");
        }

        _account = await db.EnterpriseMembers.AsNoTracking()
            .Where(m => m.UserName == actor.UserName)
            .Select(m => new EnterpriseAccount(m.Id, m.OrganizationId, m.Organization.Name, m.Organization.TaxCode, m.Organization.IsUnverified, m.Status, m.FullName, m.UserName))
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Tài khoản chưa gắn với doanh nghiệp nào.");
        return _account;
    }

    /// <summary>The user names of the verified accounts of an organization (the people its notices go to).</summary>
    public static Task<List<string>> VerifiedMembersAsync(IAppDbContext db, int organizationId, CancellationToken ct) =>
        db.EnterpriseMembers.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Status == MemberStatus.Verified)
            .OrderBy(m => m.UserName)
            .Select(m => m.UserName)
            .ToListAsync(ct);
}
