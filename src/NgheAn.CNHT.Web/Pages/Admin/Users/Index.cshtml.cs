using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdminService admin) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử (tên đăng nhập)")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
        [StringLength(200, ErrorMessage = "Họ và tên dài tối đa 200 ký tự.")]
        [Display(Name = "Họ và tên")]
        public string? FullName { get; set; }

        [StringLength(200, ErrorMessage = "Chức vụ dài tối đa 200 ký tự.")]
        [Display(Name = "Chức vụ")]
        public string? Title { get; set; }

        [Display(Name = "Vai trò")]
        public string Role { get; set; } = Roles.Viewer;

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu ban đầu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu ban đầu")]
        public string? Password { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await admin.CreateAsync(Input.Email!, Input.FullName!, Input.Title, Input.Role, Input.Password!);
                TempData["Success"] = $"Đã tạo tài khoản {Input.Email} ({Roles.DisplayName(Input.Role)}).";
                return RedirectToPage();
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex);
            }
        }

        Users = await admin.ListAsync(ct);
        return Page();
    }
}
