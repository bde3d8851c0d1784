namespace NgheAn.CNHT.Application.PublicContent;

/// <summary>Vietnamese labels of the public content's fields for the audit page (FieldText, AuditQueries).</summary>
internal static class PublicContentLabels
{
    public const string ProjectName = "Dự án CNHT trọng điểm ưu tiên thu hút đầu tư";
    public const string NewsName = "Tin tức, sự kiện trên cổng thông tin";

    public static Dictionary<string, string> Project { get; } = new()
    {
        ["Slug"] = "Địa chỉ trang dự án",
        ["TitleVi"] = "Tên dự án (tiếng Việt)",
        ["TitleEn"] = "Tên dự án (tiếng Anh)",
        ["SectorCode"] = "Lĩnh vực",
        ["ZoneCode"] = "Khu công nghiệp, khu kinh tế",
        ["LocationVi"] = "Địa điểm (tiếng Việt)",
        ["LocationEn"] = "Địa điểm (tiếng Anh)",
        ["SummaryVi"] = "Mô tả dự án (tiếng Việt)",
        ["SummaryEn"] = "Mô tả dự án (tiếng Anh)",
        ["ScaleVi"] = "Quy mô (tiếng Việt)",
        ["ScaleEn"] = "Quy mô (tiếng Anh)",
        ["TotalInvestment"] = "Tổng vốn đầu tư dự kiến (đồng)",
        ["InvestmentFormVi"] = "Hình thức đầu tư (tiếng Việt)",
        ["InvestmentFormEn"] = "Hình thức đầu tư (tiếng Anh)",
        ["Contact"] = "Đầu mối liên hệ",
        ["State"] = "Trạng thái công khai",
        ["WithdrawalReason"] = "Lý do rút khỏi danh mục",
        ["IsSample"] = "Dữ liệu mẫu",
    };

    public static Dictionary<string, string> News { get; } = new()
    {
        ["Slug"] = "Địa chỉ trang tin",
        ["Kind"] = "Loại tin",
        ["TitleVi"] = "Tiêu đề (tiếng Việt)",
        ["TitleEn"] = "Tiêu đề (tiếng Anh)",
        ["Format"] = "Cách trình bày nội dung",
        ["BodyVi"] = "Nội dung (tiếng Việt)",
        ["BodyEn"] = "Nội dung (tiếng Anh)",
        ["StartsOn"] = "Ngày bắt đầu",
        ["EndsOn"] = "Ngày kết thúc",
        ["PlaceVi"] = "Địa điểm (tiếng Việt)",
        ["PlaceEn"] = "Địa điểm (tiếng Anh)",
        ["PublishedAt"] = "Thời điểm đăng",
        ["State"] = "Trạng thái công khai",
        ["IsSample"] = "Dữ liệu mẫu",
    };
}
