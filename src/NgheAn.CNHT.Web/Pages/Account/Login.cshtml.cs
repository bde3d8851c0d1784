using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Infrastructure.Identity;

namespace NgheAn.CNHT.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LoginModel> logger) : PageModel
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsActive: false })
        {
            logger.LogWarning("Sign-in refused for disabled account {UserId}", user.Id);
            ModelState.AddModelError(string.Empty, "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị hệ thống.");
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user!.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./TwoFactor", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }

        if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, "Tài khoản chưa xác nhận thư điện tử. Vui lòng mở liên kết xác nhận trong thư đã gửi tới địa chỉ đăng ký rồi đăng nhập lại.");
            return Page();
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {UserId} locked out after repeated failures", user!.Id);
            ModelState.AddModelError(string.Empty, "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
            return Page();
        }

        ModelState.AddModelError(string.Empty, "Thư điện tử hoặc mật khẩu không đúng.");
        return Page();
    }
}
