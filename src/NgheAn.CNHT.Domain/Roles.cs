namespace NgheAn.CNHT.Domain;

/// <summary>The portal's roles (domain.md, "Who does what").</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string DoitSpecialist = "DoitSpecialist";
    public const string DoitLeader = "DoitLeader";
    public const string SupportCenter = "SupportCenter";
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, DoitSpecialist, DoitLeader, SupportCenter, Viewer];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        DoitSpecialist => "Chuyên viên Sở",
        DoitLeader => "Lãnh đạo Sở",
        SupportCenter => "Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương",
        Viewer => "Lãnh đạo UBND tỉnh, Sở Tài chính (chỉ xem)",
        _ => role,
    };
}
