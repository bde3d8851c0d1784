using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Pages.Guide;

/// <summary>One screenshot of the guide: the section (role) it illustrates, its file under wwwroot/images/guide and its caption.</summary>
public sealed record GuideScreen(string Role, string FileName, string Path, string Caption);

/// <summary>
/// The screenshots of the guide, produced by the browser test GuideScreenshotTests at 1366 px into docs/images/guide and
/// wwwroot/images/guide with these names, so they follow the pages (issue 22 (8)). A missing file is left out of the page.
/// </summary>
public static class GuideScreens
{
    public const string Folder = "images/guide";

    public static IReadOnlyList<GuideScreen> All { get; } =
    [
        new(Roles.DoitSpecialist, "chuyen-vien-de-an.png", "/Proposals", "Danh sách đề án: tìm theo mã, tên (có dấu hoặc không dấu), lọc theo chương trình, năm, trạng thái."),
        new(Roles.SupportCenter, "trung-tam-tiep-nhan.png", "/Intake", "Tiếp nhận hồ sơ trực tuyến của doanh nghiệp."),
        new(Roles.SupportCenter, "trung-tam-giai-ngan.png", "/Disbursements", "Giải ngân: tình hình giải ngân theo đề án và sổ bút toán."),
        new(Roles.SupportCenter, "doanh-nghiep-dang-ky.png", "/DoanhNghiep/DangKy", "Điều doanh nghiệp nhìn thấy: đăng ký tài khoản doanh nghiệp để nộp hồ sơ trực tuyến (Trung tâm xác minh tài khoản)."),
        new(Roles.DoitLeader, "lanh-dao-trang-chu.png", "/", "Trang chủ của Lãnh đạo Sở: việc chờ phê duyệt và số liệu toàn chương trình."),
        new(Roles.DoitLeader, "lanh-dao-de-an-cho-duyet.png", "/Proposals?status=Appraised", "Các đề án đã thẩm định, chờ phê duyệt."),
        new(Roles.Viewer, "chi-xem-bao-cao.png", "/Reports", "Báo cáo: xem trên trang hoặc tải PDF, Excel."),
        new(Roles.Admin, "quan-tri-tai-khoan.png", "/Admin/Users", "Quản trị tài khoản và phân quyền."),
    ];
}
