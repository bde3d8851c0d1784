using System.ComponentModel.DataAnnotations;
using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.Web.Pages.PublicContent.News;

/// <summary>The form of a news post or event (create and edit).</summary>
public sealed class NewsInput
{
    [Display(Name = "Loại tin")]
    public NewsKind Kind { get; set; } = NewsKind.News;

    [Display(Name = "Tiêu đề (tiếng Việt)")]
    public string? TitleVi { get; set; }

    [Display(Name = "Tiêu đề (tiếng Anh)")]
    public string? TitleEn { get; set; }

    [Display(Name = "Cách trình bày nội dung")]
    public TextFormat Format { get; set; } = TextFormat.Markdown;

    [Display(Name = "Nội dung (tiếng Việt)")]
    public string? BodyVi { get; set; }

    [Display(Name = "Nội dung (tiếng Anh)")]
    public string? BodyEn { get; set; }

    [Display(Name = "Ngày bắt đầu")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Ngày kết thúc")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Địa điểm (tiếng Việt)")]
    public string? PlaceVi { get; set; }

    [Display(Name = "Địa điểm (tiếng Anh)")]
    public string? PlaceEn { get; set; }

    public NewsPostDraft ToDraft() => new(Kind, TitleVi, TitleEn, Format, BodyVi, BodyEn, StartsOn, EndsOn, PlaceVi, PlaceEn);

    public static NewsInput From(NewsPost p) => new()
    {
        Kind = p.Kind, TitleVi = p.TitleVi, TitleEn = p.TitleEn, Format = p.Format, BodyVi = p.BodyVi, BodyEn = p.BodyEn,
        StartsOn = p.StartsOn, EndsOn = p.EndsOn, PlaceVi = p.PlaceVi, PlaceEn = p.PlaceEn,
    };
}
