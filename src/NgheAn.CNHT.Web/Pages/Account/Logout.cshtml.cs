using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Infrastructure.Identity;

namespace NgheAn.CNHT.Web.Pages.Account;

/// <summary>
/// Signing out ends the session on the server: the account's security stamp changes, so the cookie just
/// removed — and any copy of it, on this device or another — is refused on its next request (SessionValidation).
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LogoutModel> logger) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("User {UserId} signed out; every session of the account ended", user.Id);
        }

        await signIn.SignOutAsync();
        TempData["Success"] = "Bạn đã đăng xuất.";
        return RedirectToPage("/Account/Login");
    }
}
