using Microsoft.AspNetCore.Identity;

namespace NgheAn.CNHT.Infrastructure.Identity;

/// <summary>A portal user. Accounts are created by an administrator; there is no self-registration.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public string? Title { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
}
