using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Suppliers;

public enum ProfileChangeStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A change an enterprise submitted to its directory profile, waiting for a DOIT specialist (the moderation queue).
/// The proposed content is kept apart from the published profile: nothing of it reaches a public page until it is
/// approved (ADR 0182). An enterprise has at most one pending change; submitting again revises it.
/// </summary>
public sealed class ProfileChange : AuditableEntity, IConcurrencyStamped
{
    private ProfileChange() { }

    public ProfileChange(int supplierProfileId, ProfileContent content, string submittedBy, DateTime utcNow)
    {
        SupplierProfileId = supplierProfileId;
        ContentJson = content.Checked().ToJson();
        SubmittedBy = submittedBy;
        SubmittedAt = utcNow;
        Status = ProfileChangeStatus.Pending;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>The first change of a profile not yet saved: both are written in one save.</summary>
    public ProfileChange(SupplierProfile profile, ProfileContent content, string submittedBy, DateTime utcNow)
        : this(profile.Id, content, submittedBy, utcNow) => SupplierProfile = profile;

    public int SupplierProfileId { get; private set; }
    public SupplierProfile SupplierProfile { get; private set; } = null!;
    public string ContentJson { get; private set; } = "";
    public ProfileChangeStatus Status { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public ProfileContent Content => ProfileContent.FromJson(ContentJson);

    public void Revise(ProfileContent content, string submittedBy, DateTime utcNow)
    {
        EnsurePending();
        ContentJson = content.Checked().ToJson();
        SubmittedBy = submittedBy;
        SubmittedAt = utcNow;
    }

    public void Approve(Actor actor, SupplierProfile profile, DateTime utcNow)
    {
        EnsureSpecialist(actor);
        EnsurePending();
        if (profile.Id != SupplierProfileId)
        {
            throw new DomainException("Thay đổi không thuộc hồ sơ này.");
        }

        profile.Publish(Content);
        Status = ProfileChangeStatus.Approved;
        DecidedBy = actor.UserName;
        DecidedAt = utcNow;
    }

    public void Reject(Actor actor, string reason, DateTime utcNow)
    {
        EnsureSpecialist(actor);
        EnsurePending();
        RejectionReason = Guard.Required(reason, "Lý do không duyệt", 1000, nameof(RejectionReason));
        Status = ProfileChangeStatus.Rejected;
        DecidedBy = actor.UserName;
        DecidedAt = utcNow;
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    private void EnsurePending()
    {
        if (Status != ProfileChangeStatus.Pending)
        {
            throw new DomainException("Thay đổi này đã được xử lý.");
        }
    }

    private static void EnsureSpecialist(Actor actor)
    {
        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ chuyên viên Sở Công Thương duyệt thay đổi hồ sơ doanh nghiệp.");
        }
    }

    public static string StatusDisplayName(ProfileChangeStatus status) => status switch
    {
        ProfileChangeStatus.Pending => "Chờ duyệt",
        ProfileChangeStatus.Approved => "Đã duyệt",
        ProfileChangeStatus.Rejected => "Không duyệt",
        _ => status.ToString(),
    };
}
