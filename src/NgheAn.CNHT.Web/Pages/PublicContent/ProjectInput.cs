using System.ComponentModel.DataAnnotations;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.PublicContent;

/// <summary>The form of a priority project (create and edit), both languages side by side.</summary>
public sealed class ProjectInput
{
    [Display(Name = "Tên dự án (tiếng Việt)")]
    public string? TitleVi { get; set; }

    [Display(Name = "Tên dự án (tiếng Anh)")]
    public string? TitleEn { get; set; }

    [Display(Name = "Lĩnh vực")]
    public string? SectorCode { get; set; }

    [Display(Name = "Khu công nghiệp, khu kinh tế")]
    public string? ZoneCode { get; set; }

    [Display(Name = "Địa điểm (tiếng Việt)")]
    public string? LocationVi { get; set; }

    [Display(Name = "Địa điểm (tiếng Anh)")]
    public string? LocationEn { get; set; }

    [Display(Name = "Mô tả dự án (tiếng Việt)")]
    public string? SummaryVi { get; set; }

    [Display(Name = "Mô tả dự án (tiếng Anh)")]
    public string? SummaryEn { get; set; }

    [Display(Name = "Quy mô (tiếng Việt)")]
    public string? ScaleVi { get; set; }

    [Display(Name = "Quy mô (tiếng Anh)")]
    public string? ScaleEn { get; set; }

    [Display(Name = "Tổng vốn đầu tư dự kiến (đồng)")]
    public string? TotalInvestment { get; set; }

    [Display(Name = "Hình thức đầu tư (tiếng Việt)")]
    public string? InvestmentFormVi { get; set; }

    [Display(Name = "Hình thức đầu tư (tiếng Anh)")]
    public string? InvestmentFormEn { get; set; }

    [Display(Name = "Đầu mối liên hệ")]
    public string? Contact { get; set; }

    public InvestmentProjectDraft ToDraft(decimal? totalInvestment) => new(TitleVi, TitleEn, SectorCode, ZoneCode, LocationVi, LocationEn, SummaryVi, SummaryEn,
        ScaleVi, ScaleEn, totalInvestment, InvestmentFormVi, InvestmentFormEn, Contact);

    public static ProjectInput From(InvestmentProject p) => new()
    {
        TitleVi = p.TitleVi, TitleEn = p.TitleEn, SectorCode = p.SectorCode, ZoneCode = p.ZoneCode, LocationVi = p.LocationVi, LocationEn = p.LocationEn,
        SummaryVi = p.SummaryVi, SummaryEn = p.SummaryEn, ScaleVi = p.ScaleVi, ScaleEn = p.ScaleEn, TotalInvestment = p.TotalInvestment is { } t ? VnFormat.Dong(t) : null,
        InvestmentFormVi = p.InvestmentFormVi, InvestmentFormEn = p.InvestmentFormEn, Contact = p.Contact,
    };
}

/// <summary>Reads the optional amount typed the Vietnamese way; false, with a field error, when it is not one.</summary>
internal static class ProjectAmount
{
    public static bool TryRead(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        amount = state.ReadAmount("Input.TotalInvestment", text, "Tổng vốn đầu tư dự kiến");
        return amount is not null;
    }
}
