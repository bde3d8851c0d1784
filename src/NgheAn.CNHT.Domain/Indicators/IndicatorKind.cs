namespace NgheAn.CNHT.Domain.Indicators;

/// <summary>
/// The kinds of output indicator (chỉ tiêu đầu ra) issue 19 names. A fixed list, so the same kind adds up across the
/// items of a group and of the program, and the report can write one sentence per kind in the seed's style.
/// </summary>
public enum IndicatorKind
{
    EnterprisesSupported,
    Trainees,
    ProductsRenewed,
    EnterprisesCertified,
    EventsHeld,
    DatabaseEntries,
    SupplierConnections,
}

public static class IndicatorKinds
{
    public static IReadOnlyList<IndicatorKind> All { get; } = Enum.GetValues<IndicatorKind>();

    public static string DisplayName(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.EnterprisesSupported => "Doanh nghiệp được hỗ trợ",
        IndicatorKind.Trainees => "Học viên được đào tạo",
        IndicatorKind.ProductsRenewed => "Sản phẩm được hỗ trợ đổi mới công nghệ",
        IndicatorKind.EnterprisesCertified => "Doanh nghiệp được chứng nhận hệ thống quản lý",
        IndicatorKind.EventsHeld => "Hội chợ, hội thảo được tổ chức",
        IndicatorKind.DatabaseEntries => "Doanh nghiệp trong cơ sở dữ liệu CNHT",
        IndicatorKind.SupplierConnections => "Kết nối nhà cung ứng – khách hàng",
        _ => kind.ToString(),
    };

    public static string Unit(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.EnterprisesSupported or IndicatorKind.EnterprisesCertified or IndicatorKind.DatabaseEntries => "doanh nghiệp",
        IndicatorKind.Trainees => "học viên",
        IndicatorKind.ProductsRenewed => "sản phẩm",
        IndicatorKind.EventsHeld => "sự kiện",
        IndicatorKind.SupplierConnections => "kết nối",
        _ => "",
    };

    /// <summary>The phrase of a sentence in the seed's style: "hỗ trợ 12 doanh nghiệp".</summary>
    public static string Phrase(this IndicatorKind kind, string count) => kind switch
    {
        IndicatorKind.EnterprisesSupported => $"hỗ trợ {count} doanh nghiệp",
        IndicatorKind.Trainees => $"đào tạo {count} học viên",
        IndicatorKind.ProductsRenewed => $"hỗ trợ đổi mới công nghệ {count} sản phẩm",
        IndicatorKind.EnterprisesCertified => $"hỗ trợ {count} doanh nghiệp được chứng nhận hệ thống quản lý",
        IndicatorKind.EventsHeld => $"tổ chức {count} hội chợ, hội thảo",
        IndicatorKind.DatabaseEntries => $"cập nhật {count} doanh nghiệp vào cơ sở dữ liệu CNHT",
        IndicatorKind.SupplierConnections => $"tạo {count} kết nối nhà cung ứng – khách hàng",
        _ => count,
    };
}
