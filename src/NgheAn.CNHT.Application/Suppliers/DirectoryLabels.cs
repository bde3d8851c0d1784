namespace NgheAn.CNHT.Application.Suppliers;

/// <summary>Vietnamese labels of the directory's fields for the audit page (FieldText).</summary>
internal static class DirectoryLabels
{
    public static Dictionary<string, string> Profile { get; } = new()
    {
        ["OrganizationId"] = "Doanh nghiệp (mã số)",
        ["Slug"] = "Địa chỉ trang hồ sơ",
        ["IsPublished"] = "Đã công khai trong danh bạ",
        ["NameVi"] = "Tên doanh nghiệp (tiếng Việt)",
        ["NameEn"] = "Tên doanh nghiệp (tiếng Anh)",
        ["CommuneCode"] = "Mã xã, phường",
        ["CommuneName"] = "Xã, phường",
        ["ZoneCode"] = "Khu công nghiệp, khu kinh tế",
        ["Address"] = "Địa chỉ",
        ["ShowAddress"] = "Công khai địa chỉ",
        ["ShowTaxCode"] = "Công khai mã số thuế",
        ["SectorCodes"] = "Lĩnh vực",
        ["ProcessCodes"] = "Công đoạn sản xuất",
        ["CertificationCodes"] = "Chứng nhận",
        ["ProductsVi"] = "Sản phẩm (tiếng Việt)",
        ["ProductsEn"] = "Sản phẩm (tiếng Anh)",
        ["Capacity"] = "Năng lực sản xuất",
        ["ShowCapacity"] = "Công khai năng lực sản xuất",
        ["Workforce"] = "Quy mô lao động",
        ["ShowWorkforce"] = "Công khai quy mô lao động",
        ["ExportMarkets"] = "Thị trường xuất khẩu",
        ["ShowExportMarkets"] = "Công khai thị trường xuất khẩu",
        ["Website"] = "Trang web",
        ["ShowWebsite"] = "Công khai trang web",
        ["ContactName"] = "Người liên hệ",
        ["ShowContactName"] = "Công khai người liên hệ",
        ["ContactPhone"] = "Số điện thoại liên hệ",
        ["ShowContactPhone"] = "Công khai số điện thoại",
        ["ContactEmail"] = "Thư điện tử liên hệ",
        ["ShowContactEmail"] = "Công khai thư điện tử",
        ["CapabilityVerifiedOn"] = "Ngày xác nhận năng lực",
        ["CapabilityProposalId"] = "Đề án xác nhận năng lực (mã số)",
        ["CapabilityVerifiedBy"] = "Người xác nhận năng lực",
        ["LogoImageId"] = "Logo (mã ảnh)",
        ["PhotoImageIds"] = "Ảnh (mã ảnh)",
    };

    /// <summary>Logo and photos (ADR 0193); the bytes are never in the trail.</summary>
    public static Dictionary<string, string> Image { get; } = new()
    {
        ["SupplierProfileId"] = "Hồ sơ danh bạ (mã số)",
        ["Kind"] = "Loại ảnh",
        ["ContentType"] = "Định dạng",
        ["Size"] = "Dung lượng",
        ["Sha256"] = "Mã băm SHA-256",
        ["UploadedBy"] = "Người tải lên",
        ["UploadedAt"] = "Thời điểm tải lên",
        ["RetiredAt"] = "Thời điểm thôi sử dụng",
        ["RetiredReason"] = "Lý do thôi sử dụng",
        ["ReleasedAt"] = "Thời điểm giải phóng nội dung ảnh",
    };

    public static Dictionary<string, string> Certification { get; } = new()
    {
        ["SupplierProfileId"] = "Hồ sơ danh bạ (mã số)",
        ["Code"] = "Chứng nhận",
        ["ValidUntil"] = "Hiệu lực đến",
    };

    public static Dictionary<string, string> Change { get; } = new()
    {
        ["SupplierProfileId"] = "Hồ sơ danh bạ (mã số)",
        ["ContentJson"] = "Nội dung đề nghị thay đổi",
        ["SubmittedBy"] = "Người gửi",
        ["SubmittedAt"] = "Thời điểm gửi",
        ["DecidedBy"] = "Người duyệt",
        ["DecidedAt"] = "Thời điểm duyệt",
        ["RejectionReason"] = "Lý do không duyệt",
    };
}
