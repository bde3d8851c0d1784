using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Web.Security;

namespace NgheAn.CNHT.Web.Pages.Account;

/// <summary>Sign-in. Attempts are limited per client address (AuthRateLimit); the password check is SignInGate's.</summary>
[EnableRateLimiting(AuthRateLimit.Policy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInGate gates, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Display(Name = "Ghi nhớ đăng nhập")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Wrong password, unknown e-mail, disabled or locked account: one answer, about the same time (SignInGate).
        var gate = await gates.CheckAsync(Input.Email.Trim(), Input.Password, ct);
        switch (gate.Outcome)
        {
            case SignInGateOutcome.Disabled:
                ModelState.AddModelError(string.Empty, "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị hệ thống.");
                return Page();
            case SignInGateOutcome.LockedOut:
                ModelState.AddModelError(string.Empty,
                    $"Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {VnFormat.DateTime(gate.LockedUntil!.Value.UtcDateTime)}, hoặc liên hệ quản trị hệ thống để mở khóa.");
                return Page();
            case SignInGateOutcome.Refused:
                ModelState.AddModelError(string.Empty, SignInGate.GenericFailure);
                return Page();
        }

        var user = gate.User!;
        // The password was just checked; lockout is the gate's own progressive rule, so none is counted here.
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./TwoFactor", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }

        if (result.IsNotAllowed)
        {
            // Reached only after the right password (SignInGate), so it tells an outsider nothing.
            ModelState.AddModelError(string.Empty, "Tài khoản chưa xác nhận thư điện tử. Vui lòng mở liên kết xác nhận trong thư đã gửi tới địa chỉ đăng ký rồi đăng nhập lại.");
            return Page();
        }

        ModelState.AddModelError(string.Empty, SignInGate.GenericFailure);
        return Page();
    }
}
