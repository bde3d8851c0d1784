using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Infrastructure.Identity;

namespace NgheAn.CNHT.Infrastructure.Seeding;

/// <summary>Roles, the first administrator (create-admin) and, in Development only, one demo user per role.</summary>
public sealed class UserSeeder(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<UserSeeder> logger)
{
    /// <summary>Demo password, documented in README; these accounts exist only in Development.</summary>
    public const string DemoPassword = "Demo@2026!";

    public static IReadOnlyList<(string Email, string FullName, string Role)> DemoUsers { get; } =
    [
        ("admin@cnht.demo", "Quản trị hệ thống (mẫu)", Roles.Admin),
        ("chuyenvien@cnht.demo", "Nguyễn Văn An (Chuyên viên Sở, mẫu)", Roles.DoitSpecialist),
        ("lanhdao@cnht.demo", "Trần Thị Bình (Lãnh đạo Sở, mẫu)", Roles.DoitLeader),
        ("trungtam@cnht.demo", "Lê Văn Cường (Trung tâm, mẫu)", Roles.SupportCenter),
        ("xem@cnht.demo", "Phạm Thị Dung (UBND tỉnh, mẫu)", Roles.Viewer),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.Known)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public async Task EnsureDemoUsersAsync()
    {
        await EnsureRolesAsync();
        foreach (var (email, fullName, role) in DemoUsers)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                await CreateAsync(email, DemoPassword, fullName, role, isDemo: true);
            }
        }
    }

    /// <summary>Creates an administrator, or fails with Identity's (Vietnamese) reasons.</summary>
    public async Task<AppUser> CreateAdminAsync(string email, string password)
    {
        await EnsureRolesAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new InvalidOperationException($"Đã có tài khoản {email}.");
        }

        var user = await CreateAsync(email, password, "Quản trị hệ thống", Roles.Admin, isDemo: false);
        logger.LogInformation("Administrator account {UserId} created", user.Id);
        return user;
    }

    public async Task<AppUser> CreateAsync(string email, string password, string fullName, string role, bool isDemo)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            IsDemo = isDemo,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
