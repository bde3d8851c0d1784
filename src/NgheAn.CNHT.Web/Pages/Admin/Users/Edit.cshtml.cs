using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Admin.Users;

public sealed class EditModel(UserAdminService admin, UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty] public InputModel Input { get; set; } = new();
    [Display(Name = "Mật khẩu mới")] [BindProperty] public string? NewPassword { get; set; }

    public UserRow Account { get; private set; } = null!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
        [StringLength(200, ErrorMessage = "Họ và tên dài tối đa 200 ký tự.")]
        [Display(Name = "Họ và tên")]
        public string? FullName { get; set; }

        [StringLength(200, ErrorMessage = "Chức vụ dài tối đa 200 ký tự.")]
        [Display(Name = "Chức vụ")]
        public string? Title { get; set; }

        [Display(Name = "Vai trò")]
        public string Role { get; set; } = Roles.Viewer;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new InputModel { FullName = Account.FullName, Title = Account.Title, Role = Account.Roles.Count > 0 ? Account.Roles[0] : Roles.Viewer };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync() => Do(async me =>
    {
        if (!ModelState.IsValid)
        {
            return false;
        }

        await admin.UpdateAsync(Id, Input.FullName!, Input.Title, Input.Role, me);
        TempData["Success"] = "Đã lưu thông tin tài khoản.";
        return true;
    });

    public Task<IActionResult> OnPostDisableAsync() => Do(async me =>
    {
        await admin.SetActiveAsync(Id, false, me);
        TempData["Success"] = "Đã vô hiệu hóa tài khoản; mọi phiên đăng nhập của tài khoản đã kết thúc.";
        return true;
    }, validateInput: false);

    public Task<IActionResult> OnPostEnableAsync() => Do(async me =>
    {
        await admin.SetActiveAsync(Id, true, me);
        TempData["Success"] = "Đã kích hoạt lại tài khoản.";
        return true;
    }, validateInput: false);

    public Task<IActionResult> OnPostSignOutEverywhereAsync() => Do(async _ =>
    {
        await admin.SignOutEverywhereAsync(Id);
        TempData["Success"] = "Đã đăng xuất tài khoản khỏi mọi thiết bị.";
        return true;
    }, validateInput: false);

    public Task<IActionResult> OnPostUnlockAsync() => Do(async _ =>
    {
        await admin.UnlockAsync(Id);
        TempData["Success"] = "Đã mở khóa tài khoản.";
        return true;
    }, validateInput: false);

    public Task<IActionResult> OnPostResetPasswordAsync() => Do(async _ =>
    {
        if (string.IsNullOrWhiteSpace(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Vui lòng nhập mật khẩu mới.");
            return false;
        }

        await admin.ResetPasswordAsync(Id, NewPassword);
        TempData["Success"] = "Đã đặt lại mật khẩu; các phiên đăng nhập cũ của tài khoản đã kết thúc.";
        return true;
    }, validateInput: false);

    private async Task<IActionResult> Do(Func<string, Task<bool>> action, bool validateInput = true)
    {
        if (!validateInput)
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }

        if (await admin.GetAsync(Id) is null)
        {
            return NotFound();
        }

        try
        {
            if (await action(users.GetUserId(User)!))
            {
                return RedirectToPage(new { Id });
            }
        }
        catch (DomainException ex)
        {
            if (ex.Field == "NewPassword")
            {
                ModelState.AddModelError(nameof(NewPassword), ex.Message);
            }
            else
            {
                ModelState.AddDomainError(ex);
                if (ex.Field is null)
                {
                    TempData["Error"] = ex.Message;
                    return RedirectToPage(new { Id });
                }
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var account = await admin.GetAsync(Id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        return true;
    }
}
