using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Web.Security;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Account;

/// <summary>The signed-in user's own security: password, authenticator (two-factor) and recovery codes.</summary>
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptionsMonitor<SecurityOptions> options, ILogger<SecurityModel> logger) : PageModel
{
    private const string Issuer = "CNHT Nghệ An";

    [BindProperty] public PasswordInput Password { get; set; } = new();
    [BindProperty] public CodeInput Verify { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }

    public bool TwoFactorEnabled { get; private set; }
    public bool TwoFactorMandatory { get; private set; }
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }

    /// <summary>The authenticator URI as a QR code, drawn on the server (SVG markup the library writes, no user text in it).</summary>
    public string? QrSvg => AuthenticatorUri is null ? null : QrCodes.Svg(AuthenticatorUri);
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu hiện tại")]
        public string? Current { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu mới")]
        public string? New { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới.")]
        [DataType(DataType.Password)]
        [Compare(nameof(New), ErrorMessage = "Mật khẩu nhập lại không khớp.")]
        [Display(Name = "Nhập lại mật khẩu mới")]
        public string? Confirm { get; set; }
    }

    public sealed class CodeInput
    {
        [Display(Name = "Mã 6 chữ số từ ứng dụng")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ModelState.Remove("Verify.Code");
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Password.Current!, Password.New!);
            if (result.Succeeded)
            {
                // The security stamp changed: every other session of this account is signed out.
                await signIn.RefreshSignInAsync(user);
                logger.LogInformation("User {UserId} changed the password", user.Id);
                TempData["Success"] = "Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã bị đăng xuất.";
                return RedirectToPage();
            }

            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", e.Description);
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (Verify.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = code.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Verify.Code", "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã mới nhất.");
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // The session now counts as signed in with a second factor.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorEnforcement.MfaClaimType, TwoFactorEnforcement.MfaClaimValue)]);
        logger.LogInformation("User {UserId} enabled two-factor authentication", user.Id);
        TempData["RecoveryCodes"] = string.Join(' ', codes);
        TempData["Success"] = "Đã bật xác thực hai lớp. Hãy lưu các mã khôi phục dưới đây ở nơi an toàn.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            TempData["Error"] = "Chưa bật xác thực hai lớp.";
            return RedirectToPage();
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        TempData["RecoveryCodes"] = string.Join(' ', codes);
        TempData["Success"] = "Đã tạo bộ mã khôi phục mới; các mã cũ không còn dùng được.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (IsMandatory())
        {
            TempData["Error"] = "Vai trò của bạn bắt buộc dùng xác thực hai lớp; không tắt được.";
            return RedirectToPage();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} disabled two-factor authentication", user.Id);
        TempData["Success"] = "Đã tắt xác thực hai lớp.";
        return RedirectToPage();
    }

    /// <summary>"Đăng xuất khỏi mọi thiết bị": a new security stamp ends every session of the account, this one included.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        logger.LogInformation("User {UserId} signed out on every device", user.Id);
        TempData["Success"] = "Đã đăng xuất khỏi mọi thiết bị. Vui lòng đăng nhập lại.";
        return RedirectToPage("/Account/Login");
    }

    private bool IsMandatory() => options.CurrentValue.EnforceTwoFactor && SecurityOptions.TwoFactorRoles.Any(User.IsInRole);

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        TwoFactorMandatory = IsMandatory();
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (TempData["RecoveryCodes"] is string codes)
        {
            NewRecoveryCodes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        if (!TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // The first key to scan: stored without renewing the security stamp (which ResetAuthenticatorKeyAsync
                // does), so opening this page never signs the user out on their other devices. It does nothing until
                // the user confirms a code from the app (Enable).
                key = users.GenerateNewAuthenticatorKey();
                await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName, key);
            }

            SharedKey = FormatKey(key!);
            AuthenticatorUri = string.Create(CultureInfo.InvariantCulture,
                $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        }

        return true;
    }

    /// <summary>Where Identity's user store keeps the authenticator key (UserStoreBase's internal login provider and token name).</summary>
    private const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
