using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Domain.PublicContent;

/// <summary>Whether a priority project is on the public list.</summary>
public enum PublicationState
{
    Published,
    Withdrawn,
}

/// <summary>The bilingual text of a priority investment project, as a DOIT specialist types it.</summary>
public sealed record InvestmentProjectDraft(
    string? TitleVi, string? TitleEn, string? SectorCode, string? ZoneCode, string? LocationVi, string? LocationEn,
    string? SummaryVi, string? SummaryEn, string? ScaleVi, string? ScaleEn, decimal? TotalInvestment, string? InvestmentFormVi,
    string? InvestmentFormEn, string? Contact);

/// <summary>
/// A project of the list of priority CNHT projects for investment attraction (danh mục dự án CNHT trọng điểm ưu tiên
/// thu hút đầu tư, issue 17 item 5): maintained by DOIT, public in Vietnamese and English, withdrawn rather than deleted
/// so the audit trail and old links keep their meaning (ADR 0188).
/// </summary>
public sealed class InvestmentProject : AuditableEntity, IConcurrencyStamped
{
    public const int TitleLength = 300;
    public const int TextLength = 4000;

    private InvestmentProject() { }

    public InvestmentProject(string slug, InvestmentProjectDraft draft)
    {
        Slug = Guard.Required(slug, "Địa chỉ trang dự án", 120);
        Apply(draft);
        State = PublicationState.Published;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public string Slug { get; private set; } = "";
    public string TitleVi { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string SectorCode { get; private set; } = "";
    public string ZoneCode { get; private set; } = "ngoai";
    public string LocationVi { get; private set; } = "";
    public string? LocationEn { get; private set; }
    public string SummaryVi { get; private set; } = "";
    public string? SummaryEn { get; private set; }
    public string? ScaleVi { get; private set; }
    public string? ScaleEn { get; private set; }
    /// <summary>Expected total investment in whole đồng (demo values are illustrative: "giá trị minh họa").</summary>
    public decimal? TotalInvestment { get; private set; }
    public string? InvestmentFormVi { get; private set; }
    public string? InvestmentFormEn { get; private set; }
    /// <summary>The department's contact point for investors (an office, never a private person's phone).</summary>
    public string? Contact { get; private set; }
    public PublicationState State { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public bool IsSample { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public bool IsPublished => State == PublicationState.Published;

    public void MarkSample() => IsSample = true;

    public void Update(InvestmentProjectDraft draft) => Apply(draft);

    public void Withdraw(string? reason)
    {
        if (State == PublicationState.Withdrawn)
        {
            throw new DomainException("Dự án đã được rút khỏi danh mục công khai.");
        }

        WithdrawalReason = Guard.Required(reason, "Lý do rút khỏi danh mục", 500, nameof(WithdrawalReason));
        State = PublicationState.Withdrawn;
    }

    public void Republish()
    {
        if (State == PublicationState.Published)
        {
            throw new DomainException("Dự án đang được công khai.");
        }

        State = PublicationState.Published;
        WithdrawalReason = null;
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    private void Apply(InvestmentProjectDraft d)
    {
        var check = new RuleCheck();
        var titleVi = check.Run(() => Guard.Required(d.TitleVi, "Tên dự án (tiếng Việt)", TitleLength, nameof(TitleVi)), "");
        var titleEn = check.Run(() => Guard.Required(d.TitleEn, "Tên dự án (tiếng Anh)", TitleLength, nameof(TitleEn)), "");
        var sector = check.Run(() => CnhtTaxonomy.Sector(d.SectorCode?.Trim() ?? "")?.Code
            ?? throw new DomainException("Chọn lĩnh vực của dự án.", nameof(SectorCode)), "");
        var zone = check.Run(() => CnhtTaxonomy.Zone(string.IsNullOrWhiteSpace(d.ZoneCode) ? "ngoai" : d.ZoneCode.Trim())?.Code
            ?? throw new DomainException("Khu công nghiệp, khu kinh tế không có trong danh mục.", nameof(ZoneCode)), "ngoai");
        var locationVi = check.Run(() => Guard.Required(d.LocationVi, "Địa điểm (tiếng Việt)", 300, nameof(LocationVi)), "");
        var locationEn = check.Run(() => Guard.Optional(d.LocationEn, "Địa điểm (tiếng Anh)", 300, nameof(LocationEn)));
        var summaryVi = check.Run(() => Guard.Required(d.SummaryVi, "Mô tả dự án (tiếng Việt)", TextLength, nameof(SummaryVi)), "");
        var summaryEn = check.Run(() => Guard.Optional(d.SummaryEn, "Mô tả dự án (tiếng Anh)", TextLength, nameof(SummaryEn)));
        var scaleVi = check.Run(() => Guard.Optional(d.ScaleVi, "Quy mô (tiếng Việt)", 1000, nameof(ScaleVi)));
        var scaleEn = check.Run(() => Guard.Optional(d.ScaleEn, "Quy mô (tiếng Anh)", 1000, nameof(ScaleEn)));
        var total = check.Run(() => d.TotalInvestment is { } t ? Guard.PositiveAmount(t, "Tổng vốn đầu tư dự kiến", nameof(TotalInvestment)) : (decimal?)null);
        var formVi = check.Run(() => Guard.Optional(d.InvestmentFormVi, "Hình thức đầu tư (tiếng Việt)", 300, nameof(InvestmentFormVi)));
        var formEn = check.Run(() => Guard.Optional(d.InvestmentFormEn, "Hình thức đầu tư (tiếng Anh)", 300, nameof(InvestmentFormEn)));
        var contact = check.Run(() => Guard.Optional(d.Contact, "Đầu mối liên hệ", 500, nameof(Contact)));
        check.ThrowIfBroken();

        TitleVi = titleVi;
        TitleEn = titleEn;
        SectorCode = sector;
        ZoneCode = zone;
        LocationVi = locationVi;
        LocationEn = locationEn;
        SummaryVi = summaryVi;
        SummaryEn = summaryEn;
        ScaleVi = scaleVi;
        ScaleEn = scaleEn;
        TotalInvestment = total;
        InvestmentFormVi = formVi;
        InvestmentFormEn = formEn;
        Contact = contact;
    }
}
