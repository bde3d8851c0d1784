using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Infrastructure.Identity;

namespace NgheAn.CNHT.Web.Pages.Account;

/// <summary>Second sign-in step: a code from the authenticator app, or a one-time recovery code.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(NgheAn.CNHT.Web.Security.AuthRateLimit.Policy)]
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, ILogger<TwoFactorModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập mã xác thực.")]
        [StringLength(20, ErrorMessage = "Mã xác thực không hợp lệ.")]
        [Display(Name = "Mã xác thực (6 chữ số) hoặc mã khôi phục")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        return user is null ? RedirectToPage("./Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code!.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with a second factor", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "Tài khoản tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
            return Page();
        }

        ModelState.AddModelError("Input.Code", "Mã xác thực không đúng hoặc đã hết hạn.");
        return Page();
    }
}
