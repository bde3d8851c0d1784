using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Domain.Sourcing;

public enum SourcingStatus
{
    Open,
    Closed,
}

/// <summary>What a buyer fills in: the parts or services it needs (ADR 0185).</summary>
public sealed record SourcingNeed(
    string? Title, string? SectorCode, string? ProcessCode, string? CertificationCode, string? Quantity, DateOnly? Deadline, string? Description)
{
    /// <summary>Every broken rule at once (ADR 0120), the values trimmed.</summary>
    public SourcingNeed Checked(DateOnly today)
    {
        var check = new RuleCheck();
        var title = check.Run(() => Guard.Required(Title, "Sản phẩm, dịch vụ cần tìm", 200, nameof(Title)), "");
        if (CnhtTaxonomy.Sector(SectorCode ?? "") is null)
        {
            check.Add(new DomainException("Chọn lĩnh vực CNHT trong danh mục.", nameof(SectorCode)));
        }

        var process = string.IsNullOrWhiteSpace(ProcessCode) ? null : ProcessCode.Trim();
        if (process is not null && CnhtTaxonomy.Process(process) is null)
        {
            check.Add(new DomainException("Công đoạn sản xuất không có trong danh mục.", nameof(ProcessCode)));
        }

        var certification = string.IsNullOrWhiteSpace(CertificationCode) ? null : CertificationCode.Trim();
        if (certification is not null && CnhtTaxonomy.Certification(certification) is null)
        {
            check.Add(new DomainException("Chứng nhận không có trong danh mục.", nameof(CertificationCode)));
        }

        var quantity = check.Run(() => Guard.Optional(Quantity, "Số lượng, sản lượng", 200, nameof(Quantity)));
        if (Deadline is null)
        {
            check.Add(new DomainException("Nhập hạn cần hàng.", nameof(Deadline)));
        }
        else if (Deadline < today)
        {
            check.Add(new DomainException("Hạn cần hàng không được trước hôm nay.", nameof(Deadline)));
        }

        var description = check.Run(() => Guard.Optional(Description, "Mô tả yêu cầu", 3000, nameof(Description)));
        check.ThrowIfBroken();
        return new SourcingNeed(title, SectorCode!.Trim(), process, certification, quantity, Deadline, description);
    }
}

/// <summary>
/// A sourcing request (nhu cầu tìm nhà cung ứng, issue 17 item 4): a buyer enterprise — or a DOIT specialist on its
/// behalf — says what it needs; the portal ranks suppliers of the directory against it and suppliers express
/// interest (ADR 0185, 0186).
/// </summary>
public sealed class SourcingRequest : AuditableEntity, IConcurrencyStamped
{
    private SourcingRequest() { }

    public SourcingRequest(int buyerOrganizationId, SourcingNeed need, Actor actor, DateTime utcNow, DateOnly today)
    {
        if (!actor.IsIn(Roles.Enterprise) && !actor.IsIn(Roles.DoitSpecialist) && actor.UserName != Actor.System.UserName)
        {
            throw new DomainException("Chỉ doanh nghiệp hoặc chuyên viên Sở Công Thương đăng nhu cầu tìm nhà cung ứng.");
        }

        BuyerOrganizationId = buyerOrganizationId;
        Apply(need.Checked(today));
        PostedBy = actor.UserName;
        PostedByDepartment = !actor.IsIn(Roles.Enterprise);
        PostedAt = utcNow;
        Year = VnFormat.ToVietnamTime(utcNow).Year;
        Status = SourcingStatus.Open;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public int BuyerOrganizationId { get; private set; }
    public Organizations.Organization BuyerOrganization { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public string SectorCode { get; private set; } = "";
    public string? ProcessCode { get; private set; }
    public string? CertificationCode { get; private set; }
    public string? Quantity { get; private set; }
    public DateOnly Deadline { get; private set; }
    public string? Description { get; private set; }
    public SourcingStatus Status { get; private set; }
    public string PostedBy { get; private set; } = "";
    /// <summary>Posted by a DOIT specialist on the buyer's behalf.</summary>
    public bool PostedByDepartment { get; private set; }
    public DateTime PostedAt { get; private set; }
    /// <summary>The year (Asia/Ho_Chi_Minh) the request was posted: the year the linkage statistics count it in.</summary>
    public int Year { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public bool IsSample { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public bool IsOpenOn(DateOnly today) => Status == SourcingStatus.Open && Deadline >= today;

    public void MarkSample() => IsSample = true;

    /// <summary>The buyer (or DOIT) closes the request: found a supplier, or no longer needed.</summary>
    public void Close(Actor actor, DateTime utcNow)
    {
        if (Status == SourcingStatus.Closed)
        {
            throw new DomainException("Nhu cầu này đã đóng.");
        }

        Status = SourcingStatus.Closed;
        ClosedAt = utcNow;
        ClosedBy = actor.UserName;
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    private void Apply(SourcingNeed need)
    {
        Title = need.Title!;
        SectorCode = need.SectorCode!;
        ProcessCode = need.ProcessCode;
        CertificationCode = need.CertificationCode;
        Quantity = need.Quantity;
        Deadline = need.Deadline!.Value;
        Description = need.Description;
    }

    public static string StatusDisplayName(SourcingStatus status) => status switch
    {
        SourcingStatus.Open => "Đang tìm nhà cung ứng",
        SourcingStatus.Closed => "Đã đóng",
        _ => status.ToString(),
    };
}

/// <summary>A supplier's interest in a sourcing request: one per supplier organization and request (ADR 0185).</summary>
public sealed class SourcingInterest : AuditableEntity
{
    private SourcingInterest() { }

    public SourcingInterest(SourcingRequest request, int supplierOrganizationId, string? message, Actor actor, DateTime utcNow, DateOnly today)
    {
        if (!request.IsOpenOn(today))
        {
            throw new DomainException("Nhu cầu này đã đóng hoặc đã quá hạn; không thể bày tỏ quan tâm.");
        }

        if (request.BuyerOrganizationId == supplierOrganizationId)
        {
            throw new DomainException("Doanh nghiệp không bày tỏ quan tâm đến nhu cầu của chính mình.");
        }

        SourcingRequestId = request.Id;
        SupplierOrganizationId = supplierOrganizationId;
        Message = Guard.Optional(message, "Lời nhắn gửi bên mua", 1000, nameof(Message));
        ExpressedBy = actor.UserName;
        ExpressedAt = utcNow;
    }

    public int SourcingRequestId { get; private set; }
    public SourcingRequest SourcingRequest { get; private set; } = null!;
    public int SupplierOrganizationId { get; private set; }
    public Organizations.Organization SupplierOrganization { get; private set; } = null!;
    public string? Message { get; private set; }
    public string ExpressedBy { get; private set; } = "";
    public DateTime ExpressedAt { get; private set; }
}
