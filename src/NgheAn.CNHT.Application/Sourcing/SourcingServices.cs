using Microsoft.Extensions.DependencyInjection;

namespace NgheAn.CNHT.Application.Sourcing;

public static class SourcingServices
{
    /// <summary>Sourcing requests: buyers, ranked suppliers, interests, linkage statistics (issue 17 item 4).</summary>
    public static IServiceCollection AddSourcing(this IServiceCollection services)
    {
        services.AddScoped<SupplierRanking>();
        services.AddScoped<SourcingService>();
        services.AddScoped<SourcingStatistics>();
        return services;
    }
}

/// <summary>Vietnamese labels of the sourcing fields for the audit page (FieldText).</summary>
internal static class SourcingLabels
{
    public static Dictionary<string, string> Request { get; } = new()
    {
        ["BuyerOrganizationId"] = "Doanh nghiệp cần tìm nhà cung ứng (mã số)",
        ["Title"] = "Sản phẩm, dịch vụ cần tìm",
        ["SectorCode"] = "Lĩnh vực",
        ["ProcessCode"] = "Công đoạn sản xuất",
        ["CertificationCode"] = "Chứng nhận yêu cầu",
        ["Quantity"] = "Số lượng, sản lượng",
        ["Deadline"] = "Hạn cần hàng",
        ["Description"] = "Mô tả yêu cầu",
        ["PostedBy"] = "Người đăng",
        ["PostedByDepartment"] = "Sở Công Thương đăng thay doanh nghiệp",
        ["PostedAt"] = "Thời điểm đăng",
        ["Year"] = "Năm thống kê",
        ["ClosedAt"] = "Thời điểm đóng",
        ["ClosedBy"] = "Người đóng",
    };

    public static Dictionary<string, string> Interest { get; } = new()
    {
        ["SourcingRequestId"] = "Nhu cầu tìm nhà cung ứng (mã số)",
        ["SupplierOrganizationId"] = "Doanh nghiệp quan tâm (mã số)",
        ["Message"] = "Lời nhắn gửi bên mua",
        ["ExpressedBy"] = "Người bày tỏ quan tâm",
        ["ExpressedAt"] = "Thời điểm bày tỏ quan tâm",
    };
}
