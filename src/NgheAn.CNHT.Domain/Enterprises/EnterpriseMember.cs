using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Enterprises;

public enum MemberStatus
{
    /// <summary>Registered; the Support Center has not yet checked the business registration certificate.</summary>
    Pending,
    /// <summary>The Support Center checked the certificate: the account may submit applications.</summary>
    Verified,
    /// <summary>The Support Center refused the tie (with a reason); the account may upload a new certificate.</summary>
    Refused,
}

/// <summary>
/// One person's account tied to one enterprise (Organization). Several people of an enterprise may hold accounts;
/// each is verified on its own by the Support Center from the uploaded business registration certificate
/// (giấy chứng nhận đăng ký doanh nghiệp). Only a verified account submits (docs/decisions/0150-enterprise-accounts.md).
/// </summary>
public sealed class EnterpriseMember : AuditableEntity, IConcurrencyStamped
{
    private EnterpriseMember() { }

    public EnterpriseMember(string userId, string userName, int organizationId, string fullName, string? position, string? legalRepresentative, string? phone)
    {
        UserId = Guard.Required(userId, "Tài khoản", 450);
        UserName = Guard.Required(userName, "Thư điện tử", 256);
        OrganizationId = organizationId;
        FullName = Guard.Required(fullName, "Họ tên người liên hệ", 200, nameof(FullName));
        Position = Guard.Optional(position, "Chức vụ", 200, nameof(Position));
        LegalRepresentative = Guard.Optional(legalRepresentative, "Người đại diện theo pháp luật", 200, nameof(LegalRepresentative));
        Phone = Guard.Optional(phone, "Số điện thoại", 30, nameof(Phone));
        Status = MemberStatus.Pending;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public string UserId { get; private set; } = "";
    /// <summary>The account's sign-in name (its e-mail), the name notices are addressed to.</summary>
    public string UserName { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public Organizations.Organization Organization { get; private set; } = null!;
    public string FullName { get; private set; } = "";
    public string? Position { get; private set; }
    public string? LegalRepresentative { get; private set; }
    public string? Phone { get; private set; }
    public MemberStatus Status { get; private set; }
    /// <summary>The business registration certificate the enterprise uploaded (a <see cref="DossierFile"/>).</summary>
    public int? CertificateFileId { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? RefusalReason { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public bool IsVerified => Status == MemberStatus.Verified;

    /// <summary>A (new) certificate: the account waits for the Support Center again if it had been refused.</summary>
    public void AttachCertificate(int fileId)
    {
        if (Status == MemberStatus.Verified)
        {
            throw new DomainException("Tài khoản đã được xác minh; không cần tải lại giấy chứng nhận.");
        }

        CertificateFileId = fileId;
        Status = MemberStatus.Pending;
        RefusalReason = null;
    }

    public void Verify(Actor actor, DateTime utcNow)
    {
        EnsureCenter(actor);
        if (Status != MemberStatus.Pending)
        {
            throw new DomainException("Chỉ xác minh được tài khoản đang chờ xác minh.");
        }

        if (CertificateFileId is null)
        {
            throw new DomainException("Doanh nghiệp chưa tải lên giấy chứng nhận đăng ký doanh nghiệp; chưa thể xác minh.");
        }

        Status = MemberStatus.Verified;
        DecidedAt = utcNow;
        DecidedBy = actor.UserName;
    }

    public void Refuse(Actor actor, DateTime utcNow, string reason)
    {
        EnsureCenter(actor);
        if (Status != MemberStatus.Pending)
        {
            throw new DomainException("Chỉ từ chối được tài khoản đang chờ xác minh.");
        }

        RefusalReason = Guard.Required(reason, "Lý do từ chối", 1000, nameof(RefusalReason));
        Status = MemberStatus.Refused;
        DecidedAt = utcNow;
        DecidedBy = actor.UserName;
    }

    private static void EnsureCenter(Actor actor)
    {
        if (!actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương xác minh tài khoản doanh nghiệp.");
        }
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    public static string StatusDisplayName(MemberStatus status) => status switch
    {
        MemberStatus.Pending => "Chờ xác minh",
        MemberStatus.Verified => "Đã xác minh",
        MemberStatus.Refused => "Bị từ chối",
        _ => status.ToString(),
    };
}
