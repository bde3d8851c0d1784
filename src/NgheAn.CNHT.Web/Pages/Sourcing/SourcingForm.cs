using System.ComponentModel.DataAnnotations;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.Domain.Sourcing;
using NgheAn.CNHT.Web.Pages.Shared;

namespace NgheAn.CNHT.Web.Pages.Sourcing;

/// <summary>The need a buyer posts (ADR 0185): every field with its Vietnamese name.</summary>
public sealed class SourcingForm
{
    [Display(Name = "Mã số thuế của doanh nghiệp cần tìm nhà cung ứng")]
    public string? BuyerTaxCode { get; set; }

    [Display(Name = "Sản phẩm, dịch vụ cần tìm")]
    public string? Title { get; set; }

    [Display(Name = "Lĩnh vực")]
    public string? SectorCode { get; set; }

    [Display(Name = "Công đoạn sản xuất")]
    public string? ProcessCode { get; set; }

    [Display(Name = "Chứng nhận yêu cầu")]
    public string? CertificationCode { get; set; }

    [Display(Name = "Số lượng, sản lượng")]
    public string? Quantity { get; set; }

    [Display(Name = "Hạn cần hàng")]
    public DateOnly? Deadline { get; set; }

    [Display(Name = "Mô tả yêu cầu")]
    public string? Description { get; set; }

    public SourcingNeed ToNeed() => new(Title, SectorCode, ProcessCode, CertificationCode, Quantity, Deadline, Description);
}

/// <summary>What the request page shows, for the buyer's page and DOIT's alike.</summary>
public sealed record SourcingRequestModel(SourcingView View, RankingPage Ranking, PagerModel Pager, bool CanClose);
