namespace NgheAn.CNHT.Domain;

/// <summary>The portal's roles (domain.md, "Who does what").</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string DoitSpecialist = "DoitSpecialist";
    public const string DoitLeader = "DoitLeader";
    public const string SupportCenter = "SupportCenter";
    public const string Viewer = "Viewer";
    /// <summary>An enterprise's own account (self-registered, verified by the Support Center): sees only its own organization's data.</summary>
    public const string Enterprise = "Enterprise";

    /// <summary>The department's roles (staff), which an administrator assigns.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, DoitSpecialist, DoitLeader, SupportCenter, Viewer];

    /// <summary>Every role the portal knows: the staff roles and <see cref="Enterprise"/>, which comes only from self-registration.</summary>
    public static IReadOnlyList<string> Known { get; } = [.. All, Enterprise];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        DoitSpecialist => "Chuyên viên Sở",
        DoitLeader => "Lãnh đạo Sở",
        SupportCenter => "Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương",
        Viewer => "Lãnh đạo UBND tỉnh, Sở Tài chính (chỉ xem)",
        Enterprise => "Doanh nghiệp",
        _ => role,
    };
}
