using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.Identity;

public sealed record UserRow(string Id, string Email, string FullName, string? Title, IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut, bool TwoFactorEnabled, bool IsDemo, DateTime CreatedAt);

/// <summary>
/// Account administration (Admin role): create accounts with one role, change the role, disable at once
/// (the security stamp changes, so every session of the account ends on its next request), unlock,
/// reset the password. The administrator never edits business data.
/// </summary>
public sealed class UserAdminService(UserManager<AppUser> users, TimeProvider clock, ILogger<UserAdminService> logger)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        var all = await users.Users.AsNoTracking().ToListAsync(ct);
        var result = new List<UserRow>(all.Count);
        // Vietnamese lists of people go by given name (the last word), then the whole name, in Vietnamese order.
        foreach (var u in all.OrderBy(u => GivenName(u.FullName), VietnameseOrder).ThenBy(u => u.FullName, VietnameseOrder).ThenBy(u => u.Email, StringComparer.Ordinal))
        {
            result.Add(await RowAsync(u));
        }

        return result;
    }

    private static readonly IComparer<string?> VietnameseOrder = Comparer<string?>.Create(Persistence.VietnameseCollationInterceptor.Compare);

    /// <summary>"Nguyễn Thị Đào" → "Đào".</summary>
    public static string GivenName(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? "" : words[^1];
    }

    public async Task<UserRow?> GetAsync(string id)
    {
        var u = await users.FindByIdAsync(id);
        return u is null ? null : await RowAsync(u);
    }

    public async Task<string> CreateAsync(string email, string fullName, string? title, string role, string password)
    {
        CheckRole(role);
        email = Guard.Required(email, "Thư điện tử", 256, "Email");
        fullName = Guard.Required(fullName, "Họ và tên", 200, "FullName");
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException($"Đã có tài khoản {email}.", "Email");
        }

        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
            Title = Guard.Optional(title, "Chức vụ", 200, "Title"), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, password), "Password");
        Check(await users.AddToRoleAsync(user, role));
        logger.LogInformation("Account {UserId} created with role {Role}", user.Id, role);
        return user.Id;
    }

    public async Task UpdateAsync(string id, string fullName, string? title, string role, string actingUserId)
    {
        CheckRole(role);
        var user = await FindAsync(id);
        user.FullName = Guard.Required(fullName, "Họ và tên", 200, "FullName");
        user.Title = Guard.Optional(title, "Chức vụ", 200, "Title");
        var current = await users.GetRolesAsync(user);
        if (id == actingUserId && current.Contains(Roles.Admin) && role != Roles.Admin)
        {
            throw new DomainException("Không thể tự bỏ vai trò Quản trị hệ thống của chính mình.", "Role");
        }

        Check(await users.UpdateAsync(user));
        if (!current.SequenceEqual([role]))
        {
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, role));
            // A new role takes effect at once: the old cookie (with the old role) is no longer valid.
            Check(await users.UpdateSecurityStampAsync(user));
            logger.LogInformation("Account {UserId} role changed to {Role}", id, role);
        }
    }

    public async Task SetActiveAsync(string id, bool active, string actingUserId)
    {
        if (id == actingUserId && !active)
        {
            throw new DomainException("Không thể tự vô hiệu hóa tài khoản của chính mình.");
        }

        var user = await FindAsync(id);
        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        logger.LogInformation("Account {UserId} {State}", id, active ? "enabled" : "disabled");
    }

    /// <summary>Ends every session of the account (a new security stamp), without changing anything else.</summary>
    public async Task SignOutEverywhereAsync(string id)
    {
        var user = await FindAsync(id);
        Check(await users.UpdateSecurityStampAsync(user));
        logger.LogInformation("Every session of account {UserId} ended by an administrator", id);
    }

    public async Task UnlockAsync(string id)
    {
        var user = await FindAsync(id);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    public async Task ResetPasswordAsync(string id, string newPassword)
    {
        var user = await FindAsync(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword), "NewPassword");
        logger.LogInformation("Password of account {UserId} reset by an administrator", id);
    }

    private async Task<AppUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new DomainException("Không tìm thấy tài khoản.");

    private async Task<UserRow> RowAsync(AppUser u) => new(u.Id, u.Email ?? "", u.FullName, u.Title, (await users.GetRolesAsync(u)).ToList(),
        u.IsActive, u.LockoutEnd > clock.GetUtcNow(), u.TwoFactorEnabled, u.IsDemo, u.CreatedAt);

    private static void CheckRole(string role)
    {
        if (!Roles.All.Contains(role))
        {
            throw new DomainException("Vai trò không hợp lệ.", "Role");
        }
    }

    private static void Check(IdentityResult result, string? field = null)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)), field);
        }
    }
}
